// GET /openapi.json's document, generated: the components from zod's registry (every schema registered
// with an id, which importing its module does) and the paths each schema module documents beside its
// schemas. OpenAPI 3.0.3, which every client generator reads; a nullable object is written inline beside
// its `type` (schemas/parse.ts, Location), the one way 3.0 gives `null` a meaning.
import { z } from "zod";
import { adminPaths } from "./schemas/admin.js";
import { bookingPaths } from "./schemas/bookings.js";
import { calendarPaths } from "./schemas/calendars.js";
import { ducklingPaths } from "./schemas/duckling.js";
import { healthPaths } from "./schemas/health.js";
import { incidentAnnouncementPaths } from "./schemas/incident-announcement.js";
import { incidentPaths } from "./schemas/incidents.js";
import { keyPaths } from "./schemas/keys.js";
import type { PathItems } from "./schemas/operation.js";
import { parsePaths } from "./schemas/parse.js";
import { seriesPaths } from "./schemas/series.js";

const PATHS: PathItems = {
  ...parsePaths,
  ...ducklingPaths,
  ...calendarPaths,
  ...bookingPaths,
  ...adminPaths,
  ...seriesPaths,
  ...incidentPaths,
  ...incidentAnnouncementPaths,
  ...keyPaths,
  ...healthPaths,
};

export function buildOpenApiDocument(version: string): Record<string, unknown> {
  const document = {
    openapi: "3.0.3",
    info: {
      title: "Cita",
      version,
      description: "Natural-language appointment requests turned into validated appointments.",
      license: { name: "MIT", url: "https://opensource.org/licenses/MIT" },
    },
    servers: [{ url: "/", description: "The server answering this document" }],
    paths: PATHS,
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        adminToken: {
          type: "http",
          scheme: "bearer",
          description: "ADMIN_TOKEN, or a client key with the admin scope",
        },
        clientKey: {
          type: "http",
          scheme: "bearer",
          description: "A client key (cita_key_…) with the scope the route names",
        },
        bookingToken: {
          type: "http",
          scheme: "bearer",
          description: "A booking's own token (cita_bt_…), from its 201",
        },
        metricsToken: { type: "http", scheme: "bearer" },
      },
    },
  };
  checkDocument(document);
  return document;
}

function componentSchemas(): Record<string, unknown> {
  // Converting the whole registry with a `uri` makes every reference point at #/components/schemas/<id>;
  // converting each schema alone made zod nest it under a local `definitions` that OpenAPI cannot resolve.
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    target: "openapi-3.0",
    unrepresentable: "any",
    io: "input",
    uri: (id) => `#/components/schemas/${id}`,
  });
  const components: Record<string, unknown> = {};
  for (const [id, json] of Object.entries(schemas)) {
    // OpenAPI 3.0 Schema Objects allow neither `$id` nor `$schema`.
    const { $id: _id, $schema: _schema, ...rest } = json as Record<string, unknown>;
    components[id] = rest;
  }
  return components;
}

/**
 * Refuses a document with a reference to nothing or a `nullable` without a `type` beside it (which 3.0
 * tools ignore, so strict clients would reject the null the service answers).
 */
function checkDocument(document: { components: { schemas: Record<string, unknown> } }): void {
  const visit = (node: unknown, at: string): void => {
    if (node === null || typeof node !== "object") return;
    const object = node as Record<string, unknown>;
    const target = typeof object.$ref === "string" ? object.$ref.replace("#/components/schemas/", "") : null;
    if (target !== null && !(target in document.components.schemas)) {
      throw new Error(`OpenAPI: ${at} refers to ${String(object.$ref)}, which is not a component`);
    }
    if (object.nullable === true && object.type === undefined) {
      throw new Error(`OpenAPI: ${at} is nullable without a type`);
    }
    // Arrays too: their entries are keyed by index.
    for (const [key, value] of Object.entries(object)) visit(value, `${at}/${key}`);
  };
  visit(document, "#");
}
