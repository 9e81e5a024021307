// The service's own routes: GET /health with the LLM router's state, GET /metrics and GET /openapi.json.
import { z } from "zod";
import { RATE_LIMITED } from "./errors.js";
import { json, type PathItems, PUBLIC, SCRAPER } from "./operation.js";

const share = z.number().min(0).max(1);

export const RouterProviderSchema = z
  .strictObject({
    provider: z.string(),
    model: z.string(),
    state: z.enum(["healthy", "degraded", "down"]),
    breaker: z.enum(["closed", "open", "half-open"]),
    breakerOpenings: z.number().int().min(0),
    pausedUntil: z
      .string()
      .nullable()
      .describe("Paused by 429s until then (Retry-After, or a doubling pause)."),
    weight: z.number().min(0),
    reasons: z.array(z.string()).describe("The thresholds crossed, in the runbooks' words."),
    stats: z.strictObject({
      samples: z.number().int().min(0),
      p50Ms: z.number().nullable(),
      p95Ms: z.number().nullable(),
      timeoutRate: share,
      rateLimitRate: share,
      serverErrorRate: share,
      connectionErrorRate: share,
      invalidJsonRate: share,
      meanConfidence: share.nullable(),
      confidenceSamples: z.number().int().min(0),
    }),
    rateLimit: z.strictObject({
      limited: z.boolean(),
      headroom: share,
      waiting: z.number().int().min(0),
      remainingRequests: z
        .number()
        .int()
        .min(0)
        .nullable()
        .describe(
          "Requests left in the provider's window, from its last rate-limit headers; null: never said.",
        ),
      limitRequests: z.number().int().min(0).nullable().describe("The provider's request limit, as it said."),
      remainingTokens: z.number().int().min(0).nullable().describe("Tokens left in the provider's window."),
      reportedAt: z.string().nullable().describe("When the provider's headers last said any of these."),
    }),
  })
  .meta({ id: "RouterProvider" });

const SharedStateSchema = z
  .strictObject({
    store: z.enum(["embedded", "redis", "durable-object"]),
    state: z.enum(["ok", "unavailable"]),
    syncedAt: z.string().nullable().describe("When the local view was last refreshed from the store."),
  })
  .meta({ id: "SharedStateStatus" });

const StoresSchema = z
  .strictObject({
    calendars: z
      .strictObject({
        engine: z.enum(["sqlite", "d1", "postgres"]),
        state: z.enum(["ok", "unavailable"]),
        checkedAt: z.string().describe("When the database was last asked; a verdict is kept 5 s."),
      })
      .optional()
      .describe("The calendar store: unavailable, bookings answer 503 store_unavailable until it is back."),
    shared: SharedStateSchema.optional().describe(
      "What the instances of a deployment share, when it is configured: unavailable, each instance " +
        "answers from its local view until it is back.",
    ),
  })
  .meta({ id: "Stores" });

export const RouterStateSchema = z
  .strictObject({
    state: z
      .enum(["healthy", "degraded", "down"])
      .describe("healthy: full sequence; degraded: minimal sequence; down: rules parser."),
    conservation: z.boolean(),
    conservationReason: z.enum(["configured", "admin", "rate_limit", "budget"]).nullable(),
    budget: z
      .strictObject({
        dailyUsd: z.number().nullable(),
        day: z.string(),
        spentUsd: z.number(),
        state: z.enum(["ok", "conservation", "exhausted"]),
      })
      .describe("The daily LLM budget: past its conservation share, conservation mode; past it, rules only."),
    forcedDegraded: z.boolean(),
    preferred: z.string().nullable(),
    hedges: z.strictObject({ calls: z.number().int(), hedges: z.number().int(), budget: share }),
    cache: z.strictObject({
      entries: z.number().int(),
      hits: z.number().int(),
      misses: z.number().int(),
      enabled: z.boolean(),
    }),
    shared: SharedStateSchema.optional().describe(
      "The shared-state store (REDIS_URL on Node, the ROUTER_STATE Durable Object on Workers), when one is " +
        "configured: unavailable, the router answers from this instance's local view until it is back. " +
        'On a Worker whose configuration binds no store: store "embedded", state unavailable.',
    ),
    providers: z.array(RouterProviderSchema),
  })
  .meta({ id: "RouterState" });

export const HealthResponseSchema = z
  .object({
    status: z.enum(["ok", "degraded"]),
    version: z.string(),
    modes: z.array(z.string()),
    router: RouterStateSchema.optional().describe("The LLM router, when providers are configured."),
    stores: StoresSchema.describe(
      "The engines this instance relies on; one unavailable makes the status degraded (the service still " +
        "answers what it can).",
    ),
  })
  .meta({ id: "Health" });

// /health and /openapi.json never answer 4xx, which redocly's recommended rules only warn about.
export const healthPaths: PathItems = {
  "/health": {
    get: {
      operationId: "health",
      summary: "Service status",
      description:
        "200 while the service can answer (the rules reading always can); degraded when the LLMs are.",
      security: PUBLIC,
      responses: { "200": { description: "Service status", content: json("Health") } },
    },
  },
  "/metrics": {
    get: {
      operationId: "metrics",
      summary: "Prometheus metrics",
      description:
        "Prometheus text exposition format 0.0.4 (Content-Type: text/plain; version=0.0.4; charset=utf-8), " +
        "with no user text and no secret in it. Each instance (each Workers isolate) counts its own " +
        "requests; Prometheus sums them. It needs Authorization: Bearer <METRICS_TOKEN> when METRICS_TOKEN " +
        "is set; without one it is served only on a loopback listener (Node on 127.0.0.1), never on Workers.",
      security: SCRAPER,
      responses: {
        "200": {
          description: "The metrics, one sample per line",
          content: {
            "text/plain": {
              schema: { type: "string" },
              example:
                "# HELP http_request_duration_seconds HTTP requests, by matched route and status code.\n" +
                "# TYPE http_request_duration_seconds histogram\n" +
                'http_request_duration_seconds_count{route="/health",status="200"} 1\n',
            },
          },
        },
        "401": { description: "unauthorized (missing or wrong metrics token)", content: json("Error") },
        "403": {
          description: "forbidden (no METRICS_TOKEN is configured and the listener is not loopback)",
          content: json("Error"),
        },
        ...RATE_LIMITED,
      },
    },
  },
  "/openapi.json": {
    get: {
      operationId: "openapi",
      summary: "This document",
      security: PUBLIC,
      responses: {
        "200": {
          description: "This document",
          content: { "application/json": { schema: { type: "object" } } },
        },
      },
    },
  },
};
