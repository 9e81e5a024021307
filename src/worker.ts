// Cloudflare Workers entry (named in wrangler.toml): builds the app from the bindings on first use, with the
// calendar store on the D1 binding `DB`, migrated lazily by the first request that needs it; the router's
// shared state on the Durable Object `ROUTER_STATE` (answers across isolates in the KV namespace
// `ANSWER_CACHE`), synced in the background of requests; and, with the METRICS binding, metrics summed over
// every isolate (each request's counts flushed in the background with waitUntil). The incident manager keeps
// its records in D1 and is ticked in the background of requests, at most once a second per isolate. No
// state, timers or randomness at global scope, as Workers requires.
import type { Hono } from "hono";
import { assembleApp } from "./app.js";
import { D1CalendarStore } from "./calendars/d1-store.js";
import type { CalendarStore } from "./calendars/store.js";
import { ConfigError, type Environment, readConfig } from "./config.js";
import type { AppEnv } from "./http/env.js";
import { jsonLogger, type Logger } from "./http/logger.js";
import type { IncidentManager } from "./incidents/manager.js";
import { type WebhookNotifier, WORKERS_WEBHOOK_DELIVERY } from "./incidents/webhook.js";
import { DurableObjectLimiter, type DurableObjectNamespaceLike } from "./limits/durable-object.js";
import { createCitaMetrics } from "./metrics/cita.js";
import { DurableObjectMetrics } from "./metrics/durable-object-client.js";
import { type BackgroundContext, DurableObjectSharedState } from "./shared/durable-object-state.js";
import { KvAnswers, type KvNamespaceLike } from "./shared/kv-answers.js";
import { unboundState } from "./shared/state.js";

/** The per-client limits' Durable Object class, bound as RATE_LIMITS in wrangler.toml. */
export { RateLimitObject } from "./limits/durable-object.js";
/** The metrics' Durable Object class, bound as METRICS in wrangler.toml. */
export { MetricsObject } from "./metrics/durable-object.js";
/** The router's shared state's Durable Object class, bound as ROUTER_STATE in wrangler.toml. */
export { RouterStateObject } from "./shared/durable-object.js";

type D1Binding = ConstructorParameters<typeof D1CalendarStore>[0];

/**
 * What an isolate builds on its first request: the app, its side of the ROUTER_STATE object (synced around
 * each request) and, if bound, its side of the METRICS object.
 */
interface Isolate {
  app?: Hono<AppEnv>;
  shared?: DurableObjectSharedState;
  aggregate?: DurableObjectMetrics;
  incidents?: {
    manager: IncidentManager;
    logger: Logger;
    lastTickMs: number;
    notifier: WebhookNotifier | null;
  };
}

/** At most one incident tick per isolate in this time: the manager's hold times are seconds and more. */
const INCIDENT_TICK_MS = 1_000;

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
    isolate.shared = sharedStateOf(bindings);
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
    const { app, incidents, incidentNotifier } = assembleApp({
      config,
      ...(database ? { store: migratedOnFirstUse(new D1CalendarStore(database)) } : {}),
      ...(rateLimits ? { limiter: new DurableObjectLimiter(rateLimits) } : {}),
      shared: isolate.shared ?? unboundState,
      logger,
      metrics,
      ...(isolate.aggregate ? { metricsAggregate: isolate.aggregate } : {}),
      localScope: "isolate",
      // No listener to judge: without keys (and without ALLOW_ANONYMOUS) keyed routes answer 401 saying
      // how to create one. Each isolate trusts a key it read for DEFAULT_KEY_CACHE_MS.
      openWithoutKeys: false,
      // A message sent or given up within the ~30 s Workers leave a request's background work.
      webhookDelivery: WORKERS_WEBHOOK_DELIVERY,
    });
    isolate.app = app;
    // The first tick a second after the isolate's first request, when it has counted something to weigh.
    if (incidents !== null) {
      isolate.incidents = { manager: incidents, logger, lastTickMs: Date.now(), notifier: incidentNotifier };
    }
  }
  return isolate.app;
}

/**
 * The router's shared state from the bindings. Without ROUTER_STATE (a Worker deployed from a wrangler.toml
 * older than it), each isolate decides alone, as before; /health says so, and the log says why.
 */
function sharedStateOf(bindings: Record<string, unknown>): DurableObjectSharedState | undefined {
  const namespace = bindings.ROUTER_STATE as DurableObjectNamespaceLike | undefined;
  if (namespace === undefined) {
    const message = "ROUTER_STATE is not bound: each isolate keeps its own router state (docs/scale.md)";
    console.log(JSON.stringify({ level: "warn", event: "shared_state_unbound", message }));
    return undefined;
  }
  const kv = bindings.ANSWER_CACHE as KvNamespaceLike | undefined;
  return new DurableObjectSharedState({ namespace, answers: kv ? new KvAnswers(kv) : null });
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
    engine: store.engine,
    // No migration first: the probe reads no table, and /health must not wait on a migration.
    probe: () => store.probe(),
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
    incidents: (logger) => {
      const incidents = store.incidents(logger);
      return {
        openIncident: (incident) => after(() => incidents.openIncident(incident)),
        saveIncident: (incident, version) => after(() => incidents.saveIncident(incident, version)),
        getIncident: (id) => after(() => incidents.getIncident(id)),
        openedIncident: () => after(() => incidents.openedIncident()),
        listIncidents: (limit) => after(() => incidents.listIncidents(limit)),
      };
    },
  };
}

/**
 * After a request, in its background: the incident manager evaluates and persists to D1, unless this
 * isolate did so within INCIDENT_TICK_MS. A failed tick is logged; the next request's tries again.
 */
function tickIncidents(isolate: Isolate, context: BackgroundContext): void {
  const incidents = isolate.incidents;
  if (incidents === undefined) return;
  const now = Date.now();
  if (now - incidents.lastTickMs < INCIDENT_TICK_MS) return;
  incidents.lastTickMs = now;
  context.waitUntil(
    incidents.manager
      .tick()
      .catch((error: unknown) =>
        incidents.logger.error({ event: "incident_tick_failed", error: (error as Error).name }),
      )
      // The announcements the tick queued are posted in this request's background too, and the recovery
      // check it started runs there (bounded by its timeout): not awaited, Workers would cancel its calls.
      .then(() => Promise.all([incidents.notifier?.settled(), incidents.manager.settled()])),
  );
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
    async fetch(
      request: Request,
      bindings: Record<string, unknown>,
      executionContext: unknown,
    ): Promise<Response> {
      let target: Hono<AppEnv>;
      try {
        target = appFor(isolate, bindings);
      } catch (error) {
        if (error instanceof ConfigError) return misconfigured(error);
        throw error;
      }
      // Before: a stale view starts refreshing for the requests after this one. After: what this request
      // changed (a breaker opened, a Retry-After, an answer to cache) is told, and its counts are flushed
      // to the metrics object. None of it delays the response.
      const context = executionContext as BackgroundContext;
      const { shared, aggregate } = isolate;
      shared?.background(context);
      const flush = () => aggregate?.flushSoon();
      const answer = target.fetch(request, bindings, executionContext as never);
      if (aggregate !== undefined) context.waitUntil(Promise.resolve(answer).then(flush, flush));
      const response = await answer;
      shared?.background(context);
      tickIncidents(isolate, context);
      return response;
    },
  };
}

export default createWorker();
