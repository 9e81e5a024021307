// GET /admin/incidents/:id/announcement?lang=en|es (Authorization: Bearer $ADMIN_TOKEN): the incident's
// announcement in Markdown (src/incidents/announcement.ts), as it stands now. Without `lang`, the
// Accept-Language header may choose; English otherwise.
import { Hono, type MiddlewareHandler } from "hono";
import { announcement } from "../../incidents/announcement.js";
import { ANNOUNCEMENT_LANGUAGES, type AnnouncementLanguage } from "../../incidents/announcement-words.js";
import type { IncidentStore } from "../../incidents/types.js";
import type { AppEnv } from "../env.js";
import { ApiError, methodNotAllowed } from "../errors.js";
import { INCIDENT_ANNOUNCEMENT_PATH } from "../schemas/incident-announcement.js";
import { INCIDENT_ID } from "../schemas/incidents.js";

export interface IncidentAnnouncementOptions {
  /** Lets through only the admin: ADMIN_TOKEN or a key with the `admin` scope (src/http/access.ts). */
  admin: MiddlewareHandler<AppEnv>;
  store: IncidentStore;
  clock?: () => number;
}

export function incidentAnnouncementRoutes(options: IncidentAnnouncementOptions): Hono<AppEnv> {
  const clock = options.clock ?? Date.now;
  const routes = new Hono<AppEnv>();
  routes.get(INCIDENT_ANNOUNCEMENT_PATH, options.admin, async (context) => {
    const lang = requestedLanguage(context.req.query("lang"), context.req.header("accept-language"));
    const id = context.req.param("id");
    // As GET /admin/incidents/:id answers (incidents-admin.ts): a malformed id is the request's fault.
    if (!INCIDENT_ID.test(id)) {
      throw new ApiError("invalid_request", "id: must be inc_ followed by 16 lowercase hex digits.");
    }
    const incident = await options.store.getIncident(id);
    if (incident === null) throw new ApiError("unknown_incident", "No such incident.");
    return context.body(announcement(incident, lang, clock()), 200, {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Language": lang,
      // The answer depends on Accept-Language when no lang is given, and on the time it is asked.
      Vary: "Accept-Language",
      "Cache-Control": "no-store",
    });
  });
  routes.all(INCIDENT_ANNOUNCEMENT_PATH, methodNotAllowed("GET"));
  return routes;
}

/** `lang` when given (400 unless en or es), else the first of en and es Accept-Language ranks highest. */
export function requestedLanguage(
  lang: string | undefined,
  acceptLanguage: string | undefined,
): AnnouncementLanguage {
  if (lang !== undefined) {
    const known = ANNOUNCEMENT_LANGUAGES.find((language) => language === lang.trim().toLowerCase());
    if (known === undefined) throw new ApiError("invalid_request", "lang: must be en or es.");
    return known;
  }
  return preferredLanguage(acceptLanguage ?? "") ?? "en";
}

/** RFC 9110 §12.5.4: ranges by weight (q=0 refuses), the first listed winning a tie; `*` means English. */
function preferredLanguage(header: string): AnnouncementLanguage | null {
  const ranges = header
    .split(",")
    .slice(0, 20)
    .map((part, index) => {
      const [range = "", ...parameters] = part.split(";").map((piece) => piece.trim().toLowerCase());
      const quality = parameters.find((parameter) => parameter.startsWith("q="));
      const weight = quality === undefined ? 1 : Number(quality.slice(2));
      const primary = range === "*" ? "en" : range.split("-")[0];
      return { language: ANNOUNCEMENT_LANGUAGES.find((known) => known === primary), weight, index };
    })
    .filter((range) => range.language !== undefined && range.weight > 0 && range.weight <= 1)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranges[0]?.language ?? null;
}
