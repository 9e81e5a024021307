// Incident managers sharing one store (two Node processes on one database, Workers isolates on one D1):
// a resolution by one instance reaches the others, and a change both see is announced once, by the
// instance whose write the store took. Then a store that fails at startup or at opening.
import { describe, expect, it } from "vitest";
import { type Harness, harness, openIncident, SETTINGS } from "../../test/support/incident-manager.js";
import { resolvedRecord } from "../../test/support/incident-records.js";
import { MemoryIncidentStore } from "./memory-store.js";
import type { IncidentStore } from "./types.js";

const { openAfterMs, recoveryDelayMs, updateEveryMs } = SETTINGS;
const OPEN = openAfterMs;

function kinds(test: Harness): string[] {
  return test.notified.map((change) => change.kind);
}

/** Two managers on one memory store, seeing the same fault: `first` opens the incident, `second` joins it. */
async function twoInstances(): Promise<{ first: Harness; second: Harness }> {
  const first = harness();
  const second = harness({ store: first.store });
  for (const test of [first, second]) {
    test.router.current = "degraded";
    test.router.set("qwen", { state: "down", breaker: "open", reasons: ["circuit breaker open"] });
  }
  for (const at of [0, OPEN]) {
    await first.at(at);
    await second.at(at);
  }
  expect(second.manager.status().open).toBe(true);
  expect(kinds(first)).toEqual(["opened"]);
  expect(kinds(second)).toEqual([]);
  return { first, second };
}

describe("instances sharing a store", () => {
  it("an instance learns that another one resolved the incident: it stops reporting it and announces nothing", async () => {
    const { first, second } = await twoInstances();
    const held = await first.stored();
    // The other instance resolves it (its router healed, its recovery check passed).
    await first.store.saveIncident(resolvedRecord(held));
    await second.at(OPEN + 1);
    await second.at(OPEN + 1 + updateEveryMs);
    expect(second.manager.status().open).toBe(false);
    expect(kinds(second)).toEqual([]);
    expect(await second.store.getIncident(held.id)).toEqual(resolvedRecord(held));
    // Its router still out of healthy, it opens a new incident in time, and announces that one.
    await second.at(OPEN + 2 + updateEveryMs + openAfterMs);
    expect(second.manager.status().open).toBe(true);
    const next = await second.stored();
    expect(next.id).not.toBe(held.id);
    expect(second.notified.map((change) => [change.kind, change.incident.id])).toEqual([["opened", next.id]]);
  });

  it("an idle instance learns of the resolution within the save interval", async () => {
    const { first, second } = await twoInstances();
    await first.at(OPEN + 1);
    await second.at(OPEN + 1);
    expect(kinds(second)).toEqual([]);
    await first.store.saveIncident(resolvedRecord(await first.stored()));
    second.router.heal();
    const saveEvery = Math.min(10_000, openAfterMs);
    await second.at(OPEN + saveEvery);
    expect(second.manager.status().open).toBe(true);
    await second.at(OPEN + 1 + saveEvery);
    expect(second.manager.status().open).toBe(false);
    expect(kinds(second)).toEqual([]);
  });

  it("a change both instances see is announced once, by the one whose write the store took", async () => {
    const { first, second } = await twoInstances();
    await first.at(OPEN + 1);
    await second.at(OPEN + 1);
    expect(first.manager.status().state).toBe("mitigated");
    expect(second.manager.status().state).toBe("mitigated");
    expect(kinds(first)).toEqual(["opened", "state"]);
    expect(kinds(second)).toEqual([]);
    first.router.heal();
    second.router.heal();
    for (const at of [OPEN + 2, OPEN + 2 + recoveryDelayMs, OPEN + 3 + recoveryDelayMs]) {
      await second.at(at);
      await first.at(at);
    }
    expect(first.manager.status().open).toBe(false);
    expect(second.manager.status().open).toBe(false);
    const announced = [...kinds(first), ...kinds(second)];
    expect(announced.filter((kind) => kind === "resolved")).toHaveLength(1);
    expect(kinds(first)).toEqual(["opened", "state"]);
    expect(kinds(second)).toEqual(["state", "resolved"]);
    const stored = await first.stored();
    expect(stored.state).toBe("resolved");
    expect(stored.timeline.filter((entry) => entry.event === "resolved")).toHaveLength(1);
  });
});

/** `memory` behind another object, with some of its calls replaced. */
function delegating(memory: IncidentStore, overrides: Partial<IncidentStore> = {}): IncidentStore {
  return {
    openIncident: (incident) => memory.openIncident(incident),
    saveIncident: (incident, version) => memory.saveIncident(incident, version),
    getIncident: (id) => memory.getIncident(id),
    openedIncident: () => memory.openedIncident(),
    listIncidents: (limit) => memory.listIncidents(limit),
    ...overrides,
  };
}

/** `run`, except that its first call rejects. */
function failingOnce<A extends unknown[], T>(run: (...args: A) => Promise<T>): (...args: A) => Promise<T> {
  let failed = false;
  return (...args) => {
    if (failed) return run(...args);
    failed = true;
    return Promise.reject(new Error("busy"));
  };
}

describe("a store that fails at first", () => {
  it("adopts the open incident at the next tick when the first read failed", async () => {
    const memory = new MemoryIncidentStore();
    const before = harness({ store: memory });
    await openIncident(before);
    const held = await before.stored();
    const restarted = harness({
      store: delegating(memory, { openedIncident: failingOnce(() => memory.openedIncident()) }),
    });
    await restarted.at(OPEN + 1);
    expect(restarted.manager.status().open).toBe(false);
    // Tried again at the save pace, applied at the tick after.
    const saveEvery = Math.min(10_000, openAfterMs);
    await restarted.at(OPEN + saveEvery);
    expect(restarted.manager.status().open).toBe(false);
    await restarted.at(OPEN + 1 + saveEvery);
    await restarted.at(OPEN + 2 + saveEvery);
    expect(restarted.manager.status().open).toBe(true);
    expect((await restarted.stored()).id).toBe(held.id);
    expect(restarted.notified.filter((change) => change.kind === "opened")).toEqual([]);
  });

  it("announces an opening only once the store confirmed it", async () => {
    const memory = new MemoryIncidentStore();
    const test = harness({
      store: delegating(memory, { openIncident: failingOnce((incident) => memory.openIncident(incident)) }),
    });
    await openIncident(test);
    expect(kinds(test)).toEqual([]);
    await test.at(OPEN + 1);
    const stored = await test.stored();
    expect(test.notified.map((change) => [change.kind, change.incident.id])).toEqual([["opened", stored.id]]);
  });

  it("announces no opening of its own when another instance's incident was stored meanwhile", async () => {
    const memory = new MemoryIncidentStore();
    const store = delegating(memory, {
      openIncident: failingOnce((incident) => memory.openIncident(incident)),
    });
    const test = harness({ store });
    await openIncident(test);
    const other = harness({ store });
    await openIncident(other);
    await test.at(OPEN + 1);
    expect(kinds(test)).toEqual([]);
    expect(kinds(other)).toEqual(["opened"]);
    expect(test.manager.status().open).toBe(true);
  });
});
