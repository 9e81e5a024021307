// The incident manager's record: impact in numbers, per-agent and per-variant latency against before the
// incident, the checklist; a restart adopting the stored open incident; every list bounded whatever the
// traffic; and a store, a notifier or a router that fail, which never reach the caller.
import { describe, expect, it, vi } from "vitest";
import {
  harness,
  openIncident,
  report,
  request,
  requests,
  SETTINGS,
  T0,
} from "../../test/support/incident-manager.js";
import { IncidentSchema } from "../http/schemas/incidents.js";
import { ModelRegistry } from "../registry/model-registry.js";
import { STORE_TIMEOUT_MS } from "./guarded.js";
import { IncidentManager } from "./manager.js";
import { MemoryIncidentStore } from "./memory-store.js";
import { type Incident, type IncidentStore, MAX_TIMELINE_ENTRIES } from "./types.js";

const OPEN = SETTINGS.openAfterMs;
/** The manager saves counts that changed at most this often (changes to the timeline at once). */
const SAVE_EVERY_MS = 10_000;

describe("impact", () => {
  it("counts from the start: requests, read by rules, degraded answers, answers lost, extra latency", async () => {
    const test = harness();
    requests(test.manager, 10, {
      latencyMs: 100,
      agentsMs: { parsing: 50, temporal: 2 },
      variant: "baseline",
    });
    await openIncident(test, 60_000);
    requests(test.manager, 3, {
      latencyMs: 400,
      llmAnswered: false,
      degraded: true,
      agentsMs: { parsing: 0.5 },
    });
    requests(test.manager, 1, {
      status: 500,
      latencyMs: 400,
      wantedLlm: false,
      llmAnswered: false,
      variant: "finetuned",
    });
    requests(test.manager, 1, { latencyMs: 300, wantedLlm: false, llmAnswered: false, variant: "baseline" });
    await test.at(60_000 + OPEN + 1);
    const stored = await test.stored();
    expect(stored.impact).toEqual({
      requests: 5,
      llmWanted: 3,
      answeredByRules: 3,
      degradedAnswers: 3,
      answersLost: 1,
      extraLatencyMs: { mean: 280, p95: 300 },
    });
    expect(stored.agents).toEqual([
      { agent: "parsing", runs: 3, meanMs: 0.5, p95Ms: 0.5, baselineMeanMs: 50 },
    ]);
    expect(stored.variants).toEqual([
      { variant: "baseline", requests: 1, meanMs: 300, p95Ms: 300, baselineMeanMs: 100 },
      { variant: "finetuned", requests: 1, meanMs: 400, p95Ms: 400, baselineMeanMs: null },
    ]);
  });

  it("saves changed counts at most every 10 s, a timeline change at once", async () => {
    const test = harness();
    await openIncident(test);
    await test.at(OPEN + 1);
    requests(test.manager, 3);
    await test.at(OPEN + 1 + SAVE_EVERY_MS - 1);
    expect((await test.stored()).impact.requests).toBe(0);
    await test.at(OPEN + 1 + SAVE_EVERY_MS);
    expect((await test.stored()).impact.requests).toBe(3);
    requests(test.manager, 1, { llmAnswered: false });
    await test.at(OPEN + 2 + SAVE_EVERY_MS);
    expect((await test.stored()).impact).toMatchObject({ requests: 4, answeredByRules: 1 });
  });

  it("leaves the window before the router left healthy as the baseline, not the hold itself", async () => {
    const test = harness();
    requests(test.manager, 5, { latencyMs: 100 });
    await test.at(30_000);
    test.router.current = "degraded";
    await test.at(60_000);
    requests(test.manager, 5, { latencyMs: 900 });
    await test.at(60_000 + OPEN);
    requests(test.manager, 1, { latencyMs: 600 });
    await test.at(60_000 + OPEN + 1);
    expect((await test.stored()).impact.extraLatencyMs).toEqual({ mean: 500, p95: 500 });
  });

  it("marks the checklist: the service's steps with their times, the rest left for a person", async () => {
    const test = harness();
    await openIncident(test);
    requests(test.manager, 1, { agentsMs: { parsing: 3 } });
    await test.at(OPEN + 5);
    const { checklist, openedAt, mitigations } = await test.stored();
    const item = (id: string) => checklist.find((entry) => entry.id === id);
    expect(item("decide_severity")).toMatchObject({
      doneBy: "service",
      doneAt: openedAt,
      runbook: "llm-degradation",
    });
    expect(item("announce")).toMatchObject({ doneBy: "service", doneAt: openedAt });
    expect(item("minimal_sequence")).toMatchObject({
      doneBy: "service",
      doneAt: mitigations.find((m) => m.kind === "degraded_sequence")?.at,
    });
    expect(item("slow_agents")).toMatchObject({
      doneBy: "service",
      doneAt: new Date(T0 + OPEN + 5).toISOString(),
    });
    expect(item("slow_variants")).toMatchObject({ doneBy: "service", doneAt: null, runbook: "high-latency" });
    expect(item("reduce_rollout")).toMatchObject({ doneBy: "person", doneAt: null });
    expect(item("trim_max_tokens")).toMatchObject({ doneBy: "person", doneAt: null });
    expect(item("verify_recovery")).toMatchObject({ doneBy: "person", doneAt: null });
    expect(item("undo_changes")).toMatchObject({ doneBy: "person", doneAt: null });
    await test.at(OPEN + 5 + SAVE_EVERY_MS);
    expect((await test.stored()).checklist.find((entry) => entry.id === "slow_agents")?.doneAt).toBe(
      new Date(T0 + OPEN + 5).toISOString(),
    );
  });

  it("without a notifier announcing is a person's step", async () => {
    const test = harness({ notifier: undefined as never });
    await openIncident(test);
    expect((await test.stored()).checklist.find((entry) => entry.id === "announce")).toMatchObject({
      doneBy: "person",
      doneAt: null,
    });
  });
});

