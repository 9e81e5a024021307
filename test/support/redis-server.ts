// redis-server for the tests of the shared state, started privately by tools/redis/server.ts. A clone
// needs only Node to pass `npm test`, so without redis-server on PATH these tests skip and say why; CI
// (.ci/run) installs it and sets CITA_REQUIRE_REDIS=1, which turns a missing redis-server into a failure.
import { afterAll, beforeAll } from "vitest";
import { openRedisState, type RedisState, type RedisStateOptions } from "../../src/shared/redis-state.js";
import { type RedisServer, redisServerOnPath, startRedis } from "../../tools/redis/server.js";

export { freePort, type RedisServer, startRedis } from "../../tools/redis/server.js";

export const REQUIRE_REDIS = "CITA_REQUIRE_REDIS";

export const MISSING_SKIPPED =
  'redis-server is not on PATH: install Debian\'s "redis-server" package to run the shared-state tests (CI sets CITA_REQUIRE_REDIS=1, which fails instead of skipping)';
export const MISSING_REQUIRED =
  'redis-server is not on PATH and CITA_REQUIRE_REDIS=1 requires it: install Debian\'s "redis-server" package (.ci/run installs it through APT_PACKAGES)';

/** Whether the tests may run: redis-server is on PATH, or CITA_REQUIRE_REDIS makes its absence a failure. */
export function redisAvailable(environment: NodeJS.ProcessEnv = process.env): boolean {
  if (redisServerOnPath(environment)) return true;
  const required = environment[REQUIRE_REDIS]?.trim() ?? "";
  if (required !== "" && required !== "0") throw new Error(MISSING_REQUIRED);
  console.warn(`skipped the shared-state tests on Redis: ${MISSING_SKIPPED}`);
  return false;
}

/**
 * For a test file: a private Redis started before its tests, and shared states opened on it, all closed
 * after them. `redis()` is the server; `open` a shared state on it (its refresh left to the test).
 */
export function usePrivateRedis(): {
  redis(): RedisServer;
  open(options?: Omit<RedisStateOptions, "url">): Promise<RedisState>;
} {
  let server: RedisServer | undefined;
  const states: RedisState[] = [];
  beforeAll(async () => {
    server = await startRedis();
  });
  afterAll(async () => {
    await Promise.all(states.map((state) => state.close()));
    await server?.stop();
  });
  const redis = () => {
    if (server === undefined) throw new Error("the private Redis starts in beforeAll");
    return server;
  };
  return {
    redis,
    open: async (options = {}) => {
      const state = await openRedisState({ refreshMs: 60_000, ...options, url: redis().url });
      states.push(state);
      return state;
    },
  };
}
