// GET /metrics, in Prometheus' text format; no user text and no secret in it. Each Node instance counts
// its own requests (Prometheus scrapes each and sums them); on Workers with the METRICS binding, the
// isolates' counts are summed in a Durable Object and a scrape reads that sum (src/metrics/
// durable-object-client.ts), since one scrape reaches one isolate of many. It names providers and models, so it is served
// only to a scraper: with METRICS_TOKEN set, to one that sends it as a bearer token; without one, only on a
// loopback listener (`npm start` on 127.0.0.1), never on Workers or a public address.
import { Hono, type MiddlewareHandler } from "hono";
import type { CitaMetrics } from "../../metrics/cita.js";
import { CONTENT_TYPE } from "../../metrics/registry.js";
import { bearerCheck } from "../bearer.js";
import type { AppEnv } from "../env.js";
import { ApiError } from "../errors.js";

export interface MetricsRouteOptions {
  metrics: CitaMetrics;
  /** Where a scrape's exposition comes from instead of `metrics` alone (the Workers' aggregate), or null. */
  aggregate: { render(): Promise<string> } | null;
  /** METRICS_TOKEN, or null. */
  token: string | null;
  /** The listener is on a loopback address: without a token, /metrics is open to this machine. */
  loopbackListener: boolean;
}

export function metricsRoutes(options: MetricsRouteOptions): Hono<AppEnv> {
  const { aggregate, metrics } = options;
  return new Hono<AppEnv>().get("/metrics", scrapeAccess(options), async (context) =>
    context.body(aggregate === null ? metrics.render() : await aggregate.render(), 200, {
      "Content-Type": CONTENT_TYPE,
    }),
  );
}

function scrapeAccess(options: MetricsRouteOptions): MiddlewareHandler<AppEnv> {
  const check = options.token === null ? null : bearerCheck(options.token);
  return async (context, next) => {
    if (check === null) {
      if (!options.loopbackListener) {
        throw new ApiError(
          "forbidden",
          "/metrics is closed: set METRICS_TOKEN and scrape with Authorization: Bearer <token>.",
        );
      }
    } else if (!(await check(context.req.header("authorization")))) {
      throw new ApiError("unauthorized", "Send Authorization: Bearer <metrics token>.", {
        "WWW-Authenticate": 'Bearer realm="cita-metrics"',
      });
    }
    await next();
  };
}
