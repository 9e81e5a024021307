// The metrics Durable Object's protocol in process, on a storage held in a Map (workerd runs it for real in
// test/workerd/metrics-fleet.test.ts): batches from several isolates add up, a batch sent again is not added
// twice, a lost one is simply missing, the sums survive a restart, and what the object keeps is bounded.
import { afterEach, describe, expect, it, vi } from "vitest";
import { sampleValue as sample } from "../../test/support/exposition.js";
import { startMetricsObject as start } from "../../test/support/metrics-object.js";
import type { SeriesDelta } from "./deltas.js";
import { FLEET_READING_MAX_AGE_MS, MAX_ISOLATES, MAX_SERIES, type MetricsObject } from "./durable-object.js";
import type { FleetReading } from "./fleet-gauges.js";
import type { TimelineAnswer } from "./timeline.js";

const PARSES = (value: number): SeriesDelta => ({
  name: "parsing_requests_total",
  labels: ["rules", "complete"],
  value,
});

async function flush(
  object: MetricsObject,
  isolate: string,
  sequence: number,
  series: unknown[],
  readings?: unknown[],
) {
  const response = await object.fetch(
    new Request("https://metrics.internal/flush", {
      method: "POST",
      body: JSON.stringify({ isolate, sequence, series, ...(readings ? { readings } : {}) }),
    }),
  );
  return { status: response.status, body: response.ok ? await response.json() : await response.text() };
}

async function timeline(object: MetricsObject): Promise<TimelineAnswer> {
  return (
    await object.fetch(new Request("https://metrics.internal/timeline"))
  ).json() as Promise<TimelineAnswer>;
}

const total = (column: readonly (number | null)[]) =>
  column.reduce<number>((sum, value) => sum + (value ?? 0), 0);

async function render(object: MetricsObject): Promise<string> {
  return (await object.fetch(new Request("https://metrics.internal/render"))).text();
}

const PARSES_SERIES = 'parsing_requests_total{mode="rules",status="complete"}';

const INCIDENT = (open: number, severity: number): FleetReading[] => [
  { name: "cita_incident_open", value: open },
  { name: "cita_incident_severity", value: severity },
];

afterEach(() => {
  vi.useRealTimers();
});

