// The answer cache across two instances sharing one private Redis, in process against the provider
// simulator: an answer one instance got from a provider is a cache hit on the other, with no provider call.
// Skips (saying why) without redis-server.
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { readConfig } from "../../src/config.js";
import { redisAvailable, usePrivateRedis } from "../support/redis-server.js";
import { useSimulatorScope } from "../support/simulator.js";

describe.skipIf(!redisAvailable())("the answer cache shared through Redis", () => {
  const simulator = useSimulatorScope({ seed: 23 });
  const redis = usePrivateRedis();

  async function instance() {
    const shared = await redis.open();
    const app = createApp({
      config: readConfig({ QWEN_API_KEY: "sk-test", QWEN_BASE_URL: simulator.baseUrls.qwen }),
      shared,
    });
    const parse = async (text: string) => {
      const response = await app.request("/v1/appointments/parse", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text, timezone: "Europe/London", now: "2026-06-07T11:00:00+01:00" }),
      });
      expect(response.status).toBe(200);
      return ((await response.json()) as { meta: { cache: string } }).meta;
    };
    return { parse, shared };
  }

  it("answers on the second instance what the first one asked a provider", async () => {
    const [first, second] = [await instance(), await instance()];
    const text = "Book a haircut next Tuesday at 4pm";
    expect((await first.parse(text)).cache).toBe("miss");
    const calls = (await simulator.attempts()).length;
    expect(calls).toBeGreaterThan(0);
    // Closing waits for the replies of what was sent: the first instance's answer is in Redis.
    await first.shared.close();
    expect((await second.parse(text)).cache).toBe("hit");
    expect((await simulator.attempts()).length).toBe(calls);
  });
});
