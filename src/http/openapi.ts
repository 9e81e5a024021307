// GET /openapi.json, generated from the same zod schemas that validate requests.
import { z } from "zod";
import {
  ErrorResponseSchema,
  HealthResponseSchema,
  ParseRequestSchema,
  ParseResponseSchema,
} from "./schemas.js";

export function buildOpenApiDocument(version: string): Record<string, unknown> {
  const registry = z.globalRegistry;
  const components: Record<string, unknown> = {};
  for (const schema of [ParseRequestSchema, ParseResponseSchema, ErrorResponseSchema, HealthResponseSchema]) {
    const id = registry.get(schema)?.id as string;
    const json = z.toJSONSchema(schema, { target: "openapi-3.0", unrepresentable: "any", io: "input" });
    delete (json as { $schema?: string }).$schema;
    components[id] = json;
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
