// The Hono app: one for every runtime. It speaks only Web Standards; src/node.ts and src/worker.ts adapt it.
// Here the app's parts are built once (providers, router, model registry, metrics, the incident manager) and
// handed to the route modules of src/http/routes, each a Hono app of its own, mounted in turn.
import { Hono, type MiddlewareHandler } from "hono";
import { PARSING_GENERATION } from "../agents/parsing/llm.js";
import type { CalendarStore } from "./calendars/store.js";
import { StoreHealth } from "./calendars/store-health.js";
import type { Config } from "./config.js";
import { Access } from "./http/access.js";
import { ADMIN_NEED, guardRoutes } from "./http/access-rules.js";
import { clientAddress } from "./http/client-id.js";
import { withCors } from "./http/cors.js";
import type { AppEnv } from "./http/env.js";
import { errorHandler, notFound } from "./http/errors.js";
import { type Logger, silentLogger } from "./http/logger.js";
import { requestLog } from "./http/request-log.js";
import { BOOKINGS_PATH, bookingRoutes } from "./http/routes/bookings.js";
import { calendarRoutes } from "./http/routes/calendars.js";
import { ducklingRoutes } from "./http/routes/duckling.js";
import { healthRoutes } from "./http/routes/health.js";
import { incidentAnnouncementRoutes } from "./http/routes/incident-announcement.js";
import { incidentsAdminRoutes } from "./http/routes/incidents-admin.js";
import { keysAdminRoutes } from "./http/routes/keys-admin.js";
import { metricsRoutes } from "./http/routes/metrics.js";
import { openApiRoutes } from "./http/routes/openapi.js";
import { parseRoutes } from "./http/routes/parse.js";
import { recoveryCheckRoutes } from "./http/routes/recovery-admin.js";
import { registryAdminRoutes } from "./http/routes/registry-admin.js";
import { routerAdminRoutes } from "./http/routes/router-admin.js";
import { seriesAdminRoutes } from "./http/routes/series-admin.js";
import { DUCKLING_PATH } from "./http/schemas/duckling.js";
import { PARSE_PATH } from "./http/schemas/parse.js";
import { incidentParts as buildIncidentParts, callsFollower, shielded } from "./incidents/app-parts.js";
import type { IncidentManager } from "./incidents/manager.js";
import { RouterRecoveryChecker } from "./incidents/recovery.js";
import type { IncidentStore } from "./incidents/types.js";
import type { WebhookDelivery, WebhookNotifier } from "./incidents/webhook.js";
import { MemoryLimiter, type RateLimiter } from "./limits/limiter.js";
import { failedAuthGuard, rateLimit } from "./limits/middleware.js";
import { SharedLimiter } from "./limits/shared-limiter.js";
import { type CitaMetrics, createCitaMetrics } from "./metrics/cita.js";
import { Timeline, type TimelineAnswer, type TimelineScope } from "./metrics/timeline.js";
import { createProviders } from "./providers/index.js";
import type { LlmProvider } from "./providers/types.js";
import { ModelRegistry } from "./registry/model-registry.js";
import { createRouter } from "./router/index.js";
import type { LlmRouter } from "./router/router.js";
import type { SharedState } from "./shared/state.js";
import { webRoutes } from "./web/routes.js";

