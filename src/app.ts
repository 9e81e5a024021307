// The Hono app: one for every runtime. It speaks only Web Standards; src/node.ts and src/worker.ts adapt it.
import { Hono } from "hono";
import { PARSING_GENERATION } from "../agents/parsing/llm.js";
import type { CalendarStore } from "./calendars/store.js";
import type { Config } from "./config.js";
import { registerCalendarRoutes } from "./http/calendar-routes.js";
import { registerDucklingRoute } from "./http/duckling-route.js";
import { ApiError, errorResponse } from "./http/errors.js";
import { type Logger, type LogRecord, silentLogger } from "./http/logger.js";
import { buildOpenApiDocument } from "./http/openapi.js";
import { registerRegistryAdmin } from "./http/registry-admin.js";
import { requestIdFrom, safeId } from "./http/request-id.js";
import { jsonResponse, stampRequestId } from "./http/respond.js";
import { registerRouterAdmin } from "./http/router-admin.js";
import { MAX_BODY_BYTES, ParseRequestSchema } from "./http/schemas.js";
import { readJsonBody, validate } from "./http/validation.js";
import { createCitaMetrics } from "./metrics/cita.js";
import { CONTENT_TYPE } from "./metrics/registry.js";
import { createProviders } from "./providers/index.js";
import type { LlmProvider } from "./providers/types.js";
import { ModelRegistry } from "./registry/model-registry.js";
import { createRouter } from "./router/index.js";
import type { LlmRouter } from "./router/router.js";
import { parseAppointment } from "./service.js";

export const VERSION = "0.1.0";
const PARSE_PATH = "/v1/appointments/parse";

export interface AppOptions {
  config: Config;
  /** Calendars and bookings (SQLite on Node, D1 on Workers); calendar routes need it. */
  store?: CalendarStore;
  logger?: Logger;
  clock?: () => number;
  /** LLM providers; by default created once here from config.llm.providers. */
  providers?: readonly LlmProvider[];
  /** The router over them; by default built here from the configuration. */
  router?: LlmRouter | null;
}

export type AppEnv = { Variables: { requestId: string; log: LogRecord } };

