// The Hono app: one for every runtime. It speaks only Web Standards; src/node.ts and src/worker.ts adapt it.
import { Hono } from "hono";
import type { CalendarStore } from "./calendars/store.js";
import type { Config } from "./config.js";
import { registerCalendarRoutes } from "./http/calendar-routes.js";
import { registerDucklingRoute } from "./http/duckling-route.js";
import { ApiError, errorResponse } from "./http/errors.js";
import { type Logger, silentLogger } from "./http/logger.js";
import { buildOpenApiDocument } from "./http/openapi.js";
import { requestIdFrom } from "./http/request-id.js";
import { registerRouterAdmin } from "./http/router-admin.js";
import { MAX_BODY_BYTES, ParseRequestSchema } from "./http/schemas.js";
import { readJsonBody, validate } from "./http/validation.js";
import { createInvalidOutputCounter } from "./llm/structured.js";
import { createProviders } from "./providers/index.js";
import type { LlmProvider } from "./providers/types.js";
import { createRouter } from "./router/index.js";
import type { LlmRouter } from "./router/router.js";
import { parseAppointment } from "./service.js";

export const VERSION = "0.1.0";

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

export type AppEnv = { Variables: { requestId: string } };

export function createApp(options: AppOptions): Hono<AppEnv> {
  const { config } = options;
  const logger = options.logger ?? silentLogger;
  const providers = options.providers ?? createProviders(config.llm.providers);
  const router =
    options.router !== undefined
      ? options.router
      : createRouter(config, providers, {
          onEvent: (event) => logger.info({ ...event, event: `router_${event.event}` }),
        });
  // Invalid model answers, per provider: the router's health reads these (issue 6).
  const invalidOutputs = createInvalidOutputCounter();
  const app = new Hono<AppEnv>();

  app.use(async (context, next) => {
    const requestId = requestIdFrom(context.req.header("x-request-id"));
    context.set("requestId", requestId);
    const started = performance.now();
    // Set before the handler builds its response: adding a header to a finished response rebuilds it.
    context.header("X-Request-Id", requestId);
    await next();
    logger.info({
      requestId,
      method: context.req.method,
      route: context.req.routePath,
      status: context.res.status,
      latencyMs: Math.round((performance.now() - started) * 1000) / 1000,
    });
  });

  app.onError((error, context) => {
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

  app.post("/v1/appointments/parse", async (context) => {
    const body = await readJsonBody(context.req.raw, MAX_BODY_BYTES);
    const request = validate(ParseRequestSchema, body);
    const response = await parseAppointment(request, {
      config,
      store: options.store ?? null,
      requestId: context.get("requestId"),
      router,
      onInvalidOutput: (event) => {
        invalidOutputs.record(event);
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
    return context.json(response);
  });

  app.all("/v1/appointments/parse", (context) => {
    context.header("Allow", "POST");
    return errorResponse(context, new ApiError("method_not_allowed", "Use POST."));
  });

  registerRouterAdmin(app, {
    adminToken: config.adminToken,
    router,
    onChange: (change) => logger.info({ event: "router_admin", change }),
  });
  registerDucklingRoute(app, { config, clock: options.clock });
  registerCalendarRoutes(app, { config, store: options.store, clock: options.clock });

  return app;
}
