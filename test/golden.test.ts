// The golden suites in process: every case of fixtures/golden/*.jsonl (single texts), of
// fixtures/conversations/*.jsonl (conversations, rules C1–C6) and of fixtures/intents/*.jsonl (rule 22 on
// single texts), none skipped or filtered, each suite with its own minimum. Failures are listed in the
// assertion messages so they stay visible in the test output.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../src/config.js";
import { type GoldenStore, openGoldenStore } from "../tools/golden/calendars.js";
import {
  CONVERSATION_DIRECTORY,
  DEFAULT_GOLDEN_DIRECTORY,
  INTENT_DIRECTORY,
  loadGoldenFiles,
  RULES_DIRECTORY,
} from "../tools/golden/fixtures.js";
import { formatFailures, formatFigures, formatProblems } from "../tools/golden/report.js";
import { inProcessTarget, runCases } from "../tools/golden/run-cases.js";
import { summarize } from "../tools/golden/summary.js";
import { percent } from "../tools/report-table.js";

// Each gate sits at today's figure and only goes up: a 95% gate over a suite that scores 100% lets broken
// cases through unseen. Single texts 411/411, conversations 182/182 (issue 14 asks for 95% at least),
// intents 42/42.
const MINIMUM_EXACT_MATCH = 1;
const MINIMUM_CONVERSATION_EXACT_MATCH = 1;
const MINIMUM_INTENT_EXACT_MATCH = 1;
// Rules 17–28 written as people type: 339/341 today (issue 15 asks for 95% at least). The two that fail
// stay in the suite, listed in this test's message, until the reader handles them: "with window seats" read
// as a person, and "mrs rose day" in lower case cut at "day".
const MINIMUM_RULES_EXACT_MATCH = 339 / 341;

function describeGolden(title: string, directory: string, minimum: number): void {
  describe(title, () => {
    const { cases, problems } = loadGoldenFiles([directory]);
    let calendars: GoldenStore;
    beforeAll(async () => {
      calendars = await openGoldenStore();
    });
    afterAll(() => calendars?.close());

    it("has only valid fixture lines", () => {
      expect(problems, formatProblems(problems)).toEqual([]);
    });

    it(`matches at least ${percent(minimum)} of the cases exactly`, async () => {
      expect(cases.length, `no golden case found in ${directory}`).toBeGreaterThan(0);
      const summary = summarize(await runCases(inProcessTarget(readConfig({}), calendars.store), cases));
      const message = `${formatFigures(summary)}\n\n${formatFailures(summary.failures)}\n`;
      expect(summary.exactMatch, message).toBeGreaterThanOrEqual(minimum);
    }, 120_000);
  });
}

describeGolden("golden prompts", DEFAULT_GOLDEN_DIRECTORY, MINIMUM_EXACT_MATCH);
describeGolden("golden conversations", CONVERSATION_DIRECTORY, MINIMUM_CONVERSATION_EXACT_MATCH);
describeGolden("golden intents", INTENT_DIRECTORY, MINIMUM_INTENT_EXACT_MATCH);
describeGolden("golden rules 17–28", RULES_DIRECTORY, MINIMUM_RULES_EXACT_MATCH);
