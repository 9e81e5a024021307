// The incident manager moving an open incident: severity changes after their hold times (just under and
// at), the states (investigating, mitigated, monitoring, resolved) and their edges, the recovery check
// (passed, failed and retried, none configured), the router leaving healthy again, and the announcements.
import { describe, expect, it } from "vitest";
import {
  harness,
  monitoring,
  openIncident,
  report,
  requests,
  SETTINGS,
  scriptedChecker,
} from "../../test/support/incident-manager.js";
import { ModelRegistry } from "../registry/model-registry.js";

const { openAfterMs, escalateAfterMs, deescalateAfterMs, recoveryDelayMs, recoveryRetryMs, updateEveryMs } =
  SETTINGS;
const OPEN = openAfterMs;

describe("severity", () => {
  it("escalates after escalateAfterMs of a worse reading, not before", async () => {
    const test = harness();
    await openIncident(test);
    expect(test.manager.status().severity).toBe("P4");
    requests(test.manager, 10, { llmAnswered: false });
    await test.at(OPEN + 1);
    await test.at(OPEN + 1 + escalateAfterMs - 1);
    expect(test.manager.status().severity).toBe("P4");
    await test.at(OPEN + 1 + escalateAfterMs);
    expect(test.manager.status().severity).toBe("P1");
    const stored = await test.stored();
    expect(stored.timeline.at(-1)).toMatchObject({ event: "severity", severity: "P1" });
    expect(stored.timeline.at(-1)?.detail).toMatch(
      /^severity P4 to P1 \(LLM path 100% errors \(P1\), service 0% errors \(none\)/,
    );
    expect(test.notified.map((change) => change.kind)).toEqual(["opened", "state", "severity"]);
  });

  it("de-escalates after deescalateAfterMs of a better reading, not before", async () => {
    const test = harness();
    requests(test.manager, 10, { llmAnswered: false });
    await openIncident(test);
    expect(test.manager.status().severity).toBe("P1");
    requests(test.manager, 90);
    await test.at(OPEN + 1);
    await test.at(OPEN + 1 + deescalateAfterMs - 1);
    expect(test.manager.status().severity).toBe("P1");
    await test.at(OPEN + 1 + deescalateAfterMs);
    // The router is still out of healthy: an open incident is at least P4.
    expect(test.manager.status().severity).toBe("P4");
  });

  it("shows both paths: every provider down is P1 on the LLM path while the service answers 100%", async () => {
    const test = harness();
    requests(test.manager, 8, { llmAnswered: false, degraded: true });
    requests(test.manager, 2, { status: 503, llmAnswered: false, error: "llm_unavailable" });
    await openIncident(test);
    expect((await test.stored()).basis).toMatchObject({
      llm: "P1",
      service: null,
      llmErrorRate: 1,
      serviceErrorRate: 0,
    });
  });
});

describe("states", () => {
  it("investigating at open, mitigated at the next tick once a mitigation is in force", async () => {
    const test = harness();
    await openIncident(test);
    expect(test.manager.status().state).toBe("investigating");
    await test.at(OPEN + 1);
    expect(test.manager.status().state).toBe("mitigated");
    expect((await test.stored()).timeline.at(-1)).toMatchObject({
      event: "state",
      state: "mitigated",
      detail: "mitigated by the service (breaker_opened, degraded_sequence); service errors at most 20%",
    });
  });

  it("stays investigating without a mitigation, and goes from there to monitoring", async () => {
    const test = harness();
    test.router.current = "degraded";
    test.router.forcedDegraded = true;
    await test.at(0);
    await test.at(OPEN);
    await test.at(OPEN + 1);
    expect(test.manager.status().state).toBe("investigating");
    test.router.heal();
    await test.at(OPEN + 2);
    await test.at(OPEN + 2 + recoveryDelayMs);
    expect(test.manager.status().state).toBe("monitoring");
  });

  it("is mitigated with service errors at 20%, investigating over it", async () => {
    const test = harness();
    requests(test.manager, 20, { status: 500, llmAnswered: false, wantedLlm: false });
    requests(test.manager, 80);
    await openIncident(test);
    await test.at(OPEN + 1);
    expect(test.manager.status().state).toBe("mitigated");
    requests(test.manager, 1, { status: 500, wantedLlm: false, llmAnswered: false });
    await test.at(OPEN + 2);
    expect(test.manager.status().state).toBe("investigating");
    expect((await test.stored()).timeline.at(-1)?.detail).toBe(
      "service errors over 20% despite the mitigations",
    );
  });

  it("monitoring once the router stayed healthy recoveryDelayMs, not before", async () => {
    const test = harness({ recovery: scriptedChecker([]) });
    await openIncident(test);
    await test.at(OPEN + 1);
    test.router.heal();
    await test.at(OPEN + 2);
    await test.at(OPEN + 2 + recoveryDelayMs - 1);
    expect(test.manager.status().state).toBe("mitigated");
    await test.at(OPEN + 2 + recoveryDelayMs);
    expect(test.manager.status().state).toBe("monitoring");
    expect((await test.stored()).timeline.at(-1)?.detail).toBe("the router has been healthy for 60 s");
  });

  it("resolves when the recovery check passes, checking the providers involved", async () => {
    const checker = scriptedChecker(["passed"]);
    const test = harness({ recovery: checker });
    const since = await monitoring(test);
    expect(checker.asked).toEqual([]);
    await test.at(since + 1);
    expect(checker.asked).toEqual([["qwen"]]);
    await test.at(since + 2);
    expect(test.manager.status()).toEqual({ open: false, severity: null, state: null, types: [] });
    const stored = await test.stored();
    expect(stored).toMatchObject({ state: "resolved", nextUpdateAt: null, recovery: { verdict: "passed" } });
    expect(stored.resolvedAt).toBe(stored.updatedAt);
    expect(stored.timeline.slice(-2)).toMatchObject([
      { event: "recovery_check", verdict: "passed", detail: "recovery check passed" },
      { event: "resolved", state: "resolved", detail: "the recovery check passed" },
    ]);
    expect(stored.checklist.find((item) => item.id === "verify_recovery")).toMatchObject({
      doneBy: "service",
      doneAt: stored.recovery?.at,
    });
    expect(test.notified.map((change) => change.kind)).toEqual(["opened", "state", "state", "resolved"]);
  });

  it("stays monitoring after a failed check and checks again recoveryRetryMs later, not before", async () => {
    const checker = scriptedChecker(["failed", "passed"]);
    const test = harness({ recovery: checker });
    const since = await monitoring(test);
    await test.at(since + 1);
    await test.at(since + 2);
    expect(test.manager.status().state).toBe("monitoring");
    expect((await test.stored()).timeline.at(-1)).toMatchObject({
      event: "recovery_check",
      verdict: "failed",
      detail: "recovery check failed: latency p95 6.1 s > 5 s",
    });
    await test.at(since + 2 + recoveryRetryMs - 1);
    expect(checker.asked).toHaveLength(1);
    await test.at(since + 2 + recoveryRetryMs);
    expect(checker.asked).toHaveLength(2);
    await test.at(since + 3 + recoveryRetryMs);
    expect(test.manager.status().open).toBe(false);
  });

  it("a checker that throws is logged and retried", async () => {
    let calls = 0;
    const test = harness({
      recovery: {
        check: () => {
          calls++;
          throw new Error("https://hooks.example/secret");
        },
      },
    });
    const since = await monitoring(test);
    await test.at(since + 1);
    await test.at(since + 2);
    expect(calls).toBe(1);
    expect(test.manager.status().state).toBe("monitoring");
    expect(test.errors).toEqual([
      { event: "incident_manager_failed", operation: "recovery_check", error: "Error" },
    ]);
    await test.at(since + 1 + recoveryRetryMs);
    expect(calls).toBe(2);
  });

  it("without a checker resolves once the router stayed healthy, and says so", async () => {
    const test = harness();
    await test.at((await monitoring(test)) + 1);
    const stored = await test.stored();
    expect(stored.state).toBe("resolved");
    expect(stored.timeline.at(-1)?.detail).toBe(
      "no recovery check configured: resolved once the router stayed healthy for 60 s",
    );
  });

  it("goes back when the router leaves healthy while monitoring: same incident, the check's pass comes too late", async () => {
    const checker = scriptedChecker(["passed"]);
    const test = harness({ recovery: checker });
    const since = await monitoring(test);
    const { id } = await test.stored();
    test.router.current = "degraded";
    test.router.set("qwen", { state: "degraded", reasons: ["p95 6.2 s > 5.0 s"] });
    await test.at(since + 1);
    expect(test.manager.status().state).toBe("mitigated");
    test.manager.recordRecovery(report("passed"));
    await test.at(since + 2);
    const stored = await test.stored();
    expect(stored).toMatchObject({ id, state: "mitigated", resolvedAt: null });
    expect(stored.timeline.filter((entry) => entry.event === "state").map((entry) => entry.detail)).toContain(
      "the router left healthy again; mitigated by the service (breaker_opened, degraded_sequence); service errors at most 20%",
    );
  });

  it("a rolled-back variant reaches monitoring only once it is at 0%", async () => {
    const registry = new ModelRegistry(
      { parsing: { finetuned: { provider: "qwen", model: "qwen-ft" }, rolloutPercent: 10 } },
      { defaults: { maxTokens: 400, temperature: 0 } },
    );
    const test = harness({ registry });
    await test.at(0);
    test.manager.recordRollback("parsing", "error rate 30% vs baseline 2%");
    await test.at(recoveryDelayMs);
    await test.at(recoveryDelayMs + 1);
    await test.at(recoveryDelayMs + 2);
    expect(test.manager.status().state).toBe("mitigated");
    registry.update("parsing", { rolloutPercent: 0 });
    await test.at(recoveryDelayMs + 3);
    expect(test.manager.status().state).toBe("monitoring");
  });
});

describe("announcements", () => {
  it("an update is due updateEveryMs after the last announcement, not before", async () => {
    const test = harness();
    await openIncident(test);
    await test.at(OPEN + updateEveryMs - 1);
    expect(test.notified.map((change) => change.kind)).toEqual(["opened", "state"]);
    const mitigatedAt = OPEN + updateEveryMs - 1;
    await test.at(mitigatedAt + updateEveryMs - 1);
    expect(test.notified).toHaveLength(2);
    await test.at(mitigatedAt + updateEveryMs);
    expect(test.notified.map((change) => change.kind)).toEqual(["opened", "state", "state"]);
    const stored = await test.stored();
    expect(stored.timeline.at(-1)).toMatchObject({
      event: "announcement",
      detail: "update announced (due every 30 minutes)",
    });
    expect(stored.nextUpdateAt).toBe(
      new Date(Date.parse(stored.timeline.at(-1)!.at) + updateEveryMs).toISOString(),
    );
    expect(test.notified[2]?.incident.nextUpdateAt).toBe(stored.nextUpdateAt);
  });
});
