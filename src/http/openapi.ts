// GET /openapi.json, generated from the same zod schemas that validate requests.
import { z } from "zod";
import { AgentModelsSchema } from "../registry/model-registry.js";
import {
  AvailabilityResponseSchema,
  BookingRequestSchema,
  BookingResponseSchema,
  CalendarInputSchema,
  CalendarSchema,
  IDEMPOTENCY_KEY,
  MAX_AVAILABILITY_DAYS,
  SlotConflictResponseSchema,
} from "./calendar-schemas.js";
import { DUCKLING_PATH, DucklingEntitySchema, DucklingParseRequestSchema } from "./duckling-route.js";
import { PreferredBodySchema, SwitchBodySchema, WeightsBodySchema } from "./router-admin.js";
import {
  ErrorResponseSchema,
  HealthResponseSchema,
  ParseRequestSchema,
  ParseResponseSchema,
  RouterStateSchema,
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
  CalendarInputSchema,
  CalendarSchema,
  AvailabilityResponseSchema,
  BookingRequestSchema,
  BookingResponseSchema,
  SlotConflictResponseSchema,
  RouterStateSchema,
  WeightsBodySchema,
  PreferredBodySchema,
  SwitchBodySchema,
  AgentModelsSchema,
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
      ...calendarPaths(ref, errors),
      ...routerAdminPaths(ref, errors),
      ...registryAdminPaths(ref, errors),
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
    components: {
      schemas: components,
      securitySchemes: { adminToken: { type: "http", scheme: "bearer" } },
    },
  };
}

type Reference = (id: string) => { $ref: string };
type Errors = (codes: Record<string, string>) => Record<string, unknown>;

function calendarPaths(ref: Reference, errors: Errors): Record<string, unknown> {
  const json = (id: string) => ({ "application/json": { schema: ref(id) } });
  const calendarId = {
    name: "id",
    in: "path",
    required: true,
    schema: { type: "string", pattern: "^[A-Za-z0-9_-]{1,64}$" },
  };
  const bookingId = { name: "bookingId", in: "path", required: true, schema: { type: "string" } };
  const instant = (name: string, description: string) => ({
    name,
    in: "query",
    required: true,
    description,
    schema: { type: "string", format: "date-time" },
  });
  const storeUnavailable = { "503": "store_unavailable (the deployment has no calendar store)" };
  const bodyErrors = {
    "400": "invalid_json or invalid_request (the message names the field)",
    "413": "payload_too_large (over 16 KiB)",
    "415": "unsupported_media_type",
  };
  const bookingAnswer = { "200": { description: "The booking", content: json("BookingResponse") } };
  return {
    "/v1/calendars/{id}": {
      parameters: [calendarId],
      put: {
        operationId: "putCalendar",
        description: "Creates or replaces a calendar. Needs Authorization: Bearer <ADMIN_TOKEN>.",
        security: [{ adminToken: [] }],
        requestBody: { required: true, content: json("CalendarInput") },
        responses: {
          "200": { description: "The calendar as stored", content: json("Calendar") },
          ...errors({
            ...bodyErrors,
            "401": "unauthorized (missing or wrong admin token)",
            "403": "forbidden (no ADMIN_TOKEN is configured)",
            ...storeUnavailable,
          }),
        },
      },
      get: {
        operationId: "getCalendar",
        responses: {
          "200": { description: "The calendar", content: json("Calendar") },
          ...errors({ "400": "invalid_request (malformed id)", "404": "not_found", ...storeUnavailable }),
        },
      },
    },
    "/v1/calendars/{id}/availability": {
      parameters: [calendarId],
      get: {
        operationId: "getAvailability",
        parameters: [
          instant("from", "Start of the range, ISO-8601 with an offset."),
          instant("to", `End of the range (exclusive), at most ${MAX_AVAILABILITY_DAYS} days after from.`),
        ],
        responses: {
          "200": { description: "Free slots of slotMinutes in the range", content: json("Availability") },
          ...errors({
            "400": `invalid_request (malformed instants, to not after from, over ${MAX_AVAILABILITY_DAYS} days)`,
            "404": "not_found (unknown calendar)",
            ...storeUnavailable,
          }),
        },
      },
    },
    "/v1/calendars/{id}/bookings": {
      parameters: [calendarId],
      post: {
        operationId: "createBooking",
        parameters: [
          {
            name: "Idempotency-Key",
            in: "header",
            required: false,
            description:
              "A repeat with the same key and the same request returns the first booking (201, header " +
              "Idempotent-Replayed: true) and creates nothing; the key reused with another request answers " +
              "422 idempotency_key_reused.",
            schema: { type: "string", pattern: IDEMPOTENCY_KEY.source },
          },
        ],
        requestBody: { required: true, content: json("BookingRequest") },
        responses: {
          "201": { description: "The booking, confirmed", content: json("BookingResponse") },
          "409": {
            description:
              "slot_unavailable (the slot overlaps a booking) or outside_hours (outside opening hours or " +
              "closed), with up to three nearest free slots in alternatives",
            content: json("SlotConflict"),
          },
          ...errors({
            ...bodyErrors,
            "400":
              "invalid_json or invalid_request (the field named; a start off the slot grid or in the past)",
            "404": "not_found (unknown calendar)",
            "422": "idempotency_key_reused (the Idempotency-Key was used for a different request)",
            ...storeUnavailable,
          }),
        },
      },
    },
    "/v1/calendars/{id}/bookings/{bookingId}": {
      parameters: [calendarId, bookingId],
      get: {
        operationId: "getBooking",
        responses: { ...bookingAnswer, ...errors({ "404": "not_found", ...storeUnavailable }) },
      },
      delete: {
        operationId: "cancelBooking",
        description:
          "Cancels the booking (status cancelled) and frees its slot; cancelling again answers the same.",
        responses: { ...bookingAnswer, ...errors({ "404": "not_found", ...storeUnavailable }) },
      },
    },
  };
}

