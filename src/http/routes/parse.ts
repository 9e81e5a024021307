// POST /v1/appointments/parse: validates the request, runs the parse service, and notes the answer in the
// metrics and the request's log line (the user's text only with LOG_LEVEL=debug).
import { Hono } from "hono";
import type { CalendarStore } from "../../calendars/store.js";
import type { Config } from "../../config.js";
import type { CitaMetrics } from "../../metrics/cita.js";
import type { ModelRegistry } from "../../registry/model-registry.js";
import type { LlmRouter } from "../../router/router.js";
import { parseAppointment } from "../../service.js";
import type { AppEnv } from "../env.js";
import { methodNotAllowed } from "../errors.js";
import type { Logger } from "../logger.js";
import { safeId } from "../request-id.js";
import { jsonResponse } from "../respond.js";
import {
  MAX_PARSE_BODY_BYTES,
  PARSE_PATH,
  type ParseRequest,
  ParseRequestSchema,
  requestTexts,
} from "../schemas/parse.js";
import { subjectOf } from "../subject.js";
import { readJsonBody, validate } from "../validation.js";

export interface ParseRouteOptions {
  config: Config;
  store: CalendarStore | null;
  router: LlmRouter | null;
  registry: ModelRegistry;
  metrics: CitaMetrics;
  logger: Logger;
  clock?: () => number;
}

export function parseRoutes(options: ParseRouteOptions): Hono<AppEnv> {
  const { config, router, registry, metrics, logger } = options;
  const routes = new Hono<AppEnv>();

  routes.post(PARSE_PATH, async (context) => {
    try {
      const body = await readJsonBody(context.req.raw, MAX_PARSE_BODY_BYTES);
      const request = validate(ParseRequestSchema, body);
      const response = await parseAppointment(request, {
        config,
        store: options.store,
        requestId: context.get("requestId"),
        router,
        registry,
        // The user, else the session: a safe id keeps them on one model variant; anything else is ignored.
        subject: safeId(context.req.header("x-user-id")) ?? safeId(context.req.header("x-session-id")),
        // Only read when an LLM may be called: the provider's health tells clients apart by it.
        ...(router !== null && request.mode !== "rules" ? { clientId: subjectOf(context) } : {}),
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
        // An explanation's offsets count in the text as sent, before the edge cleaned it: the body's own
        // strings, which validation has just checked have the request's shape.
        ...(request.explain === true ? { sent: requestTexts(body as ParseRequest) } : {}),
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
    } catch (error) {
      // Every refused or failed parse, whatever answers it (src/http/errors.ts).
      metrics.recordParseError("none");
      throw error;
    }
  });

  routes.all(PARSE_PATH, methodNotAllowed("POST"));
  return routes;
}
