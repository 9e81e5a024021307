// Node entry: reads the environment once, opens and migrates the SQLite calendar store at DATABASE_PATH,
// and serves the app with @hono/node-server, batched by event-loop turn (src/node-serve.ts). SIGTERM and
// SIGINT stop the listener, then close the database. The listener's timeouts and connection cap
// (MAX_CONNECTIONS) are src/node-serve.ts's. Before listening it settles who may call (src/http/access.ts):
// open without keys on loopback, refused off loopback without keys unless ALLOW_ANONYMOUS says otherwise.
// With REDIS_URL the router's shared state is Redis (src/shared/redis-state.ts), reached before listening.
// The incident manager (docs/incidents.md) is ticked on an interval that never keeps the process alive.
import { assembleApp } from "./app.js";
import type { CalendarStore } from "./calendars/store.js";
import { StoreUnavailableError } from "./calendars/store-unavailable.js";
import { isLoopbackHost } from "./config/edge.js";
import { type Config, ConfigError, readConfig } from "./config.js";
import { jsonLogger, type Logger } from "./http/logger.js";
import { readMaxConnections, serveNode } from "./node-serve.js";
import { readRedisUrl, SharedSettingsError } from "./shared/settings.js";
import { embeddedState, type SharedState } from "./shared/state.js";
import { nodeStaticFiles } from "./web/static-files.js";

/**
 * The calendar store, imported only here so the Workers bundle never sees better-sqlite3 or pg: PostgreSQL at
 * DATABASE_URL when set, otherwise SQLite at DATABASE_PATH. openSqliteStore creates the file's folder (a fresh
 * checkout has no data/ folder); both run the migrations. Exits with a message naming the variable, never
 * the URL's password, when the store cannot be opened.
 */
async function openStore(config: Config): Promise<CalendarStore> {
  if (config.databaseUrl !== null) {
    const { openPostgresStore } = await import("./calendars/postgres-store.js");
    const { redactedDatabaseUrl } = await import("./calendars/postgres-connection.js");
    try {
      return await openPostgresStore(config.databaseUrl);
    } catch (error) {
      const reason =
        error instanceof StoreUnavailableError ? "the server cannot be reached" : (error as Error).message;
      process.stderr.write(
        `cita: cannot open the PostgreSQL calendar store at DATABASE_URL (${redactedDatabaseUrl(config.databaseUrl)}): ${reason}\n`,
      );
      process.exit(1);
    }
  }
  const { openSqliteStore } = await import("./calendars/sqlite-store.js");
  try {
    return await openSqliteStore(config.databasePath);
  } catch (error) {
    process.stderr.write(
      `cita: cannot open the calendar store at DATABASE_PATH (${config.databasePath}): ${(error as Error).message}\n`,
    );
    process.exit(1);
  }
}

/**
 * Redis when REDIS_URL is set, imported only here so the Workers bundle never sees the Redis driver. One log
 * line when it goes away and one when it is back (never its URL).
 */
async function openShared(url: string | null, config: Config, logger: Logger): Promise<SharedState> {
  if (url === null) return embeddedState;
  const { openRedisState } = await import("./shared/redis-state.js");
  return openRedisState({
    url,
    breakerCooldownMs: config.llm.router.breakerCooldownMs,
    onAvailability: (state) => {
      if (state === "ok")
        logger.info({
          event: "shared_state_available",
          message: "the shared-state store (REDIS_URL) is back",
        });
      else
        logger.error({
          event: "shared_state_unavailable",
          message: "the shared-state store (REDIS_URL) cannot be reached: answering from the local view",
        });
    },
  });
}

const STOP_DEADLINE_MS = 10_000;
/** How often the incident manager evaluates and persists: far below its shortest hold time. */
const INCIDENT_TICK_MS = 1_000;

