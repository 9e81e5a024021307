// The LLM Parsing agent against the provider simulator (qwen through the openai SDK).
import { describe, expect, it } from "vitest";
import { readConfig } from "../../src/config.js";
import { type AgentContext, type Draft, emptyDraft } from "../../src/coordinator/agent.js";
import { createAgentContext } from "../../src/coordinator/context.js";
import { createProviders } from "../../src/providers/index.js";
import { createRouter } from "../../src/router/index.js";
import { useSimulatorScope } from "../../test/support/simulator.js";
import { parsingAgent } from "./index.js";
import { readByRules } from "./rules.js";

const simulator = useSimulatorScope({ seed: 9, resetAfterEach: true });

function contextFor(text: string, withLlm: boolean): AgentContext {
  const config = readConfig({ QWEN_API_KEY: "sk-test", QWEN_BASE_URL: simulator.baseUrls.qwen });
  return createAgentContext({
    text,
    locale: null,
    timezone: "Europe/Madrid",
    now: Date.parse("2026-01-22T10:30:00+01:00"),
    calendar: null,
    store: null,
    llm: withLlm
      ? { router: createRouter(config, createProviders(config.llm.providers))!, requestId: "agent-test" }
      : null,
  });
}

async function run(text: string, withLlm = true): Promise<Draft> {
  const context = contextFor(text, withLlm);
  return parsingAgent.run(context, emptyDraft(context));
}

describe("LLM parsing agent", () => {
  it("without an LLM for the request, is the rules reading", async () => {
    const text = "cita con el Dr. Pérez mañana a las 11";
    const context = contextFor(text, false);
    const rules = readByRules(context, emptyDraft(context));
    expect(await run(text, false)).toEqual(rules);
    expect(await simulator.attempts()).toEqual([]);
  });

  it("reads the fields with the model and records who answered", async () => {
    const draft = await run("masaje de 45 minutos con la Dra. Gómez el jueves a las 6 de la tarde en Madrid");
    expect(draft).toMatchObject({
      intent: "book",
      contact: "Dra. Gómez",
      service: "masaje",
      durationMinutes: 45,
      llm: { provider: "qwen", model: "qwen-plus", answered: true, disagreements: 0 },
    });
    expect(draft.expressions.map((expression) => expression.text)).toContain("el jueves");
  });

  it("keeps texts in other languages out, whatever the model says", async () => {
    const draft = await run("je voudrais un rendez-vous demain avec le docteur");
    expect(draft.intent).toBe("none");
  });

  it("falls back to the rules reading when the provider fails", async () => {
    await simulator.setFaults("qwen", undefined, [{ kind: "reset" }]);
    const draft = await run("cita con el Dr. Pérez mañana a las 11");
    expect(draft).toMatchObject({ intent: "book", contact: "Dr. Pérez", llm: null });
  });
});
