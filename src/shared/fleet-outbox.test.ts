// What an isolate has yet to tell the router-state object: pauses with when they were told, operators'
// resets, and a failed sync's news put back without undoing a reset made meanwhile.
import { describe, expect, it } from "vitest";
import { FleetOutbox } from "./fleet-outbox.js";

const QWEN = "qwen/qwen-plus";
const T0 = Date.parse("2026-12-07T10:00:00Z");

describe("FleetOutbox", () => {
  it("tells the longest pause with when it was told, and a reset as urgent news", () => {
    const outbox = new FleetOutbox();
    expect(outbox.urgent).toBe(false);
    outbox.paused(QWEN, T0 + 8_000, T0);
    outbox.paused(QWEN, T0 + 5_000, T0 + 1);
    expect(outbox.take()).toMatchObject({
      pauses: [{ target: QWEN, until: T0 + 8_000, at: T0 }],
      clears: [],
    });
    outbox.pauseCleared(QWEN, T0 + 2);
    expect(outbox.urgent).toBe(true);
    expect(outbox.take()).toMatchObject({ pauses: [], clears: [{ target: QWEN, at: T0 + 2 }] });
    expect(outbox.urgent).toBe(false);
  });

  it("drops a pause told before a reset, keeps one told at or after it", () => {
    const outbox = new FleetOutbox();
    outbox.paused(QWEN, T0 + 8_000, T0);
    outbox.pauseCleared(QWEN, T0 + 1);
    expect(outbox.take().pauses).toEqual([]);
    outbox.pauseCleared(QWEN, T0 + 5);
    outbox.paused(QWEN, T0 + 9_000, T0 + 5);
    expect(outbox.take().pauses).toEqual([{ target: QWEN, until: T0 + 9_000, at: T0 + 5 }]);
  });

  it("keeps the later of two resets", () => {
    const outbox = new FleetOutbox();
    outbox.pauseCleared(QWEN, T0 + 5);
    outbox.pauseCleared(QWEN, T0 + 3);
    expect(outbox.take().clears).toEqual([{ target: QWEN, at: T0 + 5 }]);
  });

  it("puts a failed sync's pause back unless a reset came after it was told", () => {
    const outbox = new FleetOutbox();
    outbox.paused(QWEN, T0 + 8_000, T0);
    const failed = outbox.take();
    outbox.pauseCleared(QWEN, T0 + 1);
    outbox.putBack(failed);
    expect(outbox.take()).toMatchObject({ pauses: [], clears: [{ target: QWEN, at: T0 + 1 }] });
    outbox.paused(QWEN, T0 + 8_000, T0 + 2);
    outbox.putBack(outbox.take());
    expect(outbox.take().pauses).toEqual([{ target: QWEN, until: T0 + 8_000, at: T0 + 2 }]);
  });
});
