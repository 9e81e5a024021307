// The golden suite in process: every case of fixtures/golden/*.jsonl, none skipped or filtered.
// Failures are listed in the assertion messages so they stay visible in the test output.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../src/config.js";
import { type GoldenStore, openGoldenStore } from "../tools/golden/calendars.js";
import { DEFAULT_GOLDEN_DIRECTORY, loadGoldenFiles } from "../tools/golden/fixtures.js";
import { formatFailures, formatFigures, formatProblems } from "../tools/golden/report.js";
import { inProcessTarget, runCases } from "../tools/golden/run-cases.js";
import { summarize } from "../tools/golden/summary.js";
import { percent } from "../tools/report-table.js";

const MINIMUM_EXACT_MATCH = 0.95;

describe("golden prompts", () => {
  const { cases, problems } = loadGoldenFiles([DEFAULT_GOLDEN_DIRECTORY]);
  let calendars: GoldenStore;
  beforeAll(async () => {
    calendars = await openGoldenStore();
  });
  afterAll(() => calendars?.close());

  it("has only valid fixture lines", () => {
    expect(problems, formatProblems(problems)).toEqual([]);
  });

  it(`matches at least ${percent(MINIMUM_EXACT_MATCH)} of the cases exactly`, async () => {
    expect(cases.length, `no golden case found in ${DEFAULT_GOLDEN_DIRECTORY}`).toBeGreaterThan(0);
    const summary = summarize(await runCases(inProcessTarget(readConfig({}), calendars.store), cases));
    const message = `${formatFigures(summary)}\n\n${formatFailures(summary.failures)}\n`;
    expect(summary.exactMatch, message).toBeGreaterThanOrEqual(MINIMUM_EXACT_MATCH);
  }, 120_000);
});
