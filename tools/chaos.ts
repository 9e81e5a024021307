// `npm run chaos [-- --scale 0.1 --requests N --concurrency N --seed N --only ID,ID --control --instances N
// --json FILE --report FILE.html]`
// Drives Cita against the provider simulator through each runbook incident (tools/chaos/scenarios.ts),
// next to a naive client, prints a table per scenario and writes a JSON report (reports/chaos.json).
// With --instances N (N > 1) each scenario runs again against a fleet of N Node processes sharing a private
// Redis (tools/chaos/fleet.ts), and the fleet's figures are printed next to the one instance's; with
// --unshared as well, the fleet shares nothing (no Redis): the control that shows what sharing changes.
// With --report FILE.html it also writes a self-contained HTML page with each scenario's charts over time
// (tools/report-html/chaos-report.ts). Each scenario's report lists the incidents Cita opened (read from
// its GET /admin/incidents) and how they resolved: the run waits, after a cleared fault has recovered, until
// they resolve or incidentTimeoutMs passes (tools/chaos/run.ts).
// Exits 1 unless every run answered 100% of Cita's requests with 200 and a schema-valid body.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { scaledTimings } from "./chaos/cita.js";
import { fleetUnavailable } from "./chaos/fleet.js";
import { formatFleetComparison, formatScenario, formatSummary } from "./chaos/report.js";
import { describeScale, type RunOptions, runScenario, type ScenarioReport } from "./chaos/run.js";
import { buildScenarios } from "./chaos/scenarios.js";
import { goldenRequests } from "./chaos/texts.js";
import { chaosReportHtml } from "./report-html/chaos-report.js";

const USAGE =
  "usage: npm run chaos -- [--scale 1] [--requests 60] [--concurrency 6] [--seed 1] [--only ID,ID] " +
  "[--control] [--instances 1 [--unshared]] [--json reports/chaos.json] [--report FILE.html]";

function positive(name: string, value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`--${name} must be a positive number`);
  return parsed;
}

function options() {
  const { values } = parseArgs({
    options: {
      scale: { type: "string", default: "1" },
      requests: { type: "string", default: "60" },
      concurrency: { type: "string", default: "6" },
      seed: { type: "string", default: "1" },
      only: { type: "string" },
      control: { type: "boolean", default: false },
      instances: { type: "string", default: "1" },
      unshared: { type: "boolean", default: false },
      json: { type: "string", default: "reports/chaos.json" },
      report: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  return {
    help: values.help,
    scale: positive("scale", values.scale),
    requests: Math.round(positive("requests", values.requests)),
    concurrency: Math.round(positive("concurrency", values.concurrency)),
    seed: Math.round(Number(values.seed)),
    only: values.only?.split(",").map((id) => id.trim()) ?? null,
    control: values.control,
    instances: Math.round(positive("instances", values.instances)),
    unshared: values.unshared,
    json: values.json,
    report: reportFile(values.report),
  };
}

/** --report's file: none when not given; an empty or blank name is refused before anything runs. */
function reportFile(value: string | undefined): string | null {
  if (value === undefined) return null;
  if (value.trim() === "") throw new Error("--report needs a file name");
  return value;
}

function write(file: string, text: string) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

const fleetSharing = (unshared: boolean) => (unshared ? "sharing nothing" : "sharing a private Redis");

async function main(): Promise<number> {
  const args = options();
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const unavailable = fleetUnavailable(args.instances, process.env, !args.unshared);
  if (unavailable !== null) throw new Error(unavailable);
  const timings = scaledTimings(args.scale);
  const scenarios = buildScenarios(args.scale, timings.LLM_RATE_LIMIT_PAUSE_MS).filter(
    (scenario) => args.only === null || args.only.includes(scenario.id) || args.only.includes(scenario.label),
  );
  if (scenarios.length === 0) throw new Error(`--only matched no scenario`);
  const run: RunOptions = {
    scale: args.scale,
    requests: args.requests,
    concurrency: args.concurrency,
    seed: args.seed,
    warmup: 6,
    naiveTimeoutMs: null,
    control: args.control,
    texts: goldenRequests(),
    log: (line) => process.stderr.write(`${line}\n`),
    awaitIncidents: true,
  };
  process.stdout.write(
    `Cita chaos run: ${describeScale(args.scale)}, ${args.requests} requests per scenario, ` +
      `${args.concurrency} in flight${args.control ? ", CONTROL RUN (no faults)" : ""}` +
      `${args.instances > 1 ? `, one instance then ${args.instances} ${fleetSharing(args.unshared)}` : ""}\n\n`,
  );
  const reports: ScenarioReport[] = [];
  const fleets: ScenarioReport[] = [];
  for (const [index, scenario] of scenarios.entries()) {
    const report = await runScenario(scenario, index, run);
    reports.push(report);
    process.stdout.write(`${formatScenario(report)}\n\n`);
    if (args.instances === 1) continue;
    const fleet = await runScenario(scenario, index, {
      ...run,
      instances: args.instances,
      unshared: args.unshared,
    });
    fleets.push(fleet);
    process.stdout.write(`${formatScenario(fleet)}\n\n${formatFleetComparison(report, fleet)}\n\n`);
  }
  process.stdout.write(`${formatSummary([...reports, ...fleets])}\n`);
  const { texts: _texts, log: _log, ...settings } = run;
  const everySetting = { ...settings, instances: args.instances, unshared: args.unshared };
  const generatedAt = new Date().toISOString();
  // The timelines are for the HTML report, the whole incident records for the tests; the JSON report lists
  // each scenario's incidents as the table does.
  const figures = (list: ScenarioReport[]) =>
    list.map(({ timeline: _timeline, records: _records, ...report }) => report);
  const json = { generatedAt, settings: everySetting, scenarios: figures(reports), fleet: figures(fleets) };
  write(args.json, `${JSON.stringify(json, null, 2)}\n`);
  process.stdout.write(`report: ${args.json}\n`);
  if (args.report !== null) {
    write(
      args.report,
      chaosReportHtml({ generatedAt, settings: everySetting, scenarios: reports, fleet: fleets }),
    );
    process.stdout.write(`HTML report: ${args.report}\n`);
  }
  return [...reports, ...fleets].every((report) => report.passed) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`chaos: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    process.exit(2);
  },
);
