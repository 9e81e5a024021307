// Parsing agent, LLM mode: a model reads contact, service, location, duration and the raw date and time
// phrases; the rules engine turns the phrases into expressions and reads the text itself as a cross-check
// (cross-check.ts). Without an LLM for the request, or when the model fails or stays invalid, the rules
// reading is the answer. Confidence is never taken from the model.

import { parsingPrompt, parsingUserMessage } from "../../prompts/parsing.js";
import type { Agent, AgentContext, Draft, LlmAccess } from "../../src/coordinator/agent.js";
import { deadline } from "../../src/llm/deadline.js";
import { type Extraction, ExtractionSchema, extractionOutput } from "../../src/llm/extraction-schema.js";
import { completeStructured, type StructuredResult } from "../../src/llm/structured.js";
import { isProviderError, type LlmProvider } from "../../src/providers/types.js";
import { normalizeText } from "../../src/temporal/text.js";
import { mergeReadings } from "./cross-check.js";
import { parsingAgent } from "./index.js";
import { isOtherLanguage, languageScores } from "./rules/language.js";

/** The JSON answer is about 60 tokens; room for a model that pads it. */
const MAX_TOKENS = 400;
const CONSERVATION_MAX_TOKENS = 200;

export const llmParsingAgent: Agent = {
  name: "parsing",
  failureField: "date",
  async run(context, draft): Promise<Draft> {
    const rules = await parsingAgent.run(context, draft);
    const provider = context.llm ? chooseProvider(context.llm.providers) : null;
    if (!context.llm || provider === null) return rules;
    const model = modelFor(context, provider);
    let answer: StructuredResult<Extraction>;
    try {
      answer = await ask(context, context.llm, provider, model);
    } catch (error) {
      // Providers throw ProviderErrors; anything else is a fault in provider code, and the rules reading
      // still answers the user (mode llm then reports the LLM unavailable).
      context.debug(() => `llm parsing fell back to rules: ${describe(error)}`);
      // An answer that stayed invalid says the text is hard to read (often an injection): the rules
      // reading stands, as one disagreement. A provider that failed says nothing about the text.
      return isProviderError(error) && error.kind === "invalid_output"
        ? { ...rules, llm: { provider: provider.name, model, answered: false, disagreements: 1 } }
        : rules;
    }
    context.debug(
      () =>
        `llm parsing: ${answer.provider}/${answer.model} ${parsingPrompt.version}, ${answer.attempts} answer(s)`,
    );
    const text = normalizeText(context.text);
    const answeredBy = { provider: answer.provider, model: answer.model };
    // Cita reads Spanish and English only; that decision stays deterministic.
    if (isOtherLanguage(languageScores(text.folded, text.original))) {
      const disagreements = answer.value.isAppointmentRequest ? 1 : 0;
      return { ...rules, llm: { ...answeredBy, answered: true, disagreements } };
    }
    return mergeReadings(context, draft, rules, answer.value, answeredBy);
  },
};

/** Which provider reads this request: the first configured one, until the router (issue 6) decides. */
export function chooseProvider(providers: readonly LlmProvider[]): LlmProvider | null {
  return providers[0] ?? null;
}

/** The provider's model for the Parsing agent: a per-agent override (<PROVIDER>_MODEL_PARSING) or its default. */
function modelFor(context: AgentContext, provider: LlmProvider): string {
  const settings = context.config.llm.providers.find((entry) => entry.name === provider.name);
  return settings?.agentModels.parsing ?? provider.model;
}

async function ask(
  context: AgentContext,
  access: LlmAccess,
  provider: LlmProvider,
  model: string,
): Promise<StructuredResult<Extraction>> {
  const conservation = context.config.llm.conservationMode;
  const limit = deadline(context.config.llm.deadlineMs, access.signal);
  try {
    return await completeStructured(
      provider,
      {
        system: conservation ? parsingPrompt.short : parsingPrompt.system,
        user: parsingUserMessage(context.text),
        schema: extractionOutput,
        model,
        maxTokens: conservation ? CONSERVATION_MAX_TOKENS : MAX_TOKENS,
        temperature: 0,
        signal: limit.signal,
        requestId: access.requestId,
      },
      ExtractionSchema,
      access.onInvalidOutput ? { onInvalidOutput: access.onInvalidOutput } : {},
    );
  } finally {
    limit.dispose();
  }
}

function describe(error: unknown): string {
  if (isProviderError(error)) return error.message;
  return error instanceof Error ? error.name : "unknown error";
}
