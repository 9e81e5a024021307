// The Prometheus text format as the registry writes it: HELP/TYPE lines, escaped label values, cumulative
// histogram buckets with +Inf, _sum and _count; and the mistakes it refuses.
import { describe, expect, it } from "vitest";
import { Registry } from "./registry.js";

describe("Registry.render", () => {
  it("writes counters and gauges with their HELP and TYPE lines", () => {
    const registry = new Registry();
    const counter = registry.counter("jobs_total", "Jobs done.\nSecond line \\ here.", ["kind"]);
    counter.inc({ kind: "a" });
    counter.inc({ kind: "a" }, 2.5);
    counter.inc({ kind: 'say "hi"\\\n' });
    registry.gauge("temperature", "Now.").set({}, -1.5);
    expect(registry.render()).toBe(
      [
        "# HELP jobs_total Jobs done.\\nSecond line \\\\ here.",
        "# TYPE jobs_total counter",
        'jobs_total{kind="a"} 3.5',
        'jobs_total{kind="say \\"hi\\"\\\\\\n"} 1',
        "# HELP temperature Now.",
        "# TYPE temperature gauge",
        "temperature -1.5",
        "",
      ].join("\n"),
    );
  });

  it("writes histograms with cumulative buckets, +Inf, sum and count", () => {
    const registry = new Registry();
    const histogram = registry.histogram("latency_seconds", "Latency.", ["route"], [0.1, 1, 5]);
    for (const value of [0.05, 0.1, 0.7, 3, 9]) histogram.observe({ route: "/x" }, value);
    expect(registry.render().split("\n").slice(2, -1)).toEqual([
      'latency_seconds_bucket{route="/x",le="0.1"} 2',
      'latency_seconds_bucket{route="/x",le="1"} 3',
      'latency_seconds_bucket{route="/x",le="5"} 4',
      'latency_seconds_bucket{route="/x",le="+Inf"} 5',
      'latency_seconds_sum{route="/x"} 12.85',
      'latency_seconds_count{route="/x"} 5',
    ]);
  });

  it("keeps one series per combination of label values, in the order they first appeared", () => {
    const registry = new Registry();
    const counter = registry.counter("calls_total", "Calls.", ["provider", "outcome"]);
    counter.inc({ provider: "qwen", outcome: "ok" });
    counter.inc({ provider: "qwen", outcome: "error" });
    counter.inc({ provider: "claude", outcome: "ok" }, 2);
    counter.inc({ outcome: "ok", provider: "qwen" });
    // A missing label reads as empty; values that would run together as one string stay apart.
    counter.inc({ provider: "qwen" });
    counter.inc({ provider: "a", outcome: "bc" });
    counter.inc({ provider: "ab", outcome: "c" });
    expect(registry.render().split("\n").slice(2, -1)).toEqual([
      'calls_total{provider="qwen",outcome="ok"} 2',
      'calls_total{provider="qwen",outcome="error"} 1',
      'calls_total{provider="claude",outcome="ok"} 2',
      'calls_total{provider="qwen",outcome=""} 1',
      'calls_total{provider="a",outcome="bc"} 1',
      'calls_total{provider="ab",outcome="c"} 1',
    ]);
    expect(counter.value({ provider: "qwen", outcome: "ok" })).toBe(2);
    expect(counter.value({ provider: "nobody", outcome: "ok" })).toBe(0);
  });

  it("runs collectors before rendering, and gauges can be rebuilt", () => {
    const registry = new Registry();
    const gauge = registry.gauge("state", "State.", ["name"]);
    let current = "a";
    registry.onCollect(() => {
      gauge.reset();
      gauge.set({ name: current }, 1);
    });
    expect(registry.render()).toContain('state{name="a"} 1');
    current = "b";
    const text = registry.render();
    expect(text).toContain('state{name="b"} 1');
    expect(text).not.toContain('name="a"');
  });

  it("refuses invalid names, reserved labels, duplicates, bad buckets and counters going down", () => {
    const registry = new Registry();
    expect(() => registry.counter("bad-name", "x")).toThrow(/invalid metric name/);
    expect(() => registry.counter("ok_total", "x", ["__reserved"])).toThrow(/invalid label/);
    expect(() => registry.histogram("h", "x", ["le"], [1])).toThrow(/reserved/);
    expect(() => registry.histogram("h2", "x", [], [2, 1])).toThrow(/increasing/);
    registry.counter("twice_total", "x");
    expect(() => registry.counter("twice_total", "x")).toThrow(/twice/);
    const counter = registry.counter("up_total", "x");
    expect(() => counter.inc({}, -1)).toThrow(/only goes up/);
  });
});