/** The router's admin API: every call needs the admin token and answers with the router's state. */
function routerAdminPaths(
  ref: (id: string) => { $ref: string },
  errors: (codes: Record<string, string>) => Record<string, unknown>,
): Record<string, unknown> {
  const json = (id: string) => ({ "application/json": { schema: ref(id) } });
  const admin = {
    "401": "unauthorized (missing or wrong admin token)",
    "403": "forbidden (no ADMIN_TOKEN is configured)",
    "404": "not_found (no provider configured, or no such provider)",
  };
  const body = { "400": "invalid_request or invalid_json", "415": "unsupported_media_type" };
  const state = { "200": { description: "The router's state after the call", content: json("RouterState") } };
  const put = (operationId: string, description: string, schema: string) => ({
    put: {
      operationId,
      description,
      security: [{ adminToken: [] }],
      requestBody: { required: true, content: json(schema) },
      responses: { ...state, ...errors({ ...body, ...admin }) },
    },
  });
  return {
    "/admin/router": {
      get: {
        operationId: "getRouter",
        description: "The router's state: every provider's health, breaker, pause and window figures.",
        security: [{ adminToken: [] }],
        responses: { ...state, ...errors(admin) },
      },
    },
    "/admin/router/weights": put("setRouterWeights", "Sets routing weights by provider.", "RouterWeights"),
    "/admin/router/preferred": put(
      "setRouterPreferred",
      "Sets the preferred provider (used while healthy), or none.",
      "RouterPreferred",
    ),
    "/admin/router/conservation": put(
      "setRouterConservation",
      "Switches conservation mode on or off.",
      "RouterSwitch",
    ),
    "/admin/router/degraded": put(
      "setRouterDegraded",
      "Forces the degraded mode (the minimal sequence) on or off.",
      "RouterSwitch",
    ),
    "/admin/router/breakers/{provider}/reset": {
      post: {
        operationId: "resetRouterBreaker",
        description:
          "Closes a provider's breakers (all its models, or ?model=), clears its pause and window.",
        security: [{ adminToken: [] }],
        parameters: [
          { name: "provider", in: "path", required: true, schema: { type: "string" } },
          { name: "model", in: "query", required: false, schema: { type: "string" } },
        ],
        responses: { ...state, ...errors(admin) },
      },
    },
  };
}

/** The model registry's admin API: per-agent models and rollouts, and the variants compared. */
function registryAdminPaths(
  ref: (id: string) => { $ref: string },
  errors: (codes: Record<string, string>) => Record<string, unknown>,
): Record<string, unknown> {
  const admin = {
    "401": "unauthorized (missing or wrong admin token)",
    "403": "forbidden (no ADMIN_TOKEN is configured)",
  };
  const json = { description: "JSON", content: { "application/json": { schema: { type: "object" } } } };
  return {
    "/admin/models": {
      get: {
        operationId: "getModels",
        description: "Baseline and fine-tuned models per agent, rollouts, kill switches and rollbacks.",
        security: [{ adminToken: [] }],
        responses: { "200": json, ...errors(admin) },
      },
    },
    "/admin/models/{agent}": {
      put: {
        operationId: "setModels",
        description:
          "Changes an agent's models: rollout percentage, kill switch (useFinetuned), generation settings.",
        security: [{ adminToken: [] }],
        parameters: [
          { name: "agent", in: "path", required: true, schema: { type: "string", enum: ["parsing"] } },
        ],
        requestBody: { required: true, content: { "application/json": { schema: ref("AgentModels") } } },
        responses: {
          "200": json,
          ...errors({
            ...admin,
            "400": "invalid_request or invalid_json",
            "404": "not_found (no such agent, or the fine-tuned provider is not configured)",
            "415": "unsupported_media_type",
          }),
        },
      },
    },
    "/admin/variants": {
      get: {
        operationId: "compareVariants",
        description:
          "Each agent's variants over the window: calls, p50/p95 latency, error and invalid JSON rates, mean confidence, cost.",
        security: [{ adminToken: [] }],
        responses: { "200": json, ...errors(admin) },
      },
    },
  };
}
