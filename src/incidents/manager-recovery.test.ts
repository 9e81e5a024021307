// The incident manager and recovery checks: a report resolves a monitoring incident only when it covers
// every provider of the incident (an admin's check of other providers goes to the timeline only), reports
// told between two ticks each reach the timeline, and the automatic check is bounded: settled() waits for
// it, and one that hangs or answers past its timeout counts as failed, frees the next check and leaves the
// incident monitoring.
import { setImmediate as turn } from "node:timers/promises";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  type Harness,
  harness,
  monitoring,
  report,
  SETTINGS,
  scriptedChecker,
} from "../../test/support/incident-manager.js";
import { RECOVERY_CHECK_TIMEOUT_MS } from "./progress.js";
import type { RecoveryChecker, RecoveryReport } from "./types.js";

const checks = async (test: Harness) =>
  (await test.stored()).timeline.filter((entry) => entry.event === "recovery_check");

describe("a recovery check's coverage", () => {
  it("a passed check of other providers goes to the timeline, says why, and does not resolve", async () => {
    const checker = scriptedChecker([]);
    const test = harness({ recovery: checker });
    const since = await monitoring(test);
    expect((await test.stored()).providers.map((target) => target.provider)).toEqual(["qwen"]);
    test.manager.recordRecovery(report("passed", [], ["anthropic"]));
    await test.at(since + 1);
    expect(test.manager.status().state).toBe("monitoring");
    const stored = await test.stored();
    expect(await checks(test)).toMatchObject([
      {
        event: "recovery_check",
        verdict: "passed",
        detail:
          "recovery check passed; it did not check qwen of this incident: in the timeline only, it cannot resolve it",
      },
    ]);
    // Not the incident's check: the record keeps none and the runbook's verify step is not done by it.
    expect(stored.recovery).toBeNull();
    expect(stored.checklist.find((item) => item.id === "verify_recovery")?.doneAt).toBeNull();
    expect(checker.asked).toEqual([["qwen"]]);
  });

  it("a passed check of every provider of the incident, and others, resolves it", async () => {
    const test = harness({ recovery: scriptedChecker([]) });
    const since = await monitoring(test);
    test.manager.recordRecovery(report("passed", [], ["anthropic", "qwen"]));
    await test.at(since + 1);
    const stored = await test.stored();
    expect(stored.state).toBe("resolved");
    expect(stored.timeline.slice(-2)).toMatchObject([
      { event: "recovery_check", verdict: "passed", detail: "recovery check passed" },
      { event: "resolved", detail: "the recovery check passed" },
    ]);
  });
});

describe("reports told between two ticks", () => {
  it("each goes to the timeline in order; the last that counts decides", async () => {
    const test = harness({ recovery: scriptedChecker([]) });
    const since = await monitoring(test);
    test.manager.recordRecovery(
      report("failed", ["qwen/qwen-plus: 12 requests left, not over 50"], ["qwen"]),
    );
    test.manager.recordRecovery(report("passed", [], ["anthropic"]));
    test.manager.recordRecovery(report("passed", [], ["qwen"]));
    await test.at(since + 1);
    expect((await checks(test)).map((entry) => entry.verdict)).toEqual(["failed", "passed", "passed"]);
    expect((await test.stored()).state).toBe("resolved");
  });
});

/** A checker whose answers a test gives when it likes; it counts the checks asked. */
function heldChecker(): RecoveryChecker & { asked: number; answer: (report: RecoveryReport) => void } {
  const answers: ((report: RecoveryReport) => void)[] = [];
  return {
    asked: 0,
    answer: (told) => answers.shift()?.(told),
    check() {
      this.asked++;
      return new Promise((resolve) => answers.push(resolve));
    },
  };
}

/** Whether `promise` settles within a few turns of the event loop (no timer moves meanwhile). */
async function settles(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(() => {
    settled = true;
  });
  for (let turns = 0; turns < 5; turns++) await turn();
  return settled;
}

describe("the automatic check in flight", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("settled() waits for the running check; its report is applied at the next tick", async () => {
    const checker = heldChecker();
    const test = harness({ recovery: checker });
    const since = await monitoring(test);
    await test.at(since + 1);
    expect(checker.asked).toBe(1);
    const settled = test.manager.settled();
    expect(await settles(settled)).toBe(false);
    checker.answer(report("passed", [], ["qwen"]));
    expect(await settles(settled)).toBe(true);
    await test.at(since + 2);
    expect(test.manager.status().open).toBe(false);
  });

  it("a check that hangs counts as failed at its timeout, not before, and the next one is asked", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const checker = heldChecker();
    const test = harness({ recovery: checker });
    const since = await monitoring(test);
    await test.at(since + 1);
    const settled = test.manager.settled();
    await vi.advanceTimersByTimeAsync(RECOVERY_CHECK_TIMEOUT_MS - 1);
    expect(await settles(settled)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settles(settled)).toBe(true);
    await test.at(since + 2);
    expect(test.manager.status().state).toBe("monitoring");
    expect(await checks(test)).toMatchObject([
      {
        verdict: "failed",
        detail: `recovery check failed: the recovery check did not settle within ${RECOVERY_CHECK_TIMEOUT_MS / 1000} s`,
      },
    ]);
    expect((await test.stored()).recovery?.verdict).toBe("failed");
    await test.at(since + 2 + SETTINGS.recoveryRetryMs);
    expect(checker.asked).toBe(2);
  });

  it("a check that answers after its timeout is dropped: the incident stays monitoring", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const checker = heldChecker();
    const test = harness({ recovery: checker });
    const since = await monitoring(test);
    await test.at(since + 1);
    await vi.advanceTimersByTimeAsync(RECOVERY_CHECK_TIMEOUT_MS);
    checker.answer(report("passed", [], ["qwen"]));
    await test.manager.settled();
    await test.at(since + 2);
    await test.at(since + 3);
    expect(test.manager.status().state).toBe("monitoring");
    expect((await checks(test)).map((entry) => entry.verdict)).toEqual(["failed"]);
  });
});