async function main(): Promise<void> {
  let config: ReturnType<typeof readConfig>;
  let redisUrl: string | null;
  try {
    config = readConfig(process.env);
    redisUrl = readRedisUrl(process.env);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof SharedSettingsError) {
      process.stderr.write(`cita: invalid configuration: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  // Blank counts as unset, as in readConfig: an empty PORT would otherwise listen on a random port and an
  // empty HOST on every interface.
  const portText = process.env.PORT?.trim() || "8787";
  const port = Number(portText);
  const hostname = process.env.HOST?.trim() || "127.0.0.1";
  if (!/^\d{1,5}$/.test(portText) || port > 65535) {
    process.stderr.write("cita: invalid configuration: PORT: must be a port number\n");
    process.exit(1);
  }
  const maxConnections = readMaxConnections(process.env.MAX_CONNECTIONS);
  if (maxConnections === null) {
    process.stderr.write("cita: invalid configuration: MAX_CONNECTIONS: must be a whole number ≥ 1\n");
    process.exit(1);
  }
  const logger = jsonLogger(config.logLevel === "warn" ? "error" : config.logLevel, (line) =>
    process.stdout.write(`${line}\n`),
  );
  const store = await openStore(config);
  let shared: SharedState;
  try {
    shared = await openShared(redisUrl, config, logger);
  } catch (error) {
    process.stderr.write(`cita: ${(error as Error).message}\n`);
    await store.close?.();
    process.exit(1);
  }
  const loopbackListener = isLoopbackHost(hostname);
  if (!loopbackListener && config.metricsToken === null) {
    logger.info({ event: "metrics_closed", message: "GET /metrics answers 403 until METRICS_TOKEN is set" });
  }
  const refusal = await accessAtStart(store, hostname, loopbackListener, config.allowAnonymous, logger);
  if (refusal !== null) {
    process.stderr.write(`cita: ${refusal}\n`);
    await Promise.all([store.close?.(), shared.close()]);
    process.exit(1);
  }
  const { app, incidents } = assembleApp({
    config,
    store,
    logger,
    loopbackListener,
    openWithoutKeys: loopbackListener,
    shared,
    staticFiles: nodeStaticFiles(),
  });
  const server = serveNode(app.fetch, { port, hostname, limits: { maxConnections } }, (info) => {
    logger.info({ event: "listening", url: `http://${hostname}:${info.port}` });
  });
  // A tick still running when the next is due is not doubled; shutdown waits for it before closing the store.
  let tick: Promise<void> | null = null;
  const ticks =
    incidents === null
      ? null
      : setInterval(() => {
          tick ??= incidents
            .tick()
            .catch((error: unknown) =>
              logger.error({ event: "incident_tick_failed", error: (error as Error).name }),
            )
            .finally(() => {
              tick = null;
            });
        }, INCIDENT_TICK_MS).unref();
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    if (ticks !== null) clearInterval(ticks);
    // In-flight requests finish before the database closes; a booking is one transaction, so even the
    // deadline's forced exit leaves the whole booking or none. The deadline waits for nothing: a store that
    // stopped answering (the shared state's close is bounded, a hung one is not waited for) cannot hold it.
    server.close(() => {
      void Promise.allSettled([tick])
        .then(() => Promise.allSettled([store.close?.(), shared.close()]))
        .finally(() => process.exit(0));
    });
    setTimeout(() => process.exit(1), STOP_DEADLINE_MS).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

/**
 * Says at start-up who may call, or why Cita will not listen (null: it may). Keys are read now; the app
 * notices keys created later (the CLI, the admin API) by itself.
 */
async function accessAtStart(
  store: CalendarStore,
  hostname: string,
  loopbackListener: boolean,
  allowAnonymous: boolean,
  logger: Logger,
): Promise<string | null> {
  const keys = await store.hasClientKeys();
  if (!keys && !loopbackListener && !allowAnonymous) {
    return (
      `refusing to listen on ${hostname} with no client keys: anybody could parse and book. Create a key ` +
      "first (npm run keys -- create --scope parse --scope book --name web), listen on 127.0.0.1, or set " +
      "ALLOW_ANONYMOUS=true to serve callers without keys."
    );
  }
  if (allowAnonymous) {
    // Loud whatever LOG_LEVEL says: written beside the logger, at warn.
    process.stdout.write(
      `${JSON.stringify({
        level: "warn",
        time: new Date().toISOString(),
        event: "anonymous_access",
        message:
          "ALLOW_ANONYMOUS=true: callers without a client key may parse, use Duckling, read calendars and " +
          "book; while no key exists, also read and cancel any booking by its id. Create a key to close that.",
      })}\n`,
    );
  } else if (!keys) {
    logger.info({
      event: "open_access",
      message:
        "no client keys: every route but admin answers without a key on this loopback listener; " +
        "create one (npm run keys -- create) to require keys",
    });
  }
  return null;
}

await main();
