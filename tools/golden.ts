// Golden runner: checks the service against QA's golden prompts (shared/spec/golden-format.md) and reports
// exact-match, per-field, per-tag and per-file accuracy, every failure, and optionally JUnit XML. Against a
// server (--url) the calendar cases need fixtures/calendars.json there: --admin-token puts it through the
// server's API, --seed-database writes it into a Node server's database beforehand.
// Exit code 1 when a fixture line is invalid, no case was found, or exact match is below --min; 2 on misuse.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { readConfig } from "../src/config.js";
import { parseArguments, USAGE, UsageError } from "./golden/arguments.js";
import { openGoldenStore, readCalendarFixtures, seedDatabase } from "./golden/calendars.js";
import { loadGoldenFiles } from "./golden/fixtures.js";
import { junitXml } from "./golden/junit.js";
import { formatReport } from "./golden/report.js";
import { httpTarget, inProcessTarget, runCases } from "./golden/run-cases.js";
import { SeedError, type SeedReport, seedServer } from "./golden/seed-server.js";
import { summarize } from "./golden/summary.js";
import { percent } from "./report-table.js";

async function main(args: readonly string[]): Promise<number> {
  const options = parseArguments(args);
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (options.seedDatabase !== null) {
    const fixtures = await seedDatabase(options.seedDatabase);
    process.stdout.write(
      `Seeded ${options.seedDatabase}: ${fixtures.calendars.length} calendars, ${fixtures.bookings.length} bookings` +
        ` (fixtures/calendars.json). Serve it with DATABASE_PATH=${options.seedDatabase} npm start,` +
        " then run npm run golden -- --url URL\n",
    );
    return 0;
  }
  const { cases, problems } = loadGoldenFiles(options.paths);
  if (options.url !== null && options.adminToken !== null) {
    process.stdout.write(
      seedLines(await seedServer(options.url, options.adminToken, readCalendarFixtures())),
    );
  }
  // In process, the cases with a calendarId run against fixtures/calendars.json in a temporary store.
  const calendars = options.url === null ? await openGoldenStore() : null;
  const target =
    options.url !== null
      ? httpTarget(options.url)
      : inProcessTarget(readConfig({}), calendars?.store ?? null);
  const results = await runCases(target, cases).finally(() => calendars?.close());
  const summary = summarize(results, problems);

  process.stdout.write(`Golden run: ${cases.length} cases, ${options.url ?? "in process"}\n\n`);
  process.stdout.write(`${formatReport(summary, options.failures)}\n`);
  if (options.junit !== null) {
    mkdirSync(dirname(options.junit), { recursive: true });
    writeFileSync(options.junit, junitXml(results, problems));
    process.stdout.write(`\nJUnit report written to ${options.junit}\n`);
  }

  const verdicts: string[] = [];
  if (problems.length > 0) verdicts.push(`${problems.length} invalid fixture line(s)`);
  if (cases.length === 0) verdicts.push("no golden cases found");
  if (options.min !== null && summary.exactMatch < options.min) {
    verdicts.push(`exact match ${percent(summary.exactMatch)} is below the minimum ${percent(options.min)}`);
  }
  for (const verdict of verdicts) process.stderr.write(`golden: FAIL: ${verdict}\n`);
  return verdicts.length > 0 ? 1 : 0;
}

function seedLines(report: SeedReport): string {
  const lines = [
    `Seeded the server through its API: calendars ${report.calendars.join(", ")}; ${report.bookings.length} bookings`,
  ];
  if (report.refused.length > 0) {
    lines.push(
      `  ${report.refused.length} fixture bookings refused by the server (cases on their slots will read them free):`,
      ...report.refused.map(({ id, reason }) => `    ${id}: ${reason}`),
      "  For every booking, seed a Node server's database instead: npm run golden -- --seed-database FILE",
    );
  }
  return `${lines.join("\n")}\n\n`;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`golden: ${error.message}\n\n${USAGE}\n`);
      process.exitCode = 2;
      return;
    }
    // File-system errors (a FILE that does not exist) and a server refusing the seeding say all there is
    // to say; others keep their stack.
    const plain = error instanceof SeedError || (error instanceof Error && "code" in error);
    const text =
      error instanceof Error ? (plain ? error.message : (error.stack ?? error.message)) : String(error);
    process.stderr.write(`golden: ${text}\n`);
    process.exitCode = 1;
  },
);
