// The app's first middleware: the request's id (X-Request-Id), its duration in the metrics, and one
// structured log line per request (with the client's address and key id), which never holds the user's text
// or a secret.
import type { MiddlewareHandler } from "hono";
import type { CitaMetrics } from "../metrics/cita.js";
import { clientIdOf } from "./client-id.js";
import type { AppEnv } from "./env.js";
import type { Logger } from "./logger.js";
import { requestIdFrom } from "./request-id.js";
import { stampRequestId } from "./respond.js";

export function requestLog(options: { logger: Logger; metrics: CitaMetrics }): MiddlewareHandler<AppEnv> {
  const { logger, metrics } = options;
  return async (context, next) => {
    const requestId = requestIdFrom(context.req.header("x-request-id"));
    context.set("requestId", requestId);
    const started = performance.now();
    await next();
    // The parse route's answer carries the id already (jsonResponse); other routes get it here.
    stampRequestId(context, requestId);
    const latencyMs = performance.now() - started;
    const route = context.req.routePath;
    const client = clientIdOf(context);
    const principal = context.get("principal");
    metrics.recordHttp(route, context.res.status, latencyMs);
    logger.info({
      requestId,
      method: context.req.method,
      route,
      status: context.res.status,
      latencyMs: Math.round(latencyMs * 1000) / 1000,
      // Who called (the address per TRUSTED_PROXIES), to tell abusive clients apart; absent in process.
      ...(client !== null ? { client } : {}),
      // The client key that called (its public id), set by the access check during the request.
      ...(principal?.kind === "key" ? { key: principal.keyId } : {}),
      ...context.get("log"),
    });
  };
}
