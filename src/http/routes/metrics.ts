// GET /metrics, in Prometheus' text format; no user text and no secret in it. Each instance (each Workers
// isolate) counts its own requests: Prometheus sums them.
import { Hono } from "hono";
import type { CitaMetrics } from "../../metrics/cita.js";
import { CONTENT_TYPE } from "../../metrics/registry.js";
import type { AppEnv } from "../env.js";

export function metricsRoutes(options: { metrics: CitaMetrics }): Hono<AppEnv> {
  return new Hono<AppEnv>().get("/metrics", (context) =>
    context.body(options.metrics.render(), 200, { "Content-Type": CONTENT_TYPE }),
  );
}
