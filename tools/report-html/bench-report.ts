// The benchmark as a self-contained HTML page (npm run bench -- --report FILE.html): latency percentile
// curves (in process, through the LLM router, over HTTP per route and load) and HTTP throughput per route
// against the hello-world baseline, with the ratio and its target. Built from what reports/bench.json holds.
import { html } from "hono/html";
import type { LatencyCurve } from "../bench/curve.js";
import type { ConversationFigures, LatencyFigures } from "../bench/latency.js";
import type { RouterFigures } from "../bench/router.js";
import type { SharedStateBench } from "../bench/shared-state.js";
import type { ThroughputFigures } from "../bench/throughput.js";
import { type ChartSpec, COLORS, chart, chartFigure } from "./chart.js";
import { renderPage } from "./page.js";

/** The parts of reports/bench.json the page draws. */
export interface BenchRun {
  measuredAt: string;
  node: string;
  pipeline: LatencyFigures;
  conversations: readonly ConversationFigures[];
  throughput: readonly ThroughputFigures[];
  sharedState: SharedStateBench;
  router: RouterFigures;
  targets: {
    throughputRatio: readonly { connections: number; target: number; ratio: number; met: boolean }[];
  };
}

const rankName = (rank: number) => (rank === 0 ? "min" : rank === 100 ? "max" : `p${rank}`);

/** Several latency curves on one percentile axis (the union of their ranks; a rank one lacks is a gap). */
function curvesChart(
  id: string,
  title: string,
  curves: readonly { label: string; curve: LatencyCurve }[],
  log = true,
) {
  const ranks = [...new Set(curves.flatMap(({ curve }) => curve.ranks))].sort((a, b) => a - b);
  return chart({
    id,
    title,
    xLabel: "percentile",
    yLabel: log ? "ms (log)" : "ms",
    yLog: log,
    xNames: ranks.map(rankName),
    series: curves.map(({ label }, index) => ({
      label,
      color: COLORS[index % COLORS.length]!,
      style: "line",
    })),
    data: [
      ranks.map((_, index) => index),
      ...curves.map(({ curve }) =>
        ranks.map((rank) => {
          const at = curve.ranks.indexOf(rank);
          // A log axis has no zero: a sub-microsecond figure is drawn at 1 µs.
          return at === -1 ? null : log ? Math.max(0.001, curve.ms[at]!) : curve.ms[at]!;
        }),
      ),
    ],
  });
}

/** Requests per second of the hello-world baseline and of the parse route, a pair of bars per load. */
function throughputChart(
  id: string,
  title: string,
  loads: readonly { name: string; figures: ThroughputFigures }[],
) {
  return chart({
    id,
    title,
    xLabel: "load",
    yLabel: "requests per second",
    xNames: loads.map(({ name }) => name),
    series: [
      { label: "GET /hello (baseline)", color: COLORS[7]!, style: "bars" },
      { label: "POST /v1/appointments/parse", color: COLORS[0]!, style: "bars" },
    ],
    data: [
      loads.map((_, index) => index),
      loads.map(({ figures }) => Math.round(figures.hello.requestsPerSecond)),
      loads.map(({ figures }) => Math.round(figures.parse.requestsPerSecond)),
    ],
  });
}

function charts(run: BenchRun): ChartSpec[] {
  const { router } = run;
  const specs = [
    curvesChart("in-process", "In-process latency: golden cases and conversations", [
      { label: `golden cases (${run.pipeline.count} calls)`, curve: run.pipeline.curve },
      ...run.conversations.map((figures) => ({
        label: `conversations of ${figures.messages}`,
        curve: figures.curve,
      })),
    ]),
    curvesChart("router", "LLM router against the simulator", [
      { label: "openai SDK directly", curve: router.directSdk.curve },
      { label: "Cita's Qwen provider", curve: router.provider.curve },
      { label: "through the router", curve: router.router.curve },
      { label: "slow primary, no hedging", curve: router.slowPrimary.withoutHedging.curve },
      { label: "slow primary, hedging", curve: router.slowPrimary.withHedging.curve },
    ]),
    curvesChart(
      "http-latency",
      "HTTP latency per route and load (autocannon, median round)",
      run.throughput.flatMap((figures) => [
        { label: `hello, ${figures.connections} connections`, curve: figures.hello.curve },
        { label: `parse, ${figures.connections} connections`, curve: figures.parse.curve },
      ]),
      // autocannon counts whole milliseconds, so its fastest requests are 0: a linear axis.
      false,
    ),
    throughputChart(
      "throughput",
      "HTTP throughput against the hello-world baseline",
      // The ratio under each pair of bars, as the text report prints it.
      run.throughput.map((figures) => ({
        name: `${figures.connections} connections: parse ${(figures.ratio * 100).toFixed(1)}%`,
        figures,
      })),
    ),
  ];
  if (!("skipped" in run.sharedState)) {
    const runs = run.sharedState.runs.map(({ withRedis, figures }, index) => ({
      name: `${index + 1}: ${withRedis ? "Redis" : "embedded"}`,
      figures,
    }));
    specs.push(
      throughputChart("shared-state", "Shared state: parse in LLM mode, embedded and with Redis", runs),
    );
  }
  return specs;
}

function ratioTable(run: BenchRun) {
  return html`<table>
<tr><th>load</th><th>hello req/s</th><th>parse req/s</th><th>parse / hello</th><th>target</th></tr>
${run.throughput.map((figures) => {
  const target = run.targets.throughputRatio.find((entry) => entry.connections === figures.connections);
  return html`<tr><td>${figures.connections} connections</td><td>${figures.hello.requestsPerSecond.toFixed(0)}</td>
<td>${figures.parse.requestsPerSecond.toFixed(0)}</td><td>${(figures.ratio * 100).toFixed(1)}%</td>
<td class="${target?.met === false ? "fail" : "pass"}">${target === undefined ? "—" : `≥ ${target.target * 100}%: ${target.met ? "met" : "MISSED"}`}</td></tr>`;
})}
</table>`;
}

/** The whole page. */
export function benchReportHtml(run: BenchRun): string {
  const specs = charts(run);
  const shared = run.sharedState;
  const body = html`<h2>Latency</h2>
${specs.slice(0, 3).map(chartFigure)}
<h2>Throughput</h2>
${ratioTable(run)}
${specs.slice(3).map(chartFigure)}
${"skipped" in shared ? html`<p class="note">Shared state: skipped: ${shared.skipped}</p>` : html`<p>Shared state (${shared.redis}): with Redis / embedded ${(shared.relative * 100).toFixed(1)}% of parse req/s.</p>`}
<p class="note">Reading the charts: README.md, "Performance".</p>`;
  return renderPage({
    title: "Cita benchmark",
    subtitle: `${run.measuredAt}, Node ${run.node}`,
    body,
    charts: specs,
  });
}
