// An isolate's side of the metrics Durable Object, in process with an injected clock and sleep: flushes are
// batched (at most one per interval, carrying all that gathered), never reject, send an unacknowledged batch
// again with its number before anything newer, and a scrape reads the sum of every isolate plus its own
// gauges, or falls back to its own counts and says so when the object does not answer.
import { describe, expect, it } from "vitest";
import { sampleValue as value } from "../../test/support/exposition.js";
import { namespaceOf, startMetricsObject } from "../../test/support/metrics-object.js";
import type { Severity } from "../incidents/types.js";
import { createCitaMetrics } from "./cita.js";
import {
  DurableObjectMetrics,
  FALLBACK_COMMENT,
  FLEET_READING_REFRESH_MS,
  FLUSH_INTERVAL_MS,
} from "./durable-object-client.js";

type Fetch = (request: Request) => Promise<Response>;

/** A clock that moves only when the code under test sleeps; the sleeps it asked for. */
function time() {
  const clock = { now: 0, sleeps: [] as number[] };
  return {
    clock,
    options: {
      clock: () => clock.now,
      sleep: async (ms: number) => {
        clock.sleeps.push(ms);
        clock.now += ms;
      },
    },
  };
}

/** The object behind a fetch that records each flush's number (and may be swapped for a fault). */
async function objectBehind() {
  const { object } = await startMetricsObject();
  const sequences: number[] = [];
  let fault: Fetch | null = null;
  const fetch: Fetch = async (request) => {
    if (request.url.endsWith("/flush"))
      sequences.push(((await request.clone().json()) as { sequence: number }).sequence);
    return fault === null ? object.fetch(request) : fault(request);
  };
  return { object, sequences, fetch, setFault: (next: Fetch | null) => (fault = next) };
}

function isolate(fetch: Fetch, extra: { onUnavailable?: (operation: string, reason: string) => void } = {}) {
  const metrics = createCitaMetrics();
  metrics.watchRouter(null);
  const { clock, options } = time();
  const aggregate = new DurableObjectMetrics({
    namespace: namespaceOf(fetch),
    metrics,
    ...options,
    ...extra,
  });
  return { metrics, clock, aggregate };
}

const HEALTH = 'http_request_duration_seconds_count{route="/health",status="200"}';

