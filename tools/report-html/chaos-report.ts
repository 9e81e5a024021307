// The chaos run as a self-contained HTML page (npm run chaos -- --report FILE.html): a summary of every
// scenario with the incidents it opened, then per scenario its table (the CLI's own, incidents included) and
// its charts (chaos-charts.ts); with
// --instances N each scenario's fleet run follows its one-instance run.
import { html } from "hono/html";
import { incidentsCell } from "../chaos/incident-report.js";
import { formatScenario, percent } from "../chaos/report.js";
import type { ScenarioReport } from "../chaos/run.js";
import { scenarioCharts } from "./chaos-charts.js";
import { type ChartSpec, chartFigure } from "./chart.js";
import { renderPage } from "./page.js";

/** What the chaos CLI writes to its JSON report, with each scenario's timeline kept. */
export interface ChaosRun {
  generatedAt: string;
  settings: Record<string, unknown>;
  scenarios: readonly ScenarioReport[];
  fleet: readonly ScenarioReport[];
}

const who = (report: ScenarioReport) =>
  report.instances === 1
    ? "1 instance"
    : `${report.instances} instances${report.redis ? ", Redis" : ", unshared"}`;

/** When conservation mode was on, in words, from the fleet's worst view. */
function conservation(report: ScenarioReport): string {
  const on = report.timeline.states.filter(
    (state) => state.instance === null && state.view?.conservation === true,
  );
  if (on.length === 0) return "Conservation mode: off throughout.";
  return `Conservation mode: on from ${(on[0]!.atMs / 1000).toFixed(2)} s after onset.`;
}

function section(report: ScenarioReport, id: string, charts: readonly ChartSpec[]) {
  const { dropped } = report.timeline;
  return html`<section id="${id}">
<h2>${report.label}. ${report.title} (${who(report)})
<span class="${report.passed ? "pass" : "fail"}">${report.passed ? "100% answered" : "NOT 100% answered"}</span></h2>
<p>Fault: ${report.fault}. ${conservation(report)}</p>
${dropped > 0 ? html`<p class="fail">${dropped} timeline entries past the limit are not drawn.</p>` : ""}
<pre>${formatScenario(report)}</pre>
${charts.map(chartFigure)}
</section>`;
}

function summaryRow(report: ScenarioReport, id: string) {
  return html`<tr><td><a href="#${id}">${report.label}</a></td><td>${report.title}</td><td>${who(report)}</td>
<td class="${report.passed ? "pass" : "fail"}">${report.passed ? "PASS" : "FAIL"}</td>
<td>${percent(report.cita.okShare)}</td><td>${percent(report.naive.okShare)}</td>
<td>${report.cita.p95Ms ?? "—"}</td><td>${incidentsCell(report.incidents)}</td></tr>`;
}

/** The whole page. */
export function chaosReportHtml(run: ChaosRun): string {
  // Each scenario's fleet run, if any, right after its one-instance run.
  const runs = run.scenarios.flatMap((report) => [
    report,
    ...run.fleet.filter((fleet) => fleet.id === report.id),
  ]);
  const sections = runs.map((report, index) => {
    const id = `run-${index + 1}`;
    return { report, id, charts: scenarioCharts(report, id) };
  });
  const body = html`<table>
<tr><th>#</th><th>scenario</th><th>Cita</th><th>verdict</th><th>Cita ok</th><th>naive ok</th><th>Cita p95 ms</th><th>incidents</th></tr>
${sections.map(({ report, id }) => summaryRow(report, id))}
</table>
<p class="note">Reading the charts: docs/runbooks/README.md, "Reading a chaos report".</p>
${sections.map(({ report, id, charts }) => section(report, id, charts))}`;
  const settings = Object.entries(run.settings)
    .map(([name, value]) => `${name} ${JSON.stringify(value)}`)
    .join(", ");
  return renderPage({
    title: "Cita chaos run",
    subtitle: `${run.generatedAt}: ${settings}`,
    body,
    charts: sections.flatMap(({ charts }) => charts),
  });
}