export const VERSION = "0.1.0";
/** A key revoked by another process (the CLI, another isolate) stops working within this time. */
export const DEFAULT_KEY_CACHE_MS = 5_000;

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
  /**
   * The listener is on a loopback address (Node with HOST=127.0.0.1): only this machine reaches it, so
   * /metrics needs no METRICS_TOKEN there. False by default, as on Workers.
   */
  loopbackListener?: boolean;
  /**
   * With no client key in the store, callers without one may use every route but admin (src/http/access.ts):
   * true by default (the embedded default, and every in-process test); Node passes whether its listener is
   * on loopback, Workers false.
   */
  openWithoutKeys?: boolean;
  /**
   * How long a client key (and whether any exists) read from the store is trusted before it is read again:
   * 5 s by default (src/http/key-ring.ts), so a check costs no query on most requests; 0: read every time.
   */
  keyCacheMs?: number;
  /**
   * Where the per-client buckets are kept (src/limits): by default in this process's memory, on the app's
   * clock; a Durable Object on Workers. Null: no per-client limits at all (the benchmark's baseline).
   */
  limiter?: RateLimiter | null;
  /**
   * What the instances of a deployment share (src/shared/): Redis on Node with REDIS_URL; by default the
   * embedded state, where this process is the whole fleet.
   */
  shared?: SharedState;
  /** The app's metrics; by default created here. Workers pass their own, to flush them to the aggregate. */
  metrics?: CitaMetrics;
  /**
   * Where /metrics reads its exposition when the instance is not the whole service: on Workers with the
   * METRICS binding, the sum of every isolate (src/metrics/durable-object-client.ts). By default `metrics`.
   */
  metricsAggregate?: { render(): Promise<string>; timeline?(): Promise<TimelineAnswer | null> };
  /**
   * Whose counts this app's own timeline holds (GET /admin/series): a Node process is an "instance" (the
   * default), a Workers isolate an "isolate".
   */
  localScope?: Exclude<TimelineScope, "fleet">;
  /**
   * Serves the console's static files under /static on Node (src/web/static-files.ts). On Workers the
   * platform serves them before the Worker runs (wrangler.toml [assets]), so none is passed.
   */
  staticFiles?: MiddlewareHandler<AppEnv>;
  /**
   * Where incidents are kept (docs/incidents.md): by default the calendar store's database
   * (`store.incidents`), in memory without a calendar store. Give the same store to a manager passed below.
   */
  incidentStore?: IncidentStore;
  /**
   * The incident manager, told every parse outcome, LLM call, router event and rollback: by default built
   * here from config.incidents over `incidentStore` and the router (none without a router: nothing could
   * open an incident). Null, or INCIDENTS=false: no manager and no incident routes.
   */
  incidents?: IncidentManager | null;
  /** The incident webhook's retries and budget: Workers pass WORKERS_WEBHOOK_DELIVERY (under their ~30 s). */
  webhookDelivery?: Partial<WebhookDelivery>;
}

/** The app and the parts its runtime entry drives: the incident manager's tick (null: incidents off). */
export interface AssembledApp {
  app: Hono<AppEnv>;
  incidents: IncidentManager | null;
  /** The incident webhook, whose `settled()` Workers hand to waitUntil; null without INCIDENT_WEBHOOK_URL. */
  incidentNotifier: WebhookNotifier | null;
}

export function createApp(options: AppOptions): Hono<AppEnv> {
  return assembleApp(options).app;
}

