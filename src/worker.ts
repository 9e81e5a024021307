// Cloudflare Workers entry (named in wrangler.toml): builds the app from the bindings on first use, with the
// calendar store on the D1 binding `DB`, migrated lazily by the first request that needs it, and, with the
// METRICS binding, metrics summed over every isolate (each request's counts flushed in the background with
// waitUntil). No state, timers or randomness at global scope, as Workers requires.
import type { Hono } from "hono";
import { createApp } from "./app.js";
import { D1CalendarStore } from "./calendars/d1-store.js";
import type { CalendarStore } from "./calendars/store.js";
import { ConfigError, type Environment, readConfig } from "./config.js";
import type { AppEnv } from "./http/env.js";
import { jsonLogger } from "./http/logger.js";
import { DurableObjectLimiter, type DurableObjectNamespaceLike } from "./limits/durable-object.js";
import { createCitaMetrics } from "./metrics/cita.js";
import { DurableObjectMetrics } from "./metrics/durable-object-client.js";

/** The per-client limits' Durable Object class, bound as RATE_LIMITS in wrangler.toml. */
export { RateLimitObject } from "./limits/durable-object.js";
/** The metrics' Durable Object class, bound as METRICS in wrangler.toml. */
export { MetricsObject } from "./metrics/durable-object.js";

type D1Binding = ConstructorParameters<typeof D1CalendarStore>[0];

interface ExecutionContextLike {
  waitUntil(promise: Promise<unknown>): void;
}

/** What an isolate builds on its first request: the app and, if bound, its side of the METRICS object. */
interface Isolate {
  app?: Hono<AppEnv>;
  aggregate?: DurableObjectMetrics;
}

function appFor(isolate: Isolate, bindings: Record<string, unknown>): Hono<AppEnv> {
  if (isolate.app === undefined) {
    const environment: Environment = {};
    for (const [name, value] of Object.entries(bindings)) {
      if (typeof value === "string") environment[name] = value;
    }
    const config = readConfig(environment);
    const database = bindings.DB as D1Binding | undefined;
    // Without the binding (a Worker deployed from another configuration), each isolate keeps its own
    // buckets in memory: still a limit, but per isolate (docs/security/rate-limits.md).
    const rateLimits = bindings.RATE_LIMITS as DurableObjectNamespaceLike | undefined;
    const logger = jsonLogger(config.logLevel === "warn" ? "error" : config.logLevel, (line) =>
      console.log(line),
    );
    // Without the binding, each isolate's /metrics shows its own counts, as on Node (docs/scale.md).
    const metricsObjects = bindings.METRICS as DurableObjectNamespaceLike | undefined;
    const metrics = createCitaMetrics();
    isolate.aggregate =
      metricsObjects === undefined
        ? undefined
        : new DurableObjectMetrics({
            namespace: metricsObjects,
            metrics,
            onUnavailable: (operation, reason) =>
              logger.error({ event: "metrics_aggregate_unavailable", operation, reason }),
          });
    isolate.app = createApp({
      config,
      ...(database ? { store: migratedOnFirstUse(new D1CalendarStore(database)) } : {}),
      ...(rateLimits ? { limiter: new DurableObjectLimiter(rateLimits) } : {}),
      logger,
      metrics,
      ...(isolate.aggregate ? { metricsAggregate: isolate.aggregate } : {}),
      // No listener to judge: without keys (and without ALLOW_ANONYMOUS) keyed routes answer 401 saying
      // how to create one. Each isolate trusts a key it read for DEFAULT_KEY_CACHE_MS.
      openWithoutKeys: false,
    });
  }
  return isolate.app;
}

/**
 * The store, with its migrations run once before the first call that reaches the database. A failed migration
 * is retried by the next request rather than remembered.
 */
function migratedOnFirstUse(store: CalendarStore): CalendarStore {
  let ready: Promise<void> | undefined;
  const migrated = async () => {
    ready ??= store.migrate().catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    await ready;
  };
  const after = <T>(call: () => Promise<T>) => migrated().then(call);
  return {
    migrate: migrated,
    putCalendar: (calendar) => after(() => store.putCalendar(calendar)),
    getCalendar: (id) => after(() => store.getCalendar(id)),
    confirmedBookings: (calendarId, fromMs, toMs) =>
      after(() => store.confirmedBookings(calendarId, fromMs, toMs)),
    createBooking: (booking) => after(() => store.createBooking(booking)),
    getBooking: (calendarId, bookingId) => after(() => store.getBooking(calendarId, bookingId)),
    cancelBooking: (calendarId, bookingId, cancellation) =>
      after(() => store.cancelBooking(calendarId, bookingId, cancellation)),
    createClientKey: (key) => after(() => store.createClientKey(key)),
    listClientKeys: () => after(() => store.listClientKeys()),
    findClientKey: (secretDigest) => after(() => store.findClientKey(secretDigest)),
    revokeClientKey: (id, revokedAt) => after(() => store.revokeClientKey(id, revokedAt)),
    hasClientKeys: () => after(() => store.hasClientKeys()),
  };
}

/**
 * A Worker cannot refuse to start as Node does, so an invalid configuration (an ADMIN_TOKEN shorter than 32
 * characters, say) fails every request instead: no route is ever served with a weak secret. The answer
 * names only the variable; the log line says what is wrong with it, never its value.
 */
function misconfigured(error: ConfigError): Response {
  console.error(JSON.stringify({ level: "error", event: "invalid_configuration", message: error.message }));
  const message = `Cita is misconfigured (${error.variable}); the Worker's log says why.`;
  return Response.json(
    { error: { code: "internal", message, requestId: crypto.randomUUID() } },
    { status: 500 },
  );
}

/** The Worker's handler; nothing is built until its first request. A test makes a fresh one per case. */
export function createWorker() {
  const isolate: Isolate = {};
  return {
    fetch(
      request: Request,
      bindings: Record<string, unknown>,
      executionContext: unknown,
    ): Response | Promise<Response> {
      let target: Hono<AppEnv>;
      try {
        target = appFor(isolate, bindings);
      } catch (error) {
        if (error instanceof ConfigError) return misconfigured(error);
        throw error;
      }
      const answer = target.fetch(request, bindings, executionContext as never);
      const { aggregate } = isolate;
      if (aggregate !== undefined) {
        // Once the app has answered (and so counted this request), off the request path.
        const flush = () => aggregate.flushSoon();
        (executionContext as ExecutionContextLike).waitUntil(Promise.resolve(answer).then(flush, flush));
      }
      return answer;
    },
  };
}

export default createWorker();
