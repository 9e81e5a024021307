// A scenario's timeline for the HTML report: each simulator attempt's outcome, requests and attempts told
// apart by phase and instance from their X-Request-Id, /health kept only where it changed, and every list
// cut at its limit with the rest counted.
import { describe, expect, it } from "vitest";
import type { Attempt } from "../simulator/recording.js";
import type { CitaOutcome, HealthView } from "./cita.js";
import { attemptOutcome, buildTimeline, TIMELINE_LIMIT } from "./timeline.js";

const attempt = (fields: Partial<Attempt>): Attempt =>
  ({
    time: new Date(1000).toISOString(),
    provider: "qwen",
    requestId: "cita-load-4",
    fault: null,
    status: 200,
    aborted: false,
    ...fields,
  }) as Attempt;

const outcome = (id: string, sentAt: number, fields: Partial<CitaOutcome> = {}): CitaOutcome => ({
  id,
  sentAt,
  latencyMs: 12.4,
  status: 200,
  valid: true,
  mode: "llm",
  provider: "qwen",
  degraded: false,
  problem: null,
  ...fields,
});

const view = (breaker: string): HealthView => ({
  routerState: "healthy",
  conservation: false,
  providers: { qwen: "healthy" },
  breakers: { qwen: breaker },
});

describe("attemptOutcome", () => {
  it.each([
    [{}, "ok"],
    [{ status: 429, fault: "rateLimit" as const }, "429"],
    [{ status: 500, fault: "serverError" as const }, "5xx"],
    [{ status: 529, fault: "overloaded" as const }, "5xx"],
    [{ fault: "invalidJson" as const }, "invalid JSON"],
    [{ fault: "truncated" as const }, "invalid JSON"],
    [{ fault: "lowQuality" as const }, "low quality"],
    [{ status: null, fault: "hang" as const, aborted: true }, "timeout"],
    [{ status: null, fault: "latency" as const, aborted: true }, "timeout"],
    [{ status: 200, fault: "latency" as const }, "ok"],
    [{ status: null, fault: "reset" as const }, "other"],
    [{ status: 400, fault: "contextLength" as const }, "other"],
  ])("%j is %s", (fields, expected) => {
    expect(attemptOutcome(attempt(fields))).toBe(expected);
  });
});

describe("buildTimeline", () => {
  const inputs = {
    attempts: [attempt({ requestId: "cita-load-4" }), attempt({ requestId: "naive-load-4" })],
    samples: [
      { at: 900, view: view("closed"), views: [view("closed"), view("closed")] },
      { at: 950, view: view("closed"), views: [view("closed"), view("closed")] },
      { at: 1100, view: view("open"), views: [view("closed"), view("open")] },
      { at: 1150, view: null, views: [view("closed"), null] },
    ],
    onsetAt: 1000,
    clearedAt: 1500,
    endAt: 2000,
    instances: 2,
  };

  it("tells phases and instances apart, keeps Cita's attempts only, times them from onset", () => {
    const timeline = buildTimeline({
      ...inputs,
      outcomes: [
        outcome("cita-warmup-1", 900),
        outcome("cita-recovery-2", 1600, { valid: false, status: 502 }),
      ],
    });
    expect(timeline.requests).toEqual([
      { phase: "warmup", atMs: -100, latencyMs: 12, instance: 1, status: 200, answeredBy: "qwen" },
      { phase: "recovery", atMs: 600, latencyMs: 12, instance: 0, status: 502, answeredBy: null },
    ]);
    expect(timeline.attempts).toEqual([{ atMs: 0, provider: "qwen", outcome: "ok", instance: 0 }]);
    expect(timeline.clearedAtMs).toBe(500);
    expect(timeline.endMs).toBe(1000);
  });

  it("keeps /health where it changed: the fleet's worst and each instance's own", () => {
    const { states } = buildTimeline({ ...inputs, outcomes: [] });
    expect(states.map((state) => [state.atMs, state.instance, state.view?.breakers.qwen ?? null])).toEqual([
      [-100, null, "closed"],
      [-100, 0, "closed"],
      [-100, 1, "closed"],
      [100, null, "open"],
      [100, 1, "open"],
      [150, null, null],
      [150, 1, null],
    ]);
    // One instance: its view only.
    expect(buildTimeline({ ...inputs, instances: 1, outcomes: [] }).states).toHaveLength(3);
  });

  it("cuts each list at the limit and counts what it left out", () => {
    const outcomes = Array.from({ length: TIMELINE_LIMIT + 7 }, (_, index) =>
      outcome(`cita-load-${index}`, 1000),
    );
    const timeline = buildTimeline({ ...inputs, outcomes });
    expect(timeline.requests).toHaveLength(TIMELINE_LIMIT);
    expect(timeline.dropped).toBe(7);
    expect(buildTimeline({ ...inputs, outcomes: outcomes.slice(0, TIMELINE_LIMIT) }).dropped).toBe(0);
  });
});