export function assembleApp(options: AppOptions): AssembledApp {
  const { config, store, clock } = options;
  const logger = options.logger ?? silentLogger;
  const providers = options.providers ?? createProviders(config.llm.providers);
  const metrics = options.metrics ?? createCitaMetrics();
  // Built once the router is (it reads the router's state); the callbacks below reach it through this.
  let incidents: IncidentManager | null = null;
  const registry = new ModelRegistry(config.llm.registry, {
    defaults: PARSING_GENERATION,
    windowMs: config.llm.variantWindowMs,
    rollbackMinSamples: config.llm.rollbackMinSamples,
    onRollback: (agent, reason) => {
      logger.info({ event: "registry_rollback", agent, reason });
      if (incidents !== null) shielded(logger, () => incidents?.recordRollback(agent, reason));
    },
  });
  const router =
    options.router !== undefined
      ? options.router
      : createRouter(config, providers, {
          ...(options.shared !== undefined ? { shared: options.shared } : {}),
          onEvent: (event) => {
            logger.info({ ...event, event: `router_${event.event}` });
            if (incidents !== null) shielded(logger, () => incidents?.recordRouterEvent(event));
          },
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
  // One recovery check for the manager (before it resolves) and POST /admin/recovery-check.
  const recovery =
    router === null ? null : new RouterRecoveryChecker({ router, ...(clock ? { clock } : {}) });
  const incidentParts = buildIncidentParts({
    settings: config.incidents,
    store,
    incidentStore: options.incidentStore,
    manager: options.incidents,
    router,
    registry,
    recovery,
    logger,
    clock,
    ...(options.webhookDelivery ? { webhookDelivery: options.webhookDelivery } : {}),
  });
  incidents = incidentParts?.manager ?? null;
  // cita_incident_open and cita_incident_severity, read at each scrape; absent with incidents off.
  metrics.watchIncidents(() => incidents?.status() ?? null);
  if (incidents !== null) metrics.follow(callsFollower(incidents, logger));
  // The configured providers only: a pair is counted by its provider's name, never by anything a client sent.
  const timeline = new Timeline({
    providers: providers.map((provider) => provider.name),
    ...(clock ? { clock } : {}),
  });
  metrics.follow(timeline);
  const localTimeline = () => timeline.answer(options.localScope ?? "instance");
  const access = new Access({
    store,
    adminToken: config.adminToken,
    allowAnonymous: config.allowAnonymous,
    openWithoutKeys: options.openWithoutKeys ?? true,
    keyCacheMs: options.keyCacheMs ?? DEFAULT_KEY_CACHE_MS,
  });
  const admin = access.require(ADMIN_NEED);

  const app = new Hono<AppEnv>()
    .use(clientAddress(config.trustedProxies))
    .use(requestLog({ logger, metrics }))
    .onError(errorHandler(logger))
    .notFound(notFound);
  withCors(app, config.corsOrigins);
  const limiter = options.limiter === undefined ? defaultLimiter(options.shared, clock) : options.limiter;
  const limits = limiter === null ? null : { limiter, limits: config.rateLimits };
  // After CORS, so a browser can read a 429's Retry-After; ahead of every credential check.
  if (limits !== null) app.use(failedAuthGuard(limits));
  // The access rules run before the routes they guard, and before each action's budget, which counts
  // against the principal they set (docs/security/rate-limits.md).
  guardRoutes(app, access);
  if (limits !== null) {
    app
      .post(PARSE_PATH, rateLimit("parse", limits))
      .post(DUCKLING_PATH, rateLimit("duckling", limits))
      .post(BOOKINGS_PATH, rateLimit("booking", limits));
  }
  if (options.staticFiles) app.get("/static/*", options.staticFiles);
  if (incidentParts !== null) {
    const { store: incidentStore } = incidentParts;
    app
      .route("/", incidentsAdminRoutes({ admin, store: incidentStore }))
      .route("/", incidentAnnouncementRoutes({ admin, store: incidentStore, ...(clock ? { clock } : {}) }));
  }
  app
    .route("/", webRoutes())
    .route(
      "/",
      healthRoutes({
        version: VERSION,
        router,
        storeHealth: store === undefined ? null : new StoreHealth(store, clock ? { clock } : {}),
        shared: options.shared,
      }),
    )
    .route("/", openApiRoutes({ version: VERSION }))
    .route(
      "/",
      metricsRoutes({
        metrics,
        aggregate: options.metricsAggregate ?? null,
        token: config.metricsToken,
        loopbackListener: options.loopbackListener ?? false,
      }),
    )
    .route(
      "/",
      parseRoutes({
        config,
        store: store ?? null,
        router,
        registry,
        metrics,
        logger,
        clock,
        ...(incidents !== null
          ? { onOutcome: (outcome) => shielded(logger, () => incidents?.recordRequest(outcome)) }
          : {}),
      }),
    )
    .route("/", routerAdminRoutes({ admin, router, onChange: (change) => logChange("router", change) }))
    .route(
      "/",
      registryAdminRoutes({
        admin,
        registry,
        providers,
        onChange: (change) => logChange("registry", change),
      }),
    )
    .route(
      "/",
      seriesAdminRoutes({
        admin,
        timeline: async () => (await options.metricsAggregate?.timeline?.()) ?? localTimeline(),
      }),
    )
    .route(
      "/",
      recoveryCheckRoutes({
        admin,
        checker: recovery,
        onReport: (report) => {
          logger.info({
            event: "recovery_check",
            verdict: report.verdict,
            reasons: report.reasons.join("; "),
          });
          if (incidents !== null) shielded(logger, () => incidents?.recordRecovery(report));
        },
      }),
    )
    .route("/", ducklingRoutes({ config, clock }))
    .route(
      "/",
      keysAdminRoutes({
        admin,
        store,
        keys: access.keys,
        clock,
        onChange: (change) => logChange("keys", change),
      }),
    )
    .route("/", calendarRoutes({ store }))
    .route(
      "/",
      bookingRoutes({
        store,
        access,
        clock,
        maxActiveBookingsPerContact: config.maxActiveBookingsPerContact,
        maxActiveBookingsPerKey: config.maxActiveBookingsPerKey,
      }),
    );
  return { app, incidents, incidentNotifier: incidentParts?.notifier ?? null };

  function logChange(part: "router" | "registry" | "keys", change: string): void {
    logger.info({ event: `${part}_admin`, change });
  }
}

/** In this process's memory; with shared state, charged the tokens the rest of the fleet takes as well. */
function defaultLimiter(shared: SharedState | undefined, clock: (() => number) | undefined): RateLimiter {
  const options = clock ? { clock } : {};
  return shared?.shared === true ? new SharedLimiter(shared, options) : new MemoryLimiter(options);
}
