// Cita as a fleet for `npm run chaos -- --instances N`: N real `node src/node.ts` processes (the shared state
// must cross process boundaries to be tested honestly) configured like the one-instance run, each with a
// SQLite file of its own, all sharing one private redis-server through REDIS_URL (or, as a control with
// --unshared, sharing nothing). A fresh fleet and a fresh Redis per scenario, as the one-instance run gets a
// fresh app.
import type { Environment } from "../../src/config.js";
import { launchNode, type NodeEntry } from "../node-entry.js";
import { type RedisServer, redisServerOnPath, startRedis } from "../redis/server.js";

/** Why a fleet cannot run here, for the CLI (which exits non-zero) and the tests (which skip or fail). */
export const FLEET_NEEDS_REDIS =
  '--instances N>1 needs redis-server on PATH (Debian\'s "redis-server" package): the fleet shares its state through a private Redis';

/** Null when a fleet can run, else why not (a fleet that shares nothing needs no Redis). */
export function fleetUnavailable(
  instances: number,
  environment: NodeJS.ProcessEnv = process.env,
  shared = true,
): string | null {
  return instances > 1 && shared && !redisServerOnPath(environment) ? FLEET_NEEDS_REDIS : null;
}

export interface Fleet {
  /** One base URL per instance, in start order. */
  urls: readonly string[];
  close(): Promise<void>;
}

/**
 * Starts a private Redis and `instances` Node processes on it (without Redis when not `shared`); whatever
 * started is stopped if one fails.
 */
export async function startFleet(environment: Environment, instances: number, shared = true): Promise<Fleet> {
  const redis: RedisServer | null = shared ? await startRedis() : null;
  const settings: Record<string, string> = redis === null ? {} : { REDIS_URL: redis.url };
  for (const [name, value] of Object.entries(environment)) if (value !== undefined) settings[name] = value;
  const launched = await Promise.allSettled(Array.from({ length: instances }, () => launchNode(settings)));
  const entries = launched.flatMap((outcome) => (outcome.status === "fulfilled" ? [outcome.value] : []));
  const close = async () => {
    await Promise.all(entries.map((entry: NodeEntry) => entry.stop()));
    await redis?.stop();
  };
  const failed = launched.find((outcome) => outcome.status === "rejected");
  if (failed !== undefined) {
    await close();
    throw failed.reason;
  }
  return { urls: entries.map((entry) => entry.url), close };
}
