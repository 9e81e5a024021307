// The simulator's quotas: each attempt takes a request, a 429 spends the window, the window refills evenly
// from the simulator's clock (injected here), and POST /_sim/quota changes a quota or refuses a bad one.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { quotaHeaders } from "./quota.js";
import { type Simulator, startSimulator } from "./server.js";
import { askAnthropic, askOpenAi, clients, TEXT_EN } from "./testing.js";

const START = Date.parse("2026-01-22T10:30:00Z");
let now = START;
let simulator: Simulator;
beforeAll(async () => {
  simulator = await startSimulator({ seed: 3, clock: () => now });
});
afterAll(() => simulator.close());
beforeEach(() => {
  now = START;
  simulator.reset();
});

async function remaining(): Promise<string | null> {
  const { response } = await askOpenAi(clients(simulator).qwen, TEXT_EN).withResponse();
  return response.headers.get("x-ratelimit-remaining-requests");
}

describe("provider quotas", () => {
  it("takes a request per attempt and refills evenly over the window", async () => {
    simulator.setQuota("qwen", { limit: 100, windowMs: 60_000, remaining: 10 });

    expect(await remaining()).toBe("9");
    now += 6_000; // a tenth of the window: ten requests back
    expect(await remaining()).toBe("18");
    now += 60_000;
    expect(await remaining()).toBe("99");
  });

  it("is spent by a 429 storm and full again a window later", async () => {
    simulator.setQuota("qwen", { limit: 100, windowMs: 60_000 });
    simulator.setFaults("qwen", undefined, [{ kind: "rateLimit" }]);
    const refused = await askOpenAi(clients(simulator).qwen, TEXT_EN).catch((error: unknown) => error);
    expect(refused).toMatchObject({ status: 429 });
    expect((refused as { headers: Headers }).headers.get("x-ratelimit-remaining-requests")).toBe("0");
    simulator.clearFaults();

    now += 30_000; // half the window: half the quota back, one taken
    expect(await remaining()).toBe("49");
    now += 60_000;
    expect(await remaining()).toBe("99");
  });

  it("writes Anthropic's own headers, with the reset as a date", async () => {
    simulator.setQuota("anthropic", { limit: 50, windowMs: 60_000, remaining: 50 });
    const { response } = await askAnthropic(clients(simulator).anthropic, TEXT_EN).withResponse();

    expect(response.headers.get("anthropic-ratelimit-requests-remaining")).toBe("49");
    expect(response.headers.get("anthropic-ratelimit-requests-limit")).toBe("50");
    // One request of 50 missing: back in 1.2 s, said to the second.
    expect(response.headers.get("anthropic-ratelimit-requests-reset")).toBe("2026-01-22T10:30:02Z");
    expect(response.headers.get("x-ratelimit-remaining-requests")).toBeNull();
  });

  it("sends nothing for the self-hosted server", async () => {
    const { response } = await askOpenAi(clients(simulator).compatible, TEXT_EN).withResponse();
    expect([...response.headers.keys()].filter((name) => name.includes("ratelimit"))).toEqual([]);
  });

  it("writes OpenAI's reset as a duration", () => {
    const headers = (resetMs: number) => quotaHeaders("openai", { limit: 10, remaining: 1, resetMs }, now);
    expect(headers(20)["x-ratelimit-reset-requests"]).toBe("20ms");
    expect(headers(1_500)["x-ratelimit-reset-requests"]).toBe("1.5s");
    expect(headers(360_000)["x-ratelimit-reset-requests"]).toBe("6m0s");
  });

  it("is changed over POST /_sim/quota, which refuses what it cannot read", async () => {
    const post = (body: unknown) =>
      fetch(`${simulator.url}/_sim/quota`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    expect((await post({ provider: "qwen", remaining: 3 })).status).toBe(200);
    expect(await remaining()).toBe("2");
    expect((await post({ provider: "qwen", limit: 0 })).status).toBe(400);
    expect((await post({ provider: "qwen", remaining: -1 })).status).toBe(400);
    // A provider with no quota yet needs both its limit and its window.
    expect((await post({ provider: "openai-compatible", limit: 5 })).status).toBe(400);
  });
});
