// Per-client rate limits across two instances sharing one private Redis: an address spending its parse
// budget on one instance finds it spent on the other. In process, with each instance's shared state
// refreshed by hand, so nothing depends on timing. Skips (saying why) without redis-server.
import { describe, expect, it } from "vitest";
import { SharedLimiter } from "../../src/limits/shared-limiter.js";
import { limitedApps, START } from "../support/limited-clients.js";
import { redisAvailable, usePrivateRedis } from "../support/redis-server.js";

describe.skipIf(!redisAvailable())("per-client limits shared through Redis", () => {
  const open = limitedApps();
  const redis = usePrivateRedis();

  async function instance() {
    const state = await redis.open({ clock: () => START });
    const app = await open({ ADDRESS_RATE_LIMITS: "parse=6" }, { limiter: new SharedLimiter(state) });
    const parse = async (from: string) =>
      (
        await app.request(from, "/v1/appointments/parse", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ text: "Book a haircut tomorrow at 4pm", timezone: "Europe/London" }),
        })
      ).status;
    return { state, parse };
  }

  it("lets one address spend one budget over both instances, as of each refresh", async () => {
    const [first, second] = [await instance(), await instance()];
    const statuses = [await second.parse("203.0.113.7")];
    for (let index = 0; index < 4; index++) statuses.push(await first.parse("203.0.113.7"));
    await first.state.refresh();
    await second.state.refresh();
    for (let index = 0; index < 3; index++) statuses.push(await second.parse("203.0.113.7"));
    await second.state.refresh();
    await first.state.refresh();
    statuses.push(await first.parse("203.0.113.7"));
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429, 429, 429]);
    // Another address keeps a budget of its own.
    expect(await second.parse("203.0.113.8")).toBe(200);
  });
});