describe("the API's schema", () => {
  it("documents every record the manager writes, from open to resolved", async () => {
    const registry = new ModelRegistry(
      { parsing: { finetuned: { provider: "qwen", model: "qwen-ft" }, rolloutPercent: 0 } },
      { defaults: { maxTokens: 400, temperature: 0 } },
    );
    const test = harness({ registry, recovery: { check: async () => report("passed") } });
    requests(test.manager, 3, { agentsMs: { parsing: 4 }, variant: "baseline" });
    test.manager.recordRollback("parsing", "worse");
    await openIncident(test);
    requests(test.manager, 3, { llmAnswered: false, agentsMs: { parsing: 1 }, variant: "finetuned" });
    test.router.heal();
    for (const at of [1, 2, 3, 4].map((step) => OPEN + step * SETTINGS.recoveryDelayMs)) {
      await test.at(at);
      IncidentSchema.parse(await test.stored());
    }
    const resolved = IncidentSchema.parse(await test.stored());
    expect(resolved.state).toBe("resolved");
    expect(resolved).toEqual(await test.stored());
  });
});

describe("restart", () => {
  it("adopts the store's open incident on its first tick and goes on with it", async () => {
    const first = harness();
    await openIncident(first);
    requests(first.manager, 4, { llmAnswered: false });
    await first.at(OPEN + 1);
    const before = await first.stored();
    expect(before.impact.requests).toBe(4);

    const second = harness({ store: first.store });
    second.move(OPEN + 2);
    expect(second.manager.status().open).toBe(false);
    await second.at(OPEN + 2);
    requests(second.manager, 2);
    expect(second.manager.status()).toMatchObject({
      open: true,
      state: before.state,
      severity: before.severity,
    });
    expect(second.notified).toEqual([]);
    second.router.heal();
    await second.at(OPEN + 3);
    await second.at(OPEN + 3 + SETTINGS.recoveryDelayMs);
    await second.at(OPEN + 4 + SETTINGS.recoveryDelayMs);
    const after = await second.stored();
    expect(after).toMatchObject({ id: before.id, state: "resolved" });
    expect(after.impact.requests).toBe(4 + 2);
    expect(await first.store.listIncidents(10)).toHaveLength(1);
  });

  it("opening when another instance opened first goes on with theirs, announced already", async () => {
    const first = harness();
    const second = harness({ store: first.store });
    await second.at(0);
    await openIncident(first);
    const { id } = await first.stored();
    second.manager.recordRollback("parsing", "worse");
    await second.at(OPEN + 1);
    expect(second.manager.status().open).toBe(true);
    expect(second.notified).toEqual([]);
    expect(await first.store.listIncidents(10)).toMatchObject([{ id }]);
  });
});

