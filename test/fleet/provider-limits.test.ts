// A provider's rate limit (LLM_RATE_LIMITS) across two real Node processes (`node src/node.ts`) on one
// private Redis, against the provider simulator: once one instance has spent the minute's requests, the
// other finds the bucket spent too (its /health shows no headroom left) and reads by rules instead of
// sending a bucket of its own, so two instances do not send twice the provider's limit. Behaviour only: it
// waits for the shared view, never asserts how fast. Skips (saying why) without redis-server, and fails
// instead in CI (test/support/redis-server.ts).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { HealthResponseSchema } from "../../src/http/schemas/health.js";
import { ENTRY_TEST_TIMEOUT_MS, launchNode, type NodeEntry, stopAll } from "../support/node-entry.js";
import { haircutRequest } from "../support/parse-requests.js";
import { type RedisServer, redisAvailable, startRedis } from "../support/redis-server.js";
import { useSimulatorScope } from "../support/simulator.js";

/** Requests a minute: a token comes back every 20 s, far longer than the test waits for the view. */
const LIMIT = 3;

describe.skipIf(!redisAvailable())("a provider's rate limit shared by two Node instances", () => {
  const simulator = useSimulatorScope({ seed: 23 });
  let redis: RedisServer;
  let first: NodeEntry;
  let second: NodeEntry;

  beforeAll(async () => {
    redis = await startRedis();
    const environment = {
      QWEN_API_KEY: "sk-test",
      QWEN_BASE_URL: simulator.baseUrls.qwen,
      REDIS_URL: redis.url,
      LLM_RATE_LIMITS: `qwen=${LIMIT}`,
      LLM_CACHE_MAX_ENTRIES: "0",
      LLM_MAX_ATTEMPTS: "1",
    };
    [first, second] = await Promise.all([launchNode(environment), launchNode(environment)]);
  }, ENTRY_TEST_TIMEOUT_MS);

  afterAll(async () => {
    stopAll();
    await redis?.stop();
  });

  async function headroom(entry: NodeEntry): Promise<number> {
    const body = HealthResponseSchema.parse(await (await fetch(`${entry.url}/health`)).json());
    return body.router!.providers[0]!.rateLimit.headroom;
  }

  async function parse(entry: NodeEntry, index: number): Promise<void> {
    const response = await fetch(`${entry.url}/v1/appointments/parse`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(haircutRequest(index)),
    });
    expect(response.status).toBe(200);
  }

  it("spends one limit over both: the second sends less than a bucket of its own", {
    timeout: 60_000,
  }, async () => {
    for (let index = 0; (await headroom(first)) >= 1 / LIMIT; index++) {
      expect(index, "the first instance never spent its bucket").toBeLessThan(2 * LIMIT);
      await parse(first, index);
    }
    const spent = (await simulator.attempts()).length;
    expect(spent).toBeGreaterThanOrEqual(LIMIT);
    await vi.waitFor(async () => expect(await headroom(second)).toBeLessThan(1 / LIMIT), {
      timeout: 15_000,
      interval: 100,
    });
    for (let index = 0; index < LIMIT; index++) await parse(second, 100 + index);
    expect((await simulator.attempts()).length - spent).toBeLessThan(LIMIT);
  });
});
