// The charts of one chaos scenario, from its timeline (tools/chaos/timeline.ts): requests over time by who
// answered, latency per request with rolling p50/p95 and the runbook's lines, provider attempts by
// outcome, and the breakers' and router's states. A fleet's attempts, breakers and router are drawn per
// instance. Time is seconds since fault onset.
import { percentile } from "../../src/stats.js";
import type { ScenarioReport } from "../chaos/run.js";
import type { AttemptOutcome, TimelineState } from "../chaos/timeline.js";
import { type ChartMark, type ChartSeries, type ChartSpec, COLORS, chart } from "./chart.js";

const ANSWERERS = ["qwen", "anthropic", "openai", "rules"];
const OUTCOMES: AttemptOutcome[] = ["ok", "timeout", "429", "5xx", "invalid JSON", "low quality", "other"];
const OUTCOME_COLORS = ["#2ca02c", "#9467bd", "#ff7f0e", "#d62728", "#8c564b", "#e377c2", "#7f7f7f"];
const BREAKER_STATES = ["closed", "half-open", "open"];
const HEALTH_STATES = ["healthy", "degraded", "down"];
const BUCKETS = 40;
/** Requests in the rolling percentiles: recent enough to follow the fault, enough for a p95. */
const ROLLING_REQUESTS = 20;

const seconds = (ms: number) => Math.round(ms) / 1000;
const colorOf = (index: number) => COLORS[index % COLORS.length]!;

/** From the first thing recorded (the warm-up, before onset) to the end of the run: every time chart's x. */
function startOf(report: ScenarioReport): number {
  const { requests, attempts, states } = report.timeline;
  return Math.min(0, ...[...requests, ...attempts, ...states].map((entry) => entry.atMs));
}

function timeAxis(report: ScenarioReport): { xRange: [number, number]; marks: ChartMark[] } {
  return { xRange: [seconds(startOf(report)), seconds(report.timeline.endMs)], marks: marks(report) };
}

function marks(report: ScenarioReport): ChartMark[] {
  const cleared = report.timeline.clearedAtMs;
  return [
    { x: 0, label: "fault on" },
    ...(cleared === null ? [] : [{ x: seconds(cleared), label: "fault cleared" }]),
  ];
}

/** Every name that appears, the known ones first in their order. */
function namesIn(known: readonly string[], seen: Iterable<string>): string[] {
  const found = new Set(seen);
  return [
    ...known.filter((name) => found.has(name)),
    ...[...found].filter((name) => !known.includes(name)).sort(),
  ];
}

/** Requests sent and answered per time bucket, answers by who answered (rules, a provider) or failed. */
function requestsChart(report: ScenarioReport, id: string): ChartSpec {
  const { requests, endMs } = report.timeline;
  const start = startOf(report);
  const width = Math.max(1, (endMs - start) / BUCKETS);
  const bucket = (ms: number) => Math.min(BUCKETS - 1, Math.max(0, Math.floor((ms - start) / width)));
  const answerers = namesIn(
    ANSWERERS,
    requests.map((request) => request.answeredBy ?? "failed"),
  );
  const columns = [
    new Array<number>(BUCKETS).fill(0),
    ...answerers.map(() => new Array<number>(BUCKETS).fill(0)),
  ];
  for (const request of requests) {
    columns[0]![bucket(request.atMs)]! += 1;
    const answered = answerers.indexOf(request.answeredBy ?? "failed");
    columns[answered + 1]![bucket(request.atMs + request.latencyMs)]! += 1;
  }
  const x = Array.from({ length: BUCKETS }, (_, index) => seconds(start + index * width));
  const series: ChartSeries[] = [
    { label: "sent", color: "#444", style: "step", dashed: true },
    ...answerers.map(
      (name, index): ChartSeries => ({
        label: name === "failed" ? "failed (not a valid 200)" : `answered by ${name}`,
        color: name === "failed" ? "#d62728" : colorOf(index),
        style: "step",
      }),
    ),
  ];
  return chart({
    id,
    title: "Requests over time: sent, and answered by whom",
    xLabel: "seconds since fault onset",
    yLabel: `requests per ${Math.round(width)} ms`,
    series,
    data: [x, ...columns],
    ...timeAxis(report),
  });
}

/** Rolling nearest-rank percentile over the last `window` values, at each value. */
export function rolling(values: readonly number[], window: number, rank: number): number[] {
  return values.map((_, index) => {
    const recent = values.slice(Math.max(0, index - window + 1), index + 1).sort((a, b) => a - b);
    return percentile(recent, rank);
  });
}

