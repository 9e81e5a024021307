// Renders chaos scenario reports as readable tables, Cita next to the naive client, and a one-line summary;
// with --instances N, each scenario's fleet next to its one instance. Under each scenario's table, the
// incidents Cita opened (incident-report.ts).
import type { CitaFigures, PauseWindowFigures } from "./figures.js";
import { formatIncidents, incidentsCell } from "./incident-report.js";
import type { ScenarioReport } from "./run.js";

/** A share as a percentage with one decimal, "—" when there is none (the HTML report's too). */
export const percent = (value: number | null) => (value === null ? "—" : `${(value * 100).toFixed(1)}%`);
const millis = (value: number | null) => (value === null ? "—" : `${value} ms`);
const number = (value: number | null) => (value === null ? "—" : value.toFixed(2));

function pause(figures: PauseWindowFigures | null): string {
  if (figures === null) return "—";
  return `${figures.attemptsInside} (${figures.rateLimited}× 429, window ${figures.windowMs} ms)`;
}

function problems(counts: Record<string, number>): string {
  const entries = Object.entries(counts);
  return entries.length === 0 ? "—" : entries.map(([reason, count]) => `${reason}: ${count}`).join(", ");
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

function recovered(recovery: CitaFigures["recovery"]): string {
  if (recovery === null) return "— (fault not cleared)";
  if (!recovery.observable) return "not observable (no router in /health)";
  return recovery.recoveredAfterMs === null
    ? `not within ${recovery.timeoutMs} ms`
    : `${recovery.recoveredAfterMs} ms`;
}

const attemptsCell = (cita: CitaFigures) =>
  cita.attemptsPerRequest === null ? "not visible (refused)" : number(cita.attemptsPerRequest);

const shares = (report: ScenarioReport) => (report.redis ? "sharing Redis" : "sharing nothing");

/** "first / every instance" for a fleet; the one figure for one instance. */
const firstAndEvery = (report: ScenarioReport, first: number | null, every: number | null) =>
  report.instances === 1 ? millis(first) : `${millis(first)} / ${millis(every)}`;

/** The rows a fleet and its one instance are compared on, one cell per report. */
function fleetRows(reports: readonly ScenarioReport[]): string[][] {
  const row = (name: string, cell: (report: ScenarioReport) => string) => [name, ...reports.map(cell)];
  return [
    row("", (report) =>
      report.instances === 1 ? "1 instance" : `${report.instances} instances, ${shares(report)}`,
    ),
    row("requests under fault", (report) => String(report.cita.requests)),
    row("200 + schema-valid", (report) => percent(report.cita.okShare)),
    row("p50 / p95 latency", ({ cita }) => `${millis(cita.p50Ms)} / ${millis(cita.p95Ms)}`),
    row("calls/request on failing", ({ cita }) => attemptsCell(cita)),
    row("calls on failing, by instance", ({ cita }) =>
      cita.attemptsPerRequest === null ? "—" : cita.failingByInstance.join(" / "),
    ),
    row("calls inside 429 pause", ({ cita }) => pause(cita.pauseWindow)),
    row("answered by LLM / rules", ({ cita }) => `${percent(cita.llmShare)} / ${percent(cita.rulesShare)}`),
    row("detected: first / every", (report) =>
      firstAndEvery(report, report.cita.timeToDetectMs, report.cita.fleetTimeToDetectMs),
    ),
    row("breaker open: first / every", (report) =>
      firstAndEvery(report, report.cita.breakerOpenMs, report.cita.fleetBreakerOpenMs),
    ),
    row("time to recover (every)", ({ cita }) => recovered(cita.recovery)),
  ];
}

/** A scenario's fleet next to its one instance, as a titled table. */
export function formatFleetComparison(single: ScenarioReport, fleet: ScenarioReport): string {
  const verdict = (report: ScenarioReport) => (report.passed ? "100% answered" : "NOT 100% answered");
  const heading =
    `${fleet.label}. ${fleet.title} — one instance vs ${fleet.instances} ` +
    `[${verdict(single)} / ${verdict(fleet)}]`;
  return `${heading}\n${table(fleetRows([single, fleet]))}`;
}

/** One scenario as a titled table. */
export function formatScenario(report: ScenarioReport): string {
  const { cita, naive } = report;
  const recovery = cita.recovery;
  const answeredBy = Object.entries(cita.answeredBy)
    .map(([who, count]) => `${who} ${count}`)
    .join(", ");
  const rows: [string, string, string][] = [
    ["", "Cita", "naive (openai SDK, qwen only)"],
    ["requests under fault", String(cita.requests), String(naive.requests)],
    ["200 + schema-valid / success", percent(cita.okShare), percent(naive.okShare)],
    [
      "p50 / p95 latency",
      `${millis(cita.p50Ms)} / ${millis(cita.p95Ms)}`,
      `${millis(naive.p50Ms)} / ${millis(naive.p95Ms)}`,
    ],
    ["max latency", millis(cita.maxMs), millis(naive.maxMs)],
    ["attempts/request on failing", attemptsCell(cita), number(naive.attemptsPerRequest)],
    ["attempts inside 429 pause", pause(cita.pauseWindow), pause(naive.pauseWindow)],
    ["answered by LLM / rules", `${percent(cita.llmShare)} / ${percent(cita.rulesShare)}`, "—"],
    ["degraded answers", percent(cita.degradedShare), `${percent(naive.emptyShare)} empty (low quality)`],
    ["answered by", answeredBy || "—", "—"],
    ["state at onset", cita.routerInHealth ? (cita.stateAtOnset ?? "—") : "no router in /health", "—"],
    ["time to detect", firstAndEvery(report, cita.timeToDetectMs, cita.fleetTimeToDetectMs), "—"],
    ["primary's breaker open", firstAndEvery(report, cita.breakerOpenMs, cita.fleetBreakerOpenMs), "—"],
    ["time to recover", recovered(recovery), "—"],
  ];
  if (recovery !== null) {
    rows.push([
      "  healthy / primary answers",
      `${millis(recovery.healthyAfterMs)} / ${millis(recovery.primaryAnswerAfterMs)}`,
      "",
    ]);
    rows.push(["  recovery requests ok", `${percent(recovery.okShare)} of ${recovery.requests}`, ""]);
  }
  rows.push(["failures", problems(cita.problems), problems(naive.problems)]);
  const verdict = report.passed ? "100% answered" : "NOT 100% answered";
  const fleet = report.instances === 1 ? "" : ` (${report.instances} instances, ${shares(report)})`;
  const heading = `${report.label}. ${report.title}${fleet} — ${report.fault} [${verdict}, ${(report.durationMs / 1000).toFixed(1)} s]`;
  return `${heading}\n${table(rows)}\n${formatIncidents(report.incidents, report.instances)}`;
}

/** One line per scenario, for the end of a run. */
export function formatSummary(reports: readonly ScenarioReport[]): string {
  const lines = reports.map(
    (report) =>
      `${report.passed ? "PASS" : "FAIL"}  ${report.label.padEnd(3)} ${report.title.padEnd(34)} ` +
      `${report.instances === 1 ? "" : `×${report.instances}${report.redis ? "" : " unshared"} `}` +
      `Cita ${percent(report.cita.okShare).padStart(6)}   naive ${percent(report.naive.okShare).padStart(6)}   ` +
      `incidents ${incidentsCell(report.incidents)}`,
  );
  const passed = reports.filter((report) => report.passed).length;
  return `${lines.join("\n")}\n${passed}/${reports.length} scenarios answered 100%`;
}