export function createApp(options: AppOptions): Hono<AppEnv> {
  const { config } = options;
  const logger = options.logger ?? silentLogger;
  const providers = options.providers ?? createProviders(config.llm.providers);
  const metrics = createCitaMetrics();
  const registry = new ModelRegistry(config.llm.registry, {
    defaults: PARSING_GENERATION,
    windowMs: config.llm.variantWindowMs,
    rollbackMinSamples: config.llm.rollbackMinSamples,
    onRollback: (agent, reason) => logger.info({ event: "registry_rollback", agent, reason }),
  });
  const router =
    options.router !== undefined
      ? options.router
      : createRouter(config, providers, {
          onEvent: (event) => logger.info({ ...event, event: `router_${event.event}` }),
          onCall: (call) => {
            metrics.recordCall(call);
            registry.recordCall("parsing", call);
          },
          onConfidence: (provider, model, confidence) => {
            metrics.recordConfidence(provider, model, confidence);
            registry.recordConfidence("parsing", provider, model, confidence);
          },
        });
  metrics.watchRouter(router);
  const app = new Hono<AppEnv>();

  // One structured line per request (never the user's text), and its duration in the metrics.
  app.use(async (context, next) => {
    const requestId = requestIdFrom(context.req.header("x-request-id"));
    context.set("requestId", requestId);
    const started = performance.now();
    await next();
    // The parse route's answer carries the id already (jsonResponse); other routes get it here.
    stampRequestId(context, requestId);
    const latencyMs = performance.now() - started;
    const route = context.req.routePath;
    metrics.recordHttp(route, context.res.status, latencyMs);
    logger.info({
      requestId,
      method: context.req.method,
      route,
      status: context.res.status,
      latencyMs: Math.round(latencyMs * 1000) / 1000,
      ...context.get("log"),
    });
  });

  app.onError((error, context) => {
    if (context.req.routePath === PARSE_PATH) metrics.recordParseError("none");
    if (error instanceof ApiError) return errorResponse(context, error);
    logger.error({ requestId: context.get("requestId"), error: error.name, message: error.message });
    return errorResponse(context, new ApiError("internal", "The service failed to answer; please retry."));
  });

  app.notFound((context) => errorResponse(context, new ApiError("not_found", "No such route.")));

  // 200 while the service can answer (the rules path always can); "degraded" when the LLMs are.
  app.get("/health", (context) => {
    const snapshot = router?.snapshot();
    return context.json({
      status: snapshot === undefined || snapshot.state === "healthy" ? "ok" : "degraded",
      version: VERSION,
      modes: router !== null ? ["rules", "llm"] : ["rules"],
      ...(snapshot !== undefined ? { router: snapshot } : {}),
    });
  });

  const openApi = buildOpenApiDocument(VERSION);
  app.get("/openapi.json", (context) => context.json(openApi));

  // Prometheus text format; no user text and no secret in it. Each instance (each Workers isolate) counts
  // its own requests: Prometheus sums them.
  app.get("/metrics", (context) => context.body(metrics.render(), 200, { "Content-Type": CONTENT_TYPE }));

  app.post(PARSE_PATH, async (context) => {
    const body = await readJsonBody(context.req.raw, MAX_BODY_BYTES);
    const request = validate(ParseRequestSchema, body);
    const response = await parseAppointment(request, {
      config,
      store: options.store ?? null,
      requestId: context.get("requestId"),
      router,
      registry,
      // The user, else the session: a safe id keeps them on one model variant; anything else is ignored.
      subject: safeId(context.req.header("x-user-id")) ?? safeId(context.req.header("x-session-id")),
      // Method shorthand: under tsx (esbuild keepNames) a named arrow here costs a defineProperty per request.
      onLlm(reading) {
        if (reading === null) return;
        context.set("log", {
          provider: reading.provider,
          model: reading.model,
          llmAnswered: reading.answered,
          variant: reading.variant ?? "baseline",
          cache: reading.cache ?? "bypass",
          tokensIn: reading.tokens?.input ?? 0,
          tokensOut: reading.tokens?.output ?? 0,
          costUsd: reading.costUsd ?? 0,
        });
      },
      onInvalidOutput(event) {
        logger.info({
          requestId: context.get("requestId"),
          event: "llm_invalid_output",
          provider: event.provider,
          model: event.model,
          attempt: event.attempt,
          reason: event.reason,
        });
      },
      // Reading the request's signal makes the Node adapter build one: only when an LLM may be called.
      ...(router !== null && request.mode !== "rules" ? { signal: context.req.raw.signal } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(config.logLevel === "debug"
        ? { debug: (message: string) => logger.debug({ requestId: context.get("requestId"), message }) }
        : {}),
    });
    metrics.recordParse(response);
    context.set("log", {
      ...context.get("log"),
      mode: response.meta.mode,
      provider: response.meta.provider,
      model: response.meta.model,
      degraded: response.meta.degraded,
      parseStatus: response.status,
      // The user's text only with debug logging switched on (LOG_LEVEL=debug).
      ...(config.logLevel === "debug" ? { text: request.text } : {}),
    });
    return jsonResponse(context, response);
  });

  app.all(PARSE_PATH, (context) => {
    context.header("Allow", "POST");
    return errorResponse(context, new ApiError("method_not_allowed", "Use POST."));
  });

  registerRouterAdmin(app, {
    adminToken: config.adminToken,
    router,
    onChange: (change) => logger.info({ event: "router_admin", change }),
  });
  registerRegistryAdmin(app, {
    adminToken: config.adminToken,
    registry,
    providers,
    onChange: (change) => logger.info({ event: "registry_admin", change }),
  });
  registerDucklingRoute(app, { config, clock: options.clock });
  registerCalendarRoutes(app, { config, store: options.store, clock: options.clock });

  return app;
}
