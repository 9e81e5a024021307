// A provider's rate limit (LLM_RATE_LIMITS) across two real Node processes (`node src/node.ts`) on one
// private Redis, against the provider simulator: once one instance has spent the minute's requests, the
// other finds the bucket spent too (its /health shows no headroom left) and reads by rules instead of
// sending a bucket of its own, so two instances do not send twice the provider's limit. Behaviour only: it
// waits for the shared view, never asserts how fast. Skips (saying why) without redis-server, and fails
// instead in CI (test/support/redis-server.ts).
import { describe, expect, it, vi } from "vitest";
import type { NodeEntry } from "../support/node-entry.js";
import { health, parse, useNodesOnRedis } from "../support/node-fleet.js";
import { redisAvailable } from "../support/redis-server.js";

/** Requests a minute: a token comes back every 20 s, far longer than the test waits for the view. */
const LIMIT = 3;

describe.skipIf(!redisAvailable())("a provider's rate limit shared by two Node instances", () => {
  const fleet = useNodesOnRedis(23, {
    LLM_RATE_LIMITS: `qwen=${LIMIT}`,
    LLM_CACHE_MAX_ENTRIES: "0",
    LLM_MAX_ATTEMPTS: "1",
  });
  const headroom = async (entry: NodeEntry) => (await health(entry)).provider.rateLimit.headroom;

  it("spends one limit over both: the second sends less than a bucket of its own", {
    timeout: 60_000,
  }, async () => {
    const [first, second] = fleet.entries();
    const attempts = async () => (await fleet.simulator.attempts()).length;
    for (let index = 0; (await headroom(first)) >= 1 / LIMIT; index++) {
      expect(index, "the first instance never spent its bucket").toBeLessThan(2 * LIMIT);
      await parse(first, index);
    }
    const spent = await attempts();
    expect(spent).toBeGreaterThanOrEqual(LIMIT);
    await vi.waitFor(async () => expect(await headroom(second)).toBeLessThan(1 / LIMIT), {
      timeout: 15_000,
      interval: 100,
    });
    for (let index = 0; index < LIMIT; index++) await parse(second, 100 + index);
    expect((await attempts()) - spent).toBeLessThan(LIMIT);
  });
});