describe("bounds", () => {
  it("keeps at most MAX_TIMELINE_ENTRIES timeline entries, the opening first", async () => {
    const test = harness({ recovery: { check: () => new Promise(() => {}) } });
    await openIncident(test);
    for (let index = 0; index < MAX_TIMELINE_ENTRIES + 50; index++) {
      test.manager.recordRecovery(report("failed", [`check ${index}`]));
      await test.at(OPEN + 1 + index);
    }
    const { timeline } = await test.stored();
    expect(timeline).toHaveLength(MAX_TIMELINE_ENTRIES);
    expect(timeline[0]?.event).toBe("opened");
    expect(timeline.at(-1)?.detail).toBe(`recovery check failed: check ${MAX_TIMELINE_ENTRIES + 49}`);
  });

  it("nothing a client sends grows the record: unknown agents, variants and huge reasons", async () => {
    const test = harness();
    await openIncident(test);
    for (let index = 0; index < 1000; index++) {
      test.manager.recordRequest(
        request({ agentsMs: { [`agent-${index}`]: 5, parsing: 1 }, variant: `v${index}` as never }),
      );
    }
    test.manager.recordRecovery(report("failed", ["x".repeat(100_000)]));
    test.manager.recordRollback("parsing", "y".repeat(100_000));
    await test.at(OPEN + 1);
    const stored = await test.stored();
    expect(stored.agents.map((agent) => agent.agent)).toEqual(["parsing"]);
    expect(stored.variants).toEqual([]);
    expect(JSON.stringify(stored).length).toBeLessThan(20_000);
  });
});