describe("DurableObjectMetrics", () => {
  it("flushes at most once per interval, each flush carrying everything gathered by then", async () => {
    const target = await objectBehind();
    const { metrics, clock, aggregate } = isolate(target.fetch);
    metrics.recordHttp("/health", 200, 1);
    await aggregate.flushSoon();
    expect(target.sequences).toEqual([1]);
    expect(clock.sleeps).toEqual([]);
    clock.now += 100;
    const pending = [1, 2, 3].map(() => {
      metrics.recordHttp("/health", 200, 1);
      return aggregate.flushSoon();
    });
    expect(new Set(pending).size).toBe(1);
    await Promise.all(pending);
    expect(clock.sleeps).toEqual([FLUSH_INTERVAL_MS - 100]);
    expect(target.sequences).toEqual([1, 2]);
    // Nothing gathered: no request at all.
    clock.now += FLUSH_INTERVAL_MS;
    await aggregate.flushSoon();
    expect(target.sequences).toEqual([1, 2]);
    expect(value(await aggregate.render(), HEALTH)).toBe(4);
  });

  it("flushes once more for what was counted while a flush was on its way", async () => {
    const target = await objectBehind();
    let during = true;
    const { metrics, clock, aggregate } = isolate(async (request) => {
      // A request counted (and its flush asked for) while the first batch is with the object.
      if (during) {
        during = false;
        metrics.recordHttp("/health", 200, 1);
        void aggregate.flushSoon();
      }
      return target.fetch(request);
    });
    metrics.recordHttp("/health", 200, 1);
    await aggregate.flushSoon();
    expect(target.sequences).toEqual([1, 2]);
    expect(clock.sleeps).toEqual([FLUSH_INTERVAL_MS]);
  });

  it("never rejects; a batch not acknowledged is sent again with its number, then what came after", async () => {
    const target = await objectBehind();
    const reports: string[] = [];
    const { metrics, aggregate } = isolate(target.fetch, {
      onUnavailable: (operation, reason) => reports.push(`${operation}: ${reason}`),
    });
    target.setFault(async () => {
      throw new Error("the object is gone");
    });
    metrics.recordHttp("/health", 200, 1);
    await aggregate.flushSoon();
    target.setFault(async () => new Response("overloaded", { status: 500 }));
    await aggregate.flushSoon();
    // The object took the batch but its answer was lost: sent again, it is not added twice.
    target.setFault(async (request) => {
      await target.object.fetch(request);
      throw new Error("connection lost");
    });
    metrics.recordHttp("/health", 200, 1);
    await aggregate.flushSoon();
    target.setFault(null);
    metrics.recordHttp("/health", 200, 1);
    await aggregate.flushSoon();
    expect(target.sequences).toEqual([1, 1, 1, 1, 2]);
    expect(reports).toEqual([
      "flush: the object is gone",
      "flush: it answered 500",
      "flush: connection lost",
    ]);
    expect(value(await aggregate.render(), HEALTH)).toBe(3);
  });

  it("drops a batch the object refuses as malformed (400) rather than sending it forever", async () => {
    const target = await objectBehind();
    const reports: string[] = [];
    const { metrics, aggregate } = isolate(target.fetch, {
      onUnavailable: (_, reason) => reports.push(reason),
    });
    target.setFault(async () => new Response("bad metrics batch", { status: 400 }));
    metrics.recordHttp("/health", 200, 1);
    await aggregate.flushSoon();
    target.setFault(null);
    metrics.recordHttp("/health", 200, 1);
    await aggregate.flushSoon();
    expect(target.sequences).toEqual([1, 2]);
    expect(reports).toEqual(["it refused the batch (400)"]);
    expect(value(await aggregate.render(), HEALTH)).toBe(1);
  });

  it("renders the sum of every isolate, with the answering isolate's gauges, flushing its own counts first", async () => {
    const target = await objectBehind();
    const first = isolate(target.fetch);
    const second = isolate(target.fetch);
    first.metrics.recordHttp("/health", 200, 1);
    await first.aggregate.flushSoon();
    second.metrics.recordHttp("/health", 200, 1);
    second.metrics.recordHttp("/health", 200, 1);
    const text = await second.aggregate.render();
    expect(value(text, HEALTH)).toBe(3);
    expect(value(await first.aggregate.render(), HEALTH)).toBe(3);
    expect(value(text, "cita_metrics_aggregated")).toBe(1);
    expect(value(text, "router_degraded")).toBe(0);
    // Each family once.
    const types = text.split("\n").filter((line) => line.startsWith("# TYPE "));
    expect(new Set(types).size).toBe(types.length);
    expect(types).toContain("# TYPE router_degraded gauge");
    expect(types).toContain("# TYPE cita_metrics_dropped_total counter");
  });

  it("answers a scrape with the isolate's own counts, and says so, when the object throws or answers 500", async () => {
    for (const fault of [
      async () => {
        throw new Error("the object is gone");
      },
      async () => new Response("overloaded", { status: 500 }),
    ]) {
      const reports: string[] = [];
      const { metrics, aggregate } = isolate(fault, {
        onUnavailable: (operation) => reports.push(operation),
      });
      metrics.recordHttp("/health", 200, 1);
      const text = await aggregate.render();
      expect(text.startsWith(`${FALLBACK_COMMENT}\n`)).toBe(true);
      expect(value(text, HEALTH)).toBe(1);
      expect(value(text, "cita_metrics_aggregated")).toBe(0);
      expect(text).toContain("# TYPE router_degraded gauge");
      expect(reports).toEqual(["flush", "render"]);
    }
  });

  it("reads the fleet's timeline after flushing its own counts, and gives null (and says so) when the object fails", async () => {
    const target = await objectBehind();
    const { metrics, aggregate } = isolate(target.fetch);
    metrics.recordParseError("none");
    const answer = await aggregate.timeline();
    expect(answer?.scope).toBe("fleet");
    expect(answer?.requests.reduce((sum, count) => sum + count, 0)).toBe(1);
    for (const fault of [
      async () => {
        throw new Error("the object is gone");
      },
      async () => new Response("overloaded", { status: 500 }),
    ]) {
      const reports: string[] = [];
      const failing = isolate(fault, { onUnavailable: (operation) => reports.push(operation) });
      failing.metrics.recordParseError("none");
      expect(await failing.aggregate.timeline()).toBeNull();
      expect(reports).toEqual(["flush", "timeline"]);
    }
  });

  it("sends its incident gauges with its flushes, alone when they changed or are due again; a scrape shows the fleet's", async () => {
    const target = await objectBehind();
    const first = isolate(target.fetch);
    const second = isolate(target.fetch);
    let status: { open: boolean; severity: Severity | null } = { open: false, severity: null };
    first.metrics.watchIncidents(() => status);
    second.metrics.watchIncidents(() => ({ open: false, severity: null }));
    first.metrics.recordHttp("/health", 200, 1);
    await first.aggregate.flushSoon();
    // Nothing counted and nothing changed: no batch.
    first.clock.now += FLUSH_INTERVAL_MS;
    await first.aggregate.flushSoon();
    expect(target.sequences).toEqual([1]);
    // The first isolate's incident opens: it says so without having counted anything.
    status = { open: true, severity: "P2" };
    first.clock.now += FLUSH_INTERVAL_MS;
    await first.aggregate.flushSoon();
    expect(target.sequences).toEqual([1, 2]);
    // The second answers the scrape (flushing its own 0s first, its batch 1): the fleet's values, each
    // family once, not its own 0.
    const text = await second.aggregate.render();
    expect(target.sequences).toEqual([1, 2, 1]);
    expect(value(text, "cita_incident_open")).toBe(1);
    expect(value(text, "cita_incident_severity")).toBe(2);
    const types = text.split("\n").filter((line) => line.startsWith("# TYPE "));
    expect(new Set(types).size).toBe(types.length);
    expect(types).toContain("# TYPE cita_incident_open gauge");
    // Unchanged, the values go again once FLEET_READING_REFRESH_MS has passed, so they never age out.
    first.clock.now += FLEET_READING_REFRESH_MS - 1;
    await first.aggregate.flushSoon();
    expect(target.sequences).toEqual([1, 2, 1]);
    first.clock.now += 1;
    await first.aggregate.flushSoon();
    expect(target.sequences).toEqual([1, 2, 1, 3]);
  });

  it("shows its own incident gauges when the object cannot be reached", async () => {
    const { metrics, aggregate } = isolate(async () => new Response("overloaded", { status: 500 }));
    metrics.watchIncidents(() => ({ open: true, severity: "P4" }));
    const text = await aggregate.render();
    expect(value(text, "cita_metrics_aggregated")).toBe(0);
    expect(value(text, "cita_incident_open")).toBe(1);
    expect(value(text, "cita_incident_severity")).toBe(4);
  });
});
