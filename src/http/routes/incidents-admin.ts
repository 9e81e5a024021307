// GET /admin/incidents and GET /admin/incidents/:id (Authorization: Bearer $ADMIN_TOKEN, or a key with the
// admin scope): the incidents the service opened, read from their store (the calendar store's database, or
// memory). The record holds everything the detail shows (per-agent and per-variant latency, the comparison,
// the checklist), kept up to date by the manager as it persists.
import { type Context, Hono, type MiddlewareHandler } from "hono";
import type { Incident, IncidentStore } from "../../incidents/types.js";
import type { AppEnv } from "../env.js";
import { ApiError, methodNotAllowed } from "../errors.js";
import { INCIDENT_ID, INCIDENT_PATH, INCIDENTS_PATH, IncidentListQuerySchema } from "../schemas/incidents.js";
import { readQuery, validate } from "../validation.js";

export interface IncidentsAdminOptions {
  /** Lets through only the admin: ADMIN_TOKEN or a key with the `admin` scope (src/http/access.ts). */
  admin: MiddlewareHandler<AppEnv>;
  store: IncidentStore;
}

export function incidentsAdminRoutes(options: IncidentsAdminOptions): Hono<AppEnv> {
  const { admin, store } = options;
  const routes = new Hono<AppEnv>();

  routes.get(INCIDENTS_PATH, admin, async (context) => {
    const { state, limit } = validate(IncidentListQuerySchema, readQuery(context.req.raw));
    return context.json({ incidents: await listed(store, state, limit) });
  });

  routes.get(INCIDENT_PATH, admin, async (context) => {
    const incident = await store.getIncident(incidentIdOf(context));
    if (incident === null) throw new ApiError("unknown_incident", "No such incident.");
    return context.json(incident);
  });

  routes.all(INCIDENTS_PATH, methodNotAllowed("GET"));
  routes.all(INCIDENT_PATH, methodNotAllowed("GET"));
  return routes;
}

/**
 * At most one incident is open (the store's unique index), so the newest `limit + 1` hold the newest `limit`
 * resolved ones whatever the open one is: no filter needs a statement of its own.
 */
async function listed(
  store: IncidentStore,
  state: "open" | "resolved" | "all",
  limit: number,
): Promise<Incident[]> {
  if (state === "open") {
    const open = await store.openedIncident();
    return open === null ? [] : [open];
  }
  if (state === "all") return store.listIncidents(limit);
  const newest = await store.listIncidents(limit + 1);
  return newest.filter((incident) => incident.resolvedAt !== null).slice(0, limit);
}

function incidentIdOf(context: Context<AppEnv>): string {
  const id = context.req.param("id") ?? "";
  if (!INCIDENT_ID.test(id)) {
    throw new ApiError("invalid_request", "id: must be inc_ followed by 16 lowercase hex digits.");
  }
  return id;
}
