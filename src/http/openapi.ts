// GET /openapi.json, generated from the same zod schemas that validate requests.
import { z } from "zod";
import { DUCKLING_PATH, DucklingEntitySchema, DucklingParseRequestSchema } from "./duckling-route.js";
import {
  ErrorResponseSchema,
  HealthResponseSchema,
  ParseRequestSchema,
  ParseResponseSchema,
} from "./schemas.js";

// The schemas this document names; importing them registers their ids (and those of the schemas they
// nest, such as Ambiguity and Location) in zod's global registry.
const DOCUMENTED = [
  ParseRequestSchema,
  ParseResponseSchema,
  ErrorResponseSchema,
  HealthResponseSchema,
  DucklingParseRequestSchema,
  DucklingEntitySchema,
];

export function buildOpenApiDocument(version: string): Record<string, unknown> {
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
  for (const schema of DOCUMENTED) {
    const id = z.globalRegistry.get(schema)?.id;
    if (id === undefined || !(id in components)) throw new Error(`schema ${String(id)} is not registered`);
  }
  const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
  const errorContent = { "application/json": { schema: ref("Error") } };
  const errors = (codes: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(codes).map(([status, description]) => [status, { description, content: errorContent }]),
    );
  return {
    openapi: "3.0.3",
    info: {
      title: "Cita",
      version,
      description: "Natural-language appointment requests turned into validated appointments.",
    },
    paths: {
      "/v1/appointments/parse": {
        post: {
          operationId: "parseAppointment",
          requestBody: { required: true, content: { "application/json": { schema: ref("ParseRequest") } } },
          responses: {
            "200": {
              description: "The structured appointment",
              content: { "application/json": { schema: ref("ParseResponse") } },
            },
            ...errors({
              "400": "invalid_json or invalid_request (the message names the field)",
              "413": "payload_too_large (over 16 KiB)",
              "415": "unsupported_media_type",
              "503": "llm_unavailable (mode llm with no usable provider)",
            }),
          },
        },
      },
      [DUCKLING_PATH]: {
        post: {
          operationId: "parseDuckling",
          description:
            "Duckling's HTTP API: the time and duration entities of a text, in Duckling's shape, so Duckling " +
            "clients (Rasa's DucklingEntityExtractor, nlp.js) can point at this service unchanged.",
          requestBody: {
            required: true,
            content: {
              "application/x-www-form-urlencoded": { schema: ref("DucklingParseRequest") },
              "application/json": { schema: ref("DucklingParseRequest") },
            },
          },
          responses: {
            "200": {
              description: "The entities found, in Duckling's shape (an empty array when none)",
              content: { "application/json": { schema: { type: "array", items: ref("DucklingEntity") } } },
            },
            ...errors({
              "400": "invalid_json or invalid_request (the message names the field)",
              "413": "payload_too_large (over 16 KiB)",
              "415": "unsupported_media_type (neither form-encoded nor JSON)",
            }),
          },
        },
      },
      "/health": {
        get: {
          operationId: "health",
          responses: {
            "200": {
              description: "Service status",
              content: { "application/json": { schema: ref("Health") } },
            },
          },
        },
      },
      "/openapi.json": {
        get: { operationId: "openapi", responses: { "200": { description: "This document" } } },
      },
    },
    components: { schemas: components },
  };
}
