// The incident manager on a router that still reads healthy while one provider it routes to does not (a
// slow, rate-limited or badly answering primary behind healthy failovers): that is out of healthy too, held
// openAfterMs like any other; the severity reads what users saw since the trouble began, so the window's
// earlier, healthy requests do not dilute an outage; and with the router down the LLM path is P1.
import { describe, expect, it } from "vitest";
import { harness, request, requests, SETTINGS } from "../../test/support/incident-manager.js";

const { openAfterMs } = SETTINGS;

describe("a routed provider out of healthy", () => {
  it("opens an incident once it held openAfterMs, not before, while the router reads healthy", async () => {
    const test = harness();
    test.router.set("qwen", { state: "degraded", reasons: ["p95 15000 ms > 5000 ms"] });
    await test.at(0);
    await test.at(openAfterMs - 1);
    expect(test.manager.status().open).toBe(false);
    await test.at(openAfterMs);
    expect(test.manager.status()).toMatchObject({ open: true, severity: "P4" });
    expect(await test.stored()).toMatchObject({
      trigger: "router",
      providers: [{ provider: "qwen", model: "qwen-plus" }],
    });
  });

  it("opens none while every provider is healthy", async () => {
    const test = harness();
    await test.at(0);
    await test.at(10 * openAfterMs);
    expect(test.manager.status().open).toBe(false);
  });
});

describe("the severity's window", () => {
  it("starts when the trouble began: answers from before it do not dilute every reading failing", async () => {
    const test = harness();
    // Mid-slice (the window's slices are 10 s): the answers just before it share its slice.
    const start = 65_000;
    test.move(0);
    requests(test.manager, 6, {});
    test.move(start - 4000);
    requests(test.manager, 6, {});
    test.router.set("qwen", { state: "down", breaker: "open", reasons: ["circuit breaker open"] });
    await test.at(start);
    test.move(start + 5000);
    requests(test.manager, 10, { llmAnswered: false });
    await test.at(start + openAfterMs);
    const stored = await test.stored();
    expect(stored.severity).toBe("P1");
    expect(stored.basis).toMatchObject({ llm: "P1", llmWanted: 10, llmFailed: 10, llmErrorRate: 1 });
  });
});

describe("the router down", () => {
  it("is P1 on the LLM path at opening although the window holds earlier answers", async () => {
    const test = harness();
    requests(test.manager, 6, {});
    requests(test.manager, 10, { llmAnswered: false });
    test.manager.recordRequest(request());
    test.router.current = "down";
    await test.at(0);
    await test.at(openAfterMs);
    const stored = await test.stored();
    expect(stored.severity).toBe("P1");
    expect(stored.basis.llm).toBe("P1");
    expect(stored.basis.llmErrorRate).toBeLessThan(1);
  });
});