describe("MetricsObject", () => {
  it("adds up the batches of several isolates, histograms bucket by bucket, and renders no gauge", async () => {
    const { object } = await start();
    const latency = (counts: number[], sum: number, count: number) => ({
      name: "http_request_duration_seconds",
      labels: ["/health", "200"],
      counts: [...counts, ...Array(12 - counts.length).fill(count)],
      sum,
      count,
    });
    expect(await flush(object, "a", 1, [PARSES(2), latency([1, 1], 0.002, 2)])).toEqual({
      status: 200,
      body: { applied: true },
    });
    expect((await flush(object, "b", 1, [PARSES(3), latency([0, 1], 0.004, 1)])).body).toEqual({
      applied: true,
    });
    const text = await render(object);
    expect(sample(text, PARSES_SERIES)).toBe(5);
    expect(
      sample(text, 'http_request_duration_seconds_bucket{route="/health",status="200",le="0.001"}'),
    ).toBe(1);
    expect(
      sample(text, 'http_request_duration_seconds_bucket{route="/health",status="200",le="0.005"}'),
    ).toBe(2);
    expect(sample(text, 'http_request_duration_seconds_bucket{route="/health",status="200",le="+Inf"}')).toBe(
      3,
    );
    expect(sample(text, 'http_request_duration_seconds_sum{route="/health",status="200"}')).toBe(0.006);
    expect(text).toContain("# TYPE llm_requests_total counter");
    expect(text).not.toContain("# TYPE router_degraded");
  });

  it("acknowledges a batch sent again (or older) without adding it twice; a lost batch is just missing", async () => {
    const { object } = await start();
    await flush(object, "a", 1, [PARSES(1)]);
    expect((await flush(object, "a", 1, [PARSES(1)])).body).toEqual({ applied: false });
    // Batch 2 was lost on the way: batch 3 still counts, and 2 arriving late is taken for a replay.
    expect((await flush(object, "a", 3, [PARSES(4)])).body).toEqual({ applied: true });
    expect((await flush(object, "a", 2, [PARSES(2)])).body).toEqual({ applied: false });
    // Another isolate's numbers are its own.
    expect((await flush(object, "b", 1, [PARSES(10)])).body).toEqual({ applied: true });
    expect(sample(await render(object), PARSES_SERIES)).toBe(15);
  });

  it("keeps its sums and flush numbers across a restart, so counters never go back", async () => {
    const first = await start();
    await flush(first.object, "a", 1, [PARSES(2)]);
    const restarted = await start(first.data);
    expect(sample(await render(restarted.object), PARSES_SERIES)).toBe(2);
    expect((await flush(restarted.object, "a", 1, [PARSES(2)])).body).toEqual({ applied: false });
    await flush(restarted.object, "a", 2, [PARSES(1)]);
    expect(sample(await render(restarted.object), PARSES_SERIES)).toBe(3);
  });

  it("refuses a malformed series on its own and a batch that is not one whole, and counts the refusals", async () => {
    const { object } = await start();
    for (const body of ["not json", "{}", '{"isolate":"a","sequence":0,"series":[]}']) {
      const response = await object.fetch(
        new Request("https://metrics.internal/flush", { method: "POST", body }),
      );
      expect(response.status, body).toBe(400);
    }
    expect((await object.fetch(new Request("https://metrics.internal/other"))).status).toBe(404);
    await flush(object, "a", 1, [
      PARSES(1),
      PARSES(-1),
      { name: "router_degraded", labels: [], value: 1 },
      { name: "unknown_total", labels: [], value: 1 },
      { name: "cita_metrics_dropped_total", labels: ["invalid"], value: 100 },
    ]);
    const text = await render(object);
    expect(sample(text, PARSES_SERIES)).toBe(1);
    expect(sample(text, 'cita_metrics_dropped_total{reason="invalid"}')).toBe(4);
    expect(text).not.toContain("router_degraded");
    expect(text).not.toContain("unknown_total");
  });

  it(`keeps at most ${MAX_SERIES} series: past that, new series are dropped and counted, known ones still add`, async () => {
    const { object, data } = await start();
    const many = Array.from({ length: MAX_SERIES }, (_, index) => ({
      name: "http_request_duration_seconds",
      labels: [`/route-${index}`, "200"],
      counts: Array(12).fill(1),
      sum: 0.001,
      count: 1,
    }));
    await flush(object, "a", 1, many);
    await flush(object, "a", 2, [PARSES(1), { ...many[0], labels: ["/route-0", "200"] }]);
    let text = await render(object);
    expect(sample(text, 'cita_metrics_dropped_total{reason="limit"}')).toBe(1);
    expect(sample(text, PARSES_SERIES)).toBeUndefined();
    expect(sample(text, 'http_request_duration_seconds_count{route="/route-0",status="200"}')).toBe(2);
    // The bound holds after a restart too.
    const restarted = await start(data);
    await flush(restarted.object, "a", 3, [PARSES(1)]);
    text = await render(restarted.object);
    expect(sample(text, 'cita_metrics_dropped_total{reason="limit"}')).toBe(2);
    expect(sample(text, PARSES_SERIES)).toBeUndefined();
  });

  it(`remembers the flush numbers of the ${MAX_ISOLATES} isolates seen last, in memory and in storage`, async () => {
    const { object, data } = await start();
    for (let index = 0; index <= MAX_ISOLATES; index++)
      await flush(object, `isolate-${index}`, 1, [PARSES(1)]);
    const isolates = [...data.keys()].filter((key) => key.startsWith("isolate:"));
    expect(isolates).toHaveLength(MAX_ISOLATES);
    expect(isolates).not.toContain("isolate:isolate-0");
    // The forgotten isolate's replay would be added again (docs/scale.md); a remembered one's is not.
    expect((await flush(object, "isolate-1", 1, [PARSES(1)])).body).toEqual({ applied: false });
    expect((await flush(object, "isolate-0", 1, [PARSES(1)])).body).toEqual({ applied: true });
  });

  it("keeps the fleet's hour minute by minute from the batches it applies: summed, a replay not twice, unknown providers left out", async () => {
    const { object } = await start();
    const calls = (provider: string, status: string, value: number): SeriesDelta => ({
      name: "llm_requests_total",
      labels: [provider, "model-a", status],
      value,
    });
    await flush(object, "a", 1, [PARSES(2), calls("qwen", "2xx", 3), calls("qwen", "timeout", 1)]);
    await flush(object, "b", 1, [PARSES(3), calls("qwen", "2xx", 4), calls("not-a-provider", "2xx", 9)]);
    // Sent again (its answer lost): acknowledged, not counted again.
    await flush(object, "b", 1, [PARSES(3), calls("qwen", "2xx", 4)]);
    // Malformed: refused, and not in the hour either.
    await flush(object, "a", 2, [
      { name: "llm_requests_total", labels: ["qwen", "model-a", "2xx"], value: -5 },
    ]);
    const answer = await timeline(object);
    expect(answer.scope).toBe("fleet");
    expect(answer.minutes).toHaveLength(60);
    expect(total(answer.requests)).toBe(5);
    expect(answer.providers.map((target) => `${target.provider}/${target.model}`)).toEqual(["qwen/model-a"]);
    expect(total(answer.providers[0]!.calls)).toBe(8);
  });

  it("shows the fleet's incident gauges: open if any isolate heard from lately says so, at the worst severity", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.parse("2026-12-07T09:00:00Z") });
    const { object } = await start();
    // No isolate sent any: absent (the alert rules' normal regime), the families still declared.
    await flush(object, "old", 1, [PARSES(1)]);
    let text = await render(object);
    expect(text).toContain("# TYPE cita_incident_open gauge");
    expect(sample(text, "cita_incident_open")).toBeUndefined();
    await flush(object, "a", 1, [PARSES(1)], INCIDENT(0, 0));
    await flush(object, "b", 1, [], INCIDENT(1, 4));
    await flush(object, "c", 1, [], INCIDENT(1, 2));
    text = await render(object);
    expect(sample(text, "cita_incident_open")).toBe(1);
    expect(sample(text, "cita_incident_severity")).toBe(2);
    // Its values are an isolate's latest: c's incident closes, b's stays.
    await flush(object, "c", 2, [], INCIDENT(0, 0));
    expect(sample(await render(object), "cita_incident_severity")).toBe(4);
    // b goes quiet: its values count until FLEET_READING_MAX_AGE_MS after its last flush, then no more.
    vi.advanceTimersByTime(FLEET_READING_MAX_AGE_MS - 1_000);
    await flush(object, "a", 2, [PARSES(1)], INCIDENT(0, 0));
    await flush(object, "c", 3, [], INCIDENT(0, 0));
    vi.advanceTimersByTime(1_000);
    expect(sample(await render(object), "cita_incident_open")).toBe(1);
    vi.advanceTimersByTime(1);
    text = await render(object);
    expect(sample(text, "cita_incident_open")).toBe(0);
    expect(sample(text, "cita_incident_severity")).toBe(0);
    // Every isolate quiet: absent again.
    vi.advanceTimersByTime(FLEET_READING_MAX_AGE_MS);
    expect(sample(await render(object), "cita_incident_open")).toBeUndefined();
  });

  it("keeps the isolates' incident gauges across a restart, ignores a replay's and a malformed reading's", async () => {
    const first = await start();
    await flush(first.object, "a", 1, [PARSES(1)], INCIDENT(1, 3));
    const restarted = await start(first.data);
    expect(sample(await render(restarted.object), "cita_incident_severity")).toBe(3);
    // A replay of batch 1 carries what the isolate said then: not taken.
    await flush(restarted.object, "a", 1, [PARSES(1)], INCIDENT(0, 0));
    expect(sample(await render(restarted.object), "cita_incident_open")).toBe(1);
    await flush(
      restarted.object,
      "a",
      2,
      [],
      [
        { name: "cita_incident_open", value: 7 },
        { name: "router_degraded", value: 1 },
        { name: "cita_incident_severity", value: 1 },
      ],
    );
    const text = await render(restarted.object);
    expect(sample(text, "cita_incident_open")).toBeUndefined();
    expect(sample(text, "cita_incident_severity")).toBe(1);
    expect(text).not.toContain("router_degraded");
  });
});
