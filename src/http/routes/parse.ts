// POST /v1/appointments/parse: validates the request, runs the parse service, and notes the answer in the
// metrics, the request's log line (the user's text only with LOG_LEVEL=debug) and, with incidents on, the
// incident manager's counts (onOutcome).
import { Hono } from "hono";
import type { CalendarStore } from "../../calendars/store.js";
import type { Config } from "../../config.js";
import type { RequestOutcome } from "../../incidents/manager.js";
import type { CitaMetrics } from "../../metrics/cita.js";
import type { ModelRegistry } from "../../registry/model-registry.js";
import type { LlmRouter } from "../../router/router.js";
import { parseAppointment } from "../../service.js";
import type { AppEnv } from "../env.js";
import { apiErrorOf, isClientAbort, methodNotAllowed } from "../errors.js";
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
  /**
   * Told how each parse request ended (the incident manager's recordRequest), after the answer is ready and
   * before it is sent; a request its client abandoned is not told. Must not throw or wait.
   */
  onOutcome?: (outcome: RequestOutcome) => void;
}

export function parseRoutes(options: ParseRouteOptions): Hono<AppEnv> {
  const { config, router, registry, metrics, logger } = options;
  const routes = new Hono<AppEnv>();

  routes.post(PARSE_PATH, async (context) => {
    const started = performance.now();
    // Known once the body is valid: whether this request wanted an LLM reading, and which variant it got.
    let wantedLlm = false;
    let variant: RequestOutcome["variant"];
    try {
      const body = await readJsonBody(context.req.raw, MAX_PARSE_BODY_BYTES);
      const request = validate(ParseRequestSchema, body);
      wantedLlm = router !== null && request.mode !== "rules";
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
          variant = reading.variant;
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
      options.onOutcome?.({
        status: 200,
        latencyMs: performance.now() - started,
        wantedLlm,
        llmAnswered: response.meta.mode === "llm",
        degraded: response.meta.degraded,
        agentsMs: agentTimings(response.meta.timingsMs),
        ...(variant !== undefined ? { variant } : {}),
      });
      return jsonResponse(context, response);
    } catch (error) {
      // Every refused or failed parse, whatever answers it (src/http/errors.ts).
      metrics.recordParseError("none");
      if (
        options.onOutcome !== undefined &&
        !(error instanceof Error && isClientAbort(error, context.req.raw))
      ) {
        const refusal = apiErrorOf(error);
        options.onOutcome({
          status: refusal?.status ?? 500,
          latencyMs: performance.now() - started,
          wantedLlm,
          llmAnswered: false,
          degraded: false,
          error: refusal?.code ?? "internal",
          ...(variant !== undefined ? { variant } : {}),
        });
      }
      throw error;
    }
  });

  routes.all(PARSE_PATH, methodNotAllowed("POST"));
  return routes;
}

/** The answer's per-agent timings without the agents that did not run. */
function agentTimings(timings: Partial<Record<string, number>>): Record<string, number> {
  const agents: Record<string, number> = {};
  for (const [agent, ms] of Object.entries(timings)) if (ms !== undefined) agents[agent] = ms;
  return agents;
}
