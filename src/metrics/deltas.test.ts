// The merge of deltas at its edges: what a registry hands over (only what moved, once), how another adds it
// (counters add, histograms add bucket by bucket), and what is refused (a counter going down, buckets out of
// order, a shape that does not fit the family). A batch's frame is checked before any series is read.
import { describe, expect, it } from "vitest";
import { batchOf, MAX_LABEL_LENGTH, seriesDeltaOf } from "./deltas.js";
import { Registry } from "./registry.js";

function families(registry = new Registry()) {
  return {
    registry,
    calls: registry.counter("calls_total", "Calls.", ["provider"]),
    cost: registry.counter("cost_usd_total", "Cost."),
    latency: registry.histogram("latency_seconds", "Latency.", ["route"], [0.1, 1]),
    state: registry.gauge("state", "State."),
  };
}

describe("Registry.takeDeltas", () => {
  it("hands over what each counter and histogram series gained since it was last asked, and nothing twice", () => {
    const { registry, calls, cost, latency, state } = families();
    expect(registry.takeDeltas()).toEqual([]);
    calls.inc({ provider: "qwen" }, 2);
    cost.inc({}, 0.25);
    latency.observe({ route: "/a" }, 0.05);
    latency.observe({ route: "/a" }, 5);
    state.set({}, 7);
    expect(registry.takeDeltas()).toEqual([
      { name: "calls_total", labels: ["qwen"], value: 2 },
      { name: "cost_usd_total", labels: [], value: 0.25 },
      { name: "latency_seconds", labels: ["/a"], counts: [1, 1], sum: 5.05, count: 2 },
    ]);
    expect(registry.takeDeltas()).toEqual([]);
    calls.inc({ provider: "qwen" });
    latency.observe({ route: "/a" }, 0.5);
    expect(registry.takeDeltas()).toEqual([
      { name: "calls_total", labels: ["qwen"], value: 1 },
      { name: "latency_seconds", labels: ["/a"], counts: [0, 1], sum: 0.5, count: 1 },
    ]);
    // The registry's own totals are untouched: its exposition still counts from its start.
    expect(calls.value({ provider: "qwen" })).toBe(3);
  });
});

describe("Registry.merge", () => {
  it("adds counters and histograms bucket by bucket, so the sum renders as one registry would", () => {
    const [first, second, sum, alone] = [families(), families(), families(), families()];
    first.calls.inc({ provider: "qwen" }, 2);
    first.latency.observe({ route: "/a" }, 0.05);
    second.calls.inc({ provider: "qwen" });
    second.calls.inc({ provider: "claude" });
    second.latency.observe({ route: "/a" }, 0.5);
    second.latency.observe({ route: "/b" }, 3);
    for (const delta of [...first.registry.takeDeltas(), ...second.registry.takeDeltas()]) {
      expect(sum.registry.merge(delta)).toBe(true);
    }
    alone.calls.inc({ provider: "qwen" }, 3);
    alone.calls.inc({ provider: "claude" });
    for (const [route, value] of [
      ["/a", 0.05],
      ["/a", 0.5],
      ["/b", 3],
    ] as const) {
      alone.latency.observe({ route }, value);
    }
    expect(sum.registry.render()).toBe(alone.registry.render());
  });

  it("refuses deltas that do not fit: unknown or gauge families, another kind, label or bucket counts", () => {
    const { registry } = families();
    for (const delta of [
      { name: "unknown_total", labels: [], value: 1 },
      { name: "state", labels: [], value: 1 },
      { name: "calls_total", labels: [], value: 1 },
      { name: "calls_total", labels: ["qwen", "extra"], value: 1 },
      { name: "calls_total", labels: ["qwen"], counts: [1, 1], sum: 1, count: 1 },
      { name: "latency_seconds", labels: ["/a"], value: 1 },
      { name: "latency_seconds", labels: ["/a"], counts: [1], sum: 1, count: 1 },
      { name: "latency_seconds", labels: ["/a"], counts: [1, 1, 1], sum: 1, count: 1 },
    ]) {
      expect(registry.merge(delta), JSON.stringify(delta)).toBe(false);
    }
    expect(registry.takeDeltas()).toEqual([]);
  });

  it("knows which series exist and gives a series' whole count in a delta's shape", () => {
    const { registry, latency } = families();
    const delta = { name: "latency_seconds", labels: ["/a"], counts: [0, 1], sum: 0.5, count: 1 };
    expect(registry.has(delta)).toBe(false);
    expect(registry.total(delta)).toBeUndefined();
    latency.observe({ route: "/a" }, 0.05);
    registry.merge(delta);
    expect(registry.has(delta)).toBe(true);
    expect(registry.total(delta)).toEqual({ ...delta, counts: [1, 2], sum: 0.55, count: 2 });
  });
});

describe("seriesDeltaOf", () => {
  it("takes well-formed counter and histogram deltas, zero included", () => {
    for (const delta of [
      { name: "a_total", labels: [], value: 0 },
      { name: "a_total", labels: ["x".repeat(MAX_LABEL_LENGTH)], value: 0.1 },
      { name: "h", labels: ["x"], counts: [0, 2, 2], sum: 0, count: 3 },
      { name: "h", labels: ["x"], counts: [], sum: -1, count: 0 },
    ]) {
      expect(seriesDeltaOf(delta), JSON.stringify(delta)).toEqual(delta);
    }
  });

  it("refuses a counter going down, non-finite numbers, buckets out of order and labels that are not names", () => {
    for (const delta of [
      null,
      "a_total 1",
      { name: "a_total", labels: [], value: -1 },
      { name: "a_total", labels: [], value: Number.POSITIVE_INFINITY },
      { name: "a_total", labels: [], value: "1" },
      { name: "a_total", labels: [1], value: 1 },
      { name: "a_total", labels: ["x".repeat(MAX_LABEL_LENGTH + 1)], value: 1 },
      { name: 1, labels: [], value: 1 },
      { name: "a_total", value: 1 },
      { name: "h", labels: [], counts: [2, 1], sum: 1, count: 2 },
      { name: "h", labels: [], counts: [1, 3], sum: 1, count: 2 },
      { name: "h", labels: [], counts: [0.5], sum: 1, count: 1 },
      { name: "h", labels: [], counts: [-1], sum: 1, count: 1 },
      { name: "h", labels: [], counts: [1], sum: Number.NaN, count: 1 },
      { name: "h", labels: [], counts: [1], sum: 1, count: 1.5 },
    ]) {
      expect(seriesDeltaOf(delta as never), JSON.stringify(delta)).toBeNull();
    }
  });
});

describe("batchOf", () => {
  it("takes an isolate id, a positive flush number and a list, and nothing else", () => {
    expect(batchOf({ isolate: "i-1", sequence: 1, series: [] })).toEqual({
      isolate: "i-1",
      sequence: 1,
      series: [],
    });
    for (const batch of [
      null,
      [],
      { isolate: "", sequence: 1, series: [] },
      { isolate: "x".repeat(65), sequence: 1, series: [] },
      { isolate: "i-1", sequence: 0, series: [] },
      { isolate: "i-1", sequence: 1.5, series: [] },
      { isolate: "i-1", sequence: "1", series: [] },
      { isolate: "i-1", sequence: 1, series: {} },
    ]) {
      expect(batchOf(batch), JSON.stringify(batch)).toBeNull();
    }
  });
});