describe("failures", () => {
  function failingStore(): IncidentStore {
    const fail = () => Promise.reject(new Error("postgres://user:secret@db/cita is gone"));
    return {
      openIncident: fail,
      saveIncident: fail,
      getIncident: fail,
      openedIncident: fail,
      listIncidents: fail,
    };
  }

  it("a store that throws is logged without its message; the incident goes on in memory, unannounced until stored", async () => {
    const test = harness({ store: failingStore() });
    expect(() => test.manager.recordRequest(request())).not.toThrow();
    test.router.current = "degraded";
    await test.at(0);
    await expect(test.at(OPEN)).resolves.toBeUndefined();
    expect(test.manager.status()).toMatchObject({ open: true, state: "investigating" });
    // Another instance may have opened one meanwhile: "opened" is announced once a store write confirms it.
    expect(test.notified).toEqual([]);
    await test.at(OPEN + 1);
    expect(test.manager.status().state).toBe("mitigated");
    // The startup read is tried again at the save pace (OPEN is past it), beside the tick.
    expect(test.errors.map((error) => error.operation)).toEqual([
      "openedIncident",
      "openedIncident",
      "openIncident",
      "openIncident",
    ]);
    expect(JSON.stringify(test.errors)).not.toContain("secret");
  });

  it("a store call that hangs is given up after STORE_TIMEOUT_MS, and the ticks go on", async () => {
    vi.useFakeTimers();
    try {
      const memory = new MemoryIncidentStore();
      const hanging: IncidentStore = {
        openedIncident: () => new Promise(() => {}),
        openIncident: (incident) => memory.openIncident(incident),
        saveIncident: (incident) => memory.saveIncident(incident),
        getIncident: (id) => memory.getIncident(id),
        listIncidents: (limit) => memory.listIncidents(limit),
      };
      const test = harness({ store: hanging });
      let settled = false;
      void test.at(0).then(() => {
        settled = true;
      });
      await vi.advanceTimersByTimeAsync(STORE_TIMEOUT_MS - 1);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(settled).toBe(true);
      expect(test.errors).toEqual([
        { event: "incident_manager_failed", operation: "openedIncident", error: "Error" },
      ]);
      test.router.current = "down";
      await test.at(1);
      await test.at(1 + OPEN);
      expect(await memory.listIncidents(10)).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it("a store that fails to open the record tries again and then saves it", async () => {
    const memory = new MemoryIncidentStore();
    let failures = 1;
    const store: IncidentStore = {
      ...memory,
      openedIncident: () => memory.openedIncident(),
      openIncident: (incident: Incident) =>
        failures-- > 0 ? Promise.reject(new Error("busy")) : memory.openIncident(incident),
      saveIncident: (incident: Incident) => memory.saveIncident(incident),
      getIncident: (id: string) => memory.getIncident(id),
      listIncidents: (limit: number) => memory.listIncidents(limit),
    };
    const test = harness({ store });
    await openIncident(test);
    expect(await memory.listIncidents(10)).toEqual([]);
    await test.at(OPEN + 1);
    expect(await memory.listIncidents(10)).toMatchObject([{ state: "mitigated" }]);
  });

  it("a notifier that throws is logged; the record is saved all the same", async () => {
    const test = harness({
      notifier: {
        notify() {
          throw new Error("https://hooks.slack.example/services/secret");
        },
      },
    });
    await openIncident(test);
    expect((await test.stored()).state).toBe("investigating");
    expect(test.errors).toEqual([{ event: "incident_manager_failed", operation: "notify", error: "Error" }]);
  });

  it("a router that throws reaches neither recordCall nor tick's caller", async () => {
    const test = harness();
    test.router.snapshot = () => {
      throw new Error("broken");
    };
    test.router.current = "down";
    expect(() =>
      test.manager.recordCall({ ...request(), provider: "qwen", model: "m" } as never),
    ).not.toThrow();
    expect(() =>
      test.manager.recordRouterEvent({ event: "breaker_opened", provider: "qwen", model: "m" }),
    ).not.toThrow();
    await test.at(0);
    await expect(test.at(OPEN)).resolves.toBeUndefined();
    expect(test.errors.map((error) => error.operation)).toEqual([
      "record_call",
      "record_router_event",
      "tick",
    ]);
  });

  it("never runs two ticks at once: a tick asked for meanwhile is the running one", async () => {
    let release!: () => void;
    let asked = 0;
    const memory = new MemoryIncidentStore();
    const slow: IncidentStore = {
      openedIncident: () => {
        asked++;
        return new Promise((resolve) => {
          release = () => resolve(null);
        });
      },
      openIncident: (incident) => memory.openIncident(incident),
      saveIncident: (incident) => memory.saveIncident(incident),
      getIncident: (id) => memory.getIncident(id),
      listIncidents: (limit) => memory.listIncidents(limit),
    };
    const test = harness({ store: slow });
    test.router.current = "down";
    const first = test.manager.tick();
    const second = test.manager.tick();
    expect(second).toBe(first);
    release();
    await first;
    expect(asked).toBe(1);
    const third = test.manager.tick();
    expect(third).not.toBe(first);
    await third;
    await test.at(OPEN);
    expect(test.manager.status().open).toBe(true);
    expect(asked).toBe(1);
  });

  it("does nothing when switched off", async () => {
    const test = harness({ settings: { ...SETTINGS, enabled: false } });
    test.router.current = "down";
    test.manager.recordRollback("parsing", "worse");
    await test.at(0);
    await test.at(OPEN);
    expect(test.manager.status().open).toBe(false);
    expect(await test.store.listIncidents(10)).toEqual([]);
  });

  it("is usable without a router: a rollback still opens an incident", async () => {
    const manager = new IncidentManager({
      settings: SETTINGS,
      store: new MemoryIncidentStore(),
      router: null,
    });
    manager.recordRollback("parsing", "worse");
    await manager.tick();
    expect(manager.status()).toMatchObject({ open: true, types: ["low_quality"] });
  });
});