/** Latency per request by who answered, rolling p50/p95, and the p95 lines that degrade and down a provider. */
function latencyChart(report: ScenarioReport, id: string): ChartSpec {
  const requests = [...report.timeline.requests].sort((a, b) => a.atMs - b.atMs);
  const latencies = requests.map((request) => Math.max(1, request.latencyMs));
  const answerers = namesIn(
    ANSWERERS,
    requests.map((request) => request.answeredBy ?? "failed"),
  );
  const byAnswerer = answerers.map((name) =>
    requests.map((request, index) => ((request.answeredBy ?? "failed") === name ? latencies[index]! : null)),
  );
  const { LLM_P95_DEGRADED_MS: degraded, LLM_P95_DOWN_MS: down } = report.timings;
  const scale = report.scale === 1 ? "" : ` × scale ${report.scale}`;
  return chart({
    id,
    title: "Latency per request, rolling p50 / p95",
    xLabel: "seconds since fault onset (sent)",
    yLabel: "ms (log)",
    yLog: true,
    series: [
      ...answerers.map(
        (name, index): ChartSeries => ({
          label: name === "failed" ? "failed" : name,
          color: name === "failed" ? "#d62728" : colorOf(index),
          style: "points",
        }),
      ),
      { label: `rolling p50 (last ${ROLLING_REQUESTS})`, color: "#17becf", style: "line" },
      { label: `rolling p95 (last ${ROLLING_REQUESTS})`, color: "#000", style: "line" },
      { label: `degraded line: p95 5 s${scale}`, color: "#ff7f0e", style: "line", dashed: true },
      { label: `down line: p95 10 s${scale}`, color: "#d62728", style: "line", dashed: true },
    ],
    data: [
      requests.map((request) => seconds(request.atMs)),
      ...byAnswerer,
      rolling(latencies, ROLLING_REQUESTS, 0.5),
      rolling(latencies, ROLLING_REQUESTS, 0.95),
      requests.map(() => degraded),
      requests.map(() => down),
    ],
    ...timeAxis(report),
    note: "The router marks a provider degraded when its p95 passes the first line and down past the second.",
  });
}

/** Each attempt the simulator saw from Cita: a lane per provider (per provider and instance for a fleet). */
function attemptsChart(report: ScenarioReport, id: string): ChartSpec {
  const fleet = report.instances > 1;
  const lane = (provider: string, instance: number | null) =>
    fleet && instance !== null ? `${provider} #${instance + 1}` : provider;
  const attempts = [...report.timeline.attempts].sort((a, b) => a.atMs - b.atMs);
  const lanes = namesIn(
    [],
    attempts.map((attempt) => lane(attempt.provider, attempt.instance)),
  );
  const outcomes = OUTCOMES.filter((outcome) => attempts.some((attempt) => attempt.outcome === outcome));
  return chart({
    id,
    title: "Provider attempts by outcome",
    xLabel: "seconds since fault onset",
    yLabel: fleet ? "provider #instance" : "provider",
    yNames: lanes,
    series: outcomes.map((outcome) => ({
      label: outcome,
      color: OUTCOME_COLORS[OUTCOMES.indexOf(outcome)]!,
      style: "points",
    })),
    data: [
      attempts.map((attempt) => seconds(attempt.atMs)),
      ...outcomes.map((outcome) =>
        attempts.map((attempt) =>
          attempt.outcome === outcome ? lanes.indexOf(lane(attempt.provider, attempt.instance)) : null,
        ),
      ),
    ],
    ...timeAxis(report),
    note: "timeout: Cita gave up on the attempt (attempt timeout, deadline, or a hedge answered first). Refused connections never reach the simulator, so they are not drawn.",
  });
}

interface StateLine {
  name: string;
  instance: number | null;
  label: string;
}

type StateReader = (view: NonNullable<TimelineState["view"]>) => Record<string, string>;

/** A step chart of states read from /health: a line per name `read` finds (per instance for a fleet). */
function statesChart(
  report: ScenarioReport,
  options: { id: string; title: string; states: readonly string[]; read: StateReader },
): ChartSpec {
  const fleet = report.instances > 1;
  // A fleet's lines are each instance's own view; one instance's, its view.
  const changes = report.timeline.states.filter((state) => (state.instance !== null) === fleet);
  const lines: StateLine[] = [];
  for (const change of changes) {
    for (const name of Object.keys(change.view === null ? {} : options.read(change.view))) {
      if (lines.some((line) => line.name === name && line.instance === change.instance)) continue;
      const label = change.instance === null ? name : `${name} #${change.instance + 1}`;
      lines.push({ name, instance: change.instance, label });
    }
  }
  lines.sort((a, b) => a.label.localeCompare(b.label));
  const current = new Map<StateLine, number | null>();
  const rows: (number | null)[][] = [];
  const row = (atMs: number) => [seconds(atMs), ...lines.map((line) => current.get(line) ?? null)];
  for (const change of changes) {
    // An unreadable /health leaves a gap in that instance's lines.
    const read = change.view === null ? null : options.read(change.view);
    for (const line of lines.filter((candidate) => candidate.instance === change.instance)) {
      const state = read?.[line.name];
      current.set(line, state === undefined ? null : options.states.indexOf(state));
    }
    rows.push(row(change.atMs));
  }
  // The last states hold until the end of the run.
  if (rows.length > 0) rows.push(row(report.timeline.endMs));
  return chart({
    id: options.id,
    title: options.title,
    xLabel: "seconds since fault onset",
    yLabel: "state",
    yNames: [...options.states],
    series: lines.map((line, index) => ({ label: line.label, color: colorOf(index), style: "step" })),
    data: [
      rows.map((values) => values[0]!),
      ...lines.map((_, index) => rows.map((values) => values[index + 1]!)),
    ],
    ...timeAxis(report),
  });
}

/** Every chart of one scenario run; ids start with `prefix`. */
export function scenarioCharts(report: ScenarioReport, prefix: string): ChartSpec[] {
  return [
    requestsChart(report, `${prefix}-requests`),
    latencyChart(report, `${prefix}-latency`),
    attemptsChart(report, `${prefix}-attempts`),
    statesChart(report, {
      id: `${prefix}-breakers`,
      title: "Breakers, per provider (from /health)",
      states: BREAKER_STATES,
      read: (view) => view.breakers,
    }),
    statesChart(report, {
      id: `${prefix}-health`,
      title: "Router and provider health (from /health)",
      states: HEALTH_STATES,
      read: (view) => ({
        ...(view.routerState === null ? {} : { router: view.routerState }),
        ...view.providers,
      }),
    }),
  ];
}
