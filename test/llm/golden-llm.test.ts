// The golden suite in LLM mode: every case of fixtures/golden/*.jsonl sent with mode "llm" through the
// qwen provider (the openai SDK) to the provider simulator on 127.0.0.1, with the same threshold as rules
// mode; the conversation, intent and rules 17–28 suites, each at least as exact as the rules reading them alone. Every
// case must be answered by the model (mode llm fails with 503 otherwise).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../../src/config.js";
import { createProviders } from "../../src/providers/index.js";
import { createRouter } from "../../src/router/index.js";
import { parseAppointment } from "../../src/service.js";
import { type GoldenStore, openGoldenStore } from "../../tools/golden/calendars.js";
import {
  CONVERSATION_DIRECTORY,
  DEFAULT_GOLDEN_DIRECTORY,
  INTENT_DIRECTORY,
  loadGoldenFiles,
  RULES_DIRECTORY,
} from "../../tools/golden/fixtures.js";
import { formatFailures, formatFigures } from "../../tools/golden/report.js";
import { inProcessTarget, runCases, type Target } from "../../tools/golden/run-cases.js";
import { summarize } from "../../tools/golden/summary.js";
import { percent } from "../../tools/report-table.js";
import { useSimulatorScope } from "../support/simulator.js";

/** Today's figure: the model (the simulator) reads all 411 single texts as the rules do. */
const MINIMUM_EXACT_MATCH = 1;

/**
 * Each suite's cases, the calendars they book against and a scope of the simulator of its own; `llm` sends a
 * case with mode "llm" through qwen, and `modes` says who answered.
 */
function goldenSuite(directory: string) {
  const { cases } = loadGoldenFiles([directory]);
  let calendars: GoldenStore;
  const simulator = useSimulatorScope({ seed: 5 });
  beforeAll(async () => {
    calendars = await openGoldenStore();
  });
  afterAll(async () => {
    await calendars?.close();
  });
  const modes = new Set<string>();
  const llm = (): Target => {
    const config = readConfig({ QWEN_API_KEY: "sk-golden-sentinel", QWEN_BASE_URL: simulator.baseUrls.qwen });
    const router = createRouter(config, createProviders(config.llm.providers));
    return async (request, id) => {
      const response = await parseAppointment(
        { ...request, mode: "llm" },
        { config, store: calendars.store, requestId: id, router },
      );
      modes.add(`${response.meta.mode}/${response.meta.provider}`);
      return response;
    };
  };
  const rules = (): Target => inProcessTarget(readConfig({}), calendars.store);
  return { cases, simulator, modes, llm, rules };
}

describe("golden prompts in LLM mode (qwen through the simulator)", () => {
  const suite = goldenSuite(DEFAULT_GOLDEN_DIRECTORY);

  it(`matches at least ${percent(MINIMUM_EXACT_MATCH)} of the cases exactly, every one read by the model`, async () => {
    const summary = summarize(await runCases(suite.llm(), suite.cases));
    const message = `${formatFigures(summary)}\n\n${formatFailures(summary.failures)}\n`;
    expect(summary.exactMatch, message).toBeGreaterThanOrEqual(MINIMUM_EXACT_MATCH);
    expect([...suite.modes]).toEqual(["llm/qwen"]);
    // One attempt per case: no re-asks on well-formed answers, each with the case's request id.
    const attempts = await suite.simulator.attempts();
    expect(attempts).toHaveLength(suite.cases.length);
    expect(new Set(attempts.map((attempt) => attempt.requestId))).toEqual(
      new Set(suite.cases.map((golden) => golden.id)),
    );
  }, 180_000);
});

describe.each([
  ["conversations", CONVERSATION_DIRECTORY],
  ["intents", INTENT_DIRECTORY],
  ["rules 17–28", RULES_DIRECTORY],
])("golden %s in LLM mode (qwen through the simulator)", (_suite, directory) => {
  const suite = goldenSuite(directory);

  it("matches at least as many cases exactly as the rules alone, every one read by the model", async () => {
    const llm = summarize(await runCases(suite.llm(), suite.cases));
    const rules = summarize(await runCases(suite.rules(), suite.cases));
    const message = `${formatFigures(llm)}\n\n${formatFailures(llm.failures)}\n`;
    expect(suite.cases.length).toBeGreaterThan(0);
    expect(llm.exactMatch, message).toBeGreaterThanOrEqual(rules.exactMatch);
    expect([...suite.modes]).toEqual(["llm/qwen"]);
    expect(await suite.simulator.attempts()).toHaveLength(suite.cases.length);
  }, 180_000);
});
