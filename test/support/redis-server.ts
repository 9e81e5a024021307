// redis-server for the tests of the shared state, started privately by tools/redis/server.ts. A clone
// needs only Node to pass `npm test`, so without redis-server on PATH these tests skip and say why; CI
// (.ci/run) installs it and sets CITA_REQUIRE_REDIS=1, which turns a missing redis-server into a failure.
import { redisServerOnPath } from "../../tools/redis/server.js";

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
