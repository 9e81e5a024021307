// The calendar store's health for GET /health: a verdict kept 5 s, one probe for concurrent checks, and a
// probe that fails or outlasts its timeout counted as unavailable.
import { describe, expect, it } from "vitest";
import type { CalendarStore } from "./store.js";
import { STORE_PROBE_TIMEOUT_MS, STORE_VERDICT_MS, StoreHealth } from "./store-health.js";

/** A store whose probe does what `answer` says, counting the probes. */
function probedStore(answer: () => Promise<void>): { store: CalendarStore; probes: () => number } {
  let probes = 0;
  const store = {
    engine: "postgres",
    probe: () => {
      probes += 1;
      return answer();
    },
  } as unknown as CalendarStore;
  return { store, probes: () => probes };
}

describe("StoreHealth", () => {
  it("says ok when the probe answers, naming the engine and when it asked", async () => {
    const { store } = probedStore(async () => {});
    const health = new StoreHealth(store, { clock: () => Date.parse("2026-12-07T10:00:00Z") });
    expect(await health.status()).toEqual({
      engine: "postgres",
      state: "ok",
      checkedAt: "2026-12-07T10:00:00.000Z",
    });
  });

  it("keeps a verdict until it is 5 s old, then asks again", async () => {
    expect(STORE_VERDICT_MS).toBe(5_000);
    let now = 0;
    const { store, probes } = probedStore(async () => {});
    const health = new StoreHealth(store, { clock: () => now });
    await health.status();
    now = STORE_VERDICT_MS - 1;
    await health.status();
    expect(probes()).toBe(1);
    now = STORE_VERDICT_MS;
    await health.status();
    expect(probes()).toBe(2);
  });

  it("shares one probe between checks that arrive while it runs", async () => {
    let finish = () => {};
    const { store, probes } = probedStore(() => new Promise<void>((resolve) => (finish = resolve)));
    const health = new StoreHealth(store, { clock: () => 0 });
    const checks = [health.status(), health.status(), health.status()];
    finish();
    const verdicts = await Promise.all(checks);
    expect(probes()).toBe(1);
    expect(verdicts.map((verdict) => verdict.state)).toEqual(["ok", "ok", "ok"]);
  });

  it("says unavailable when the probe fails, and ok again once it answers", async () => {
    let now = 0;
    let down = true;
    const { store } = probedStore(async () => {
      if (down) throw new Error("connection refused");
    });
    const health = new StoreHealth(store, { clock: () => now });
    expect((await health.status()).state).toBe("unavailable");
    down = false;
    now = STORE_VERDICT_MS;
    expect((await health.status()).state).toBe("ok");
  });

  it("says unavailable when the probe outlasts its timeout, and does not wait for it", async () => {
    expect(STORE_PROBE_TIMEOUT_MS).toBe(1_000);
    const { store } = probedStore(() => new Promise<void>(() => {}));
    const health = new StoreHealth(store, { clock: () => 0, timeoutMs: 20 });
    expect((await health.status()).state).toBe("unavailable");
  });

  it("counts a probe that answers just within its timeout as ok", async () => {
    const { store } = probedStore(() => new Promise<void>((resolve) => setTimeout(resolve, 5)));
    const health = new StoreHealth(store, { clock: () => 0, timeoutMs: 500 });
    expect((await health.status()).state).toBe("ok");
  });
});
