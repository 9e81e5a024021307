// The router-state Durable Object's rules at their edges, on its plain ledger: the newest breaker change
// wins (an older or equal one changes nothing), the later pause wins and an ended one is dropped, calls are
// bounded (1,000 per target, an hour old at most), each isolate gets the others' calls once (and all of them
// again from a new run of the object), and the spend is counted per day, yesterday's kept, older forgotten.
import { describe, expect, it } from "vitest";
import { syncMessage } from "../../test/support/sync-messages.js";
import type { CallSample } from "../router/health.js";
import { CALLS_PER_TARGET, MAX_TARGETS, type SyncMessage } from "./durable-object-messages.js";
import { FleetLedger } from "./fleet-ledger.js";

const T0 = Date.UTC(2030, 0, 1, 12);
const DAY = Math.floor(T0 / 86_400_000);
const QWEN = "qwen/qwen-plus";

function message(overrides: Partial<SyncMessage> = {}): SyncMessage {
  return syncMessage(DAY, { targets: [QWEN], ...overrides });
}

const sample = (at: number): CallSample => ({
  at,
  outcome: "server",
  latencyMs: 10,
  answers: 0,
  invalidAnswers: 0,
});

describe("FleetLedger", () => {
  it("keeps the newest breaker change, whatever order they arrive in", () => {
    const ledger = new FleetLedger("run");
    ledger.sync(message({ breakers: [{ target: QWEN, change: { state: "open", at: T0 } }] }), T0);
    const older = ledger.sync(
      message({ breakers: [{ target: QWEN, change: { state: "closed", at: T0 - 1 } }] }),
      T0,
    );
    expect(older.views[0]!.breaker).toEqual({ state: "open", at: T0 });
    const same = ledger.sync(
      message({ breakers: [{ target: QWEN, change: { state: "closed", at: T0 } }] }),
      T0,
    );
    expect(same.views[0]!.breaker).toEqual({ state: "open", at: T0 });
    const newer = ledger.sync(
      message({ breakers: [{ target: QWEN, change: { state: "closed", at: T0 + 1 } }] }),
      T0,
    );
    expect(newer.views[0]!.breaker).toEqual({ state: "closed", at: T0 + 1 });
    // An hour later the change is forgotten: it says nothing past any cooldown.
    expect(ledger.sync(message(), T0 + 1 + 3_600_000).views[0]!.breaker).toEqual({
      state: "closed",
      at: T0 + 1,
    });
    expect(ledger.sync(message(), T0 + 2 + 3_600_000).views[0]!.breaker).toBeNull();
  });

  it("ends a pause on an operator's reset, and refuses pauses told before it, not after", () => {
    const ledger = new FleetLedger("run");
    ledger.sync(message({ pauses: [{ target: QWEN, until: T0 + 60_000, at: T0 }] }), T0);
    const reset = ledger.sync(message({ clears: [{ target: QWEN, at: T0 + 10 }] }), T0 + 10).views[0]!;
    expect([reset.pausedUntil, reset.pauseClearedAt]).toEqual([null, T0 + 10]);
    // Told before the reset (another isolate's, late): refused; told at the reset's instant: kept.
    expect(
      ledger.sync(message({ pauses: [{ target: QWEN, until: T0 + 90_000, at: T0 + 9 }] }), T0 + 20).views[0]!
        .pausedUntil,
    ).toBeNull();
    expect(
      ledger.sync(message({ pauses: [{ target: QWEN, until: T0 + 90_000, at: T0 + 10 }] }), T0 + 20).views[0]!
        .pausedUntil,
    ).toBe(T0 + 90_000);
    // An older reset arriving late changes nothing.
    const late = ledger.sync(message({ clears: [{ target: QWEN, at: T0 + 5 }] }), T0 + 30).views[0]!;
    expect([late.pausedUntil, late.pauseClearedAt]).toEqual([T0 + 90_000, T0 + 10]);
    // A reset is remembered an hour, the longest a pause lasts.
    expect(ledger.sync(message(), T0 + 10 + 3_600_000).views[0]!.pauseClearedAt).toBe(T0 + 10);
    expect(ledger.sync(message(), T0 + 11 + 3_600_000).views[0]!.pauseClearedAt).toBeNull();
  });

  it("keeps the later pause, and drops it once it is over", () => {
    const ledger = new FleetLedger("run");
    ledger.sync(message({ pauses: [{ target: QWEN, until: T0 + 8_000, at: T0 }] }), T0);
    expect(
      ledger.sync(message({ pauses: [{ target: QWEN, until: T0 + 2_000, at: T0 }] }), T0).views[0]!
        .pausedUntil,
    ).toBe(T0 + 8_000);
    expect(
      ledger.sync(message({ pauses: [{ target: QWEN, until: T0 + 9_000, at: T0 }] }), T0).views[0]!
        .pausedUntil,
    ).toBe(T0 + 9_000);
    expect(ledger.sync(message(), T0 + 8_999).views[0]!.pausedUntil).toBe(T0 + 9_000);
    expect(ledger.sync(message(), T0 + 9_000).views[0]!.pausedUntil).toBeNull();
    // A pause already over when it arrives is not kept.
    expect(
      ledger.sync(message({ pauses: [{ target: QWEN, until: T0, at: T0 }] }), T0 + 9_000).views[0]!
        .pausedUntil,
    ).toBeNull();
  });

  it("gives each isolate the others' calls once, after the last it got", () => {
    const ledger = new FleetLedger("run");
    ledger.sync(
      message({ instance: "a", calls: [{ target: QWEN, samples: [sample(T0), sample(T0 + 1)] }] }),
      T0,
    );
    const own = ledger.sync(message({ instance: "a", epoch: "run" }), T0);
    expect(own.calls).toEqual([]);
    const first = ledger.sync(message({ instance: "b" }), T0);
    expect(first.calls.map((call) => [call.sequence, call.sample.at])).toEqual([
      [1, T0],
      [2, T0 + 1],
    ]);
    expect(first.sequence).toBe(2);
    ledger.sync(
      message({ instance: "a", epoch: "run", calls: [{ target: QWEN, samples: [sample(T0 + 2)] }] }),
      T0,
    );
    const next = ledger.sync(message({ instance: "b", epoch: "run", after: 2 }), T0);
    expect(next.calls.map((call) => call.sequence)).toEqual([3]);
    // An isolate that last heard from another run of the object (restarted) gets everything this run has.
    expect(ledger.sync(message({ instance: "b", epoch: "before", after: 3 }), T0).calls).toHaveLength(3);
    // Targets the isolate does not use are not sent.
    expect(ledger.sync(message({ instance: "b", targets: [] }), T0).calls).toEqual([]);
  });

  it("keeps at most 1,000 calls per target, none older than an hour", () => {
    const ledger = new FleetLedger("run");
    const samples = Array.from({ length: CALLS_PER_TARGET }, (_, index) => sample(T0 + index));
    ledger.sync(message({ calls: [{ target: QWEN, samples }] }), T0);
    ledger.sync(message({ calls: [{ target: QWEN, samples: [sample(T0 + 5_000)] }] }), T0);
    const all = ledger.sync(message({ instance: "b" }), T0 + 5_000).calls;
    expect(all).toHaveLength(CALLS_PER_TARGET);
    expect(all[0]!.sample.at).toBe(T0 + 1);
    expect(all.at(-1)!.sample.at).toBe(T0 + 5_000);
    const later = ledger.sync(message({ instance: "b" }), T0 + 999 + 3_600_000).calls;
    expect(later.map((call) => call.sample.at)).toEqual([T0 + 999, T0 + 5_000]);
  });

  it("keeps at most MAX_TARGETS targets, dropping the one written longest ago", () => {
    const ledger = new FleetLedger("run");
    for (let index = 0; index <= MAX_TARGETS; index++) {
      const target = `p/${index}`;
      ledger.sync(message({ pauses: [{ target, until: T0 + 60_000, at: T0 }] }), T0);
    }
    const views = ledger.sync(message({ targets: ["p/0", "p/1", `p/${MAX_TARGETS}`] }), T0).views;
    expect(views.map((view) => view.pausedUntil)).toEqual([null, T0 + 60_000, T0 + 60_000]);
  });

  it("adds the spend per day: the day asked for comes back, yesterday is kept, older days forgotten", () => {
    const ledger = new FleetLedger("run");
    ledger.restoreSpend(DAY - 2, 5);
    ledger.sync(message({ instance: "a", spend: [{ day: DAY, usd: 0.25 }] }), T0);
    const reply = ledger.sync(
      message({
        instance: "b",
        spend: [
          { day: DAY, usd: 0.5 },
          { day: DAY - 1, usd: 1 },
        ],
      }),
      T0,
    );
    expect(reply.spentUsd).toBe(0.75);
    expect(ledger.spentOn(DAY - 1)).toBe(1);
    expect(ledger.spentOn(DAY - 2)).toBe(0);
    expect(ledger.sync(message({ day: DAY + 1 }), T0).spentUsd).toBe(0);
  });
});
