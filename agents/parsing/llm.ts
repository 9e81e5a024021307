// The Parsing agent's LLM reading: a model reads the intent, contact, service, location, duration, the raw
// date and time phrases and the appointment a reschedule or cancel refers to, from the text or from the
// whole conversation; the rules engine turns the phrases into expressions and reads the same text or
// conversation itself as a cross-check (cross-check.ts). Which provider answers, and how hard to try, is the router's business
// (src/router). When the router gets no valid answer within the deadline, the rules reading is the answer.
// Confidence is never taken from the model.

import { conversationPrompt, conversationUserMessage } from "../../prompts/conversation.js";
import { parsingPrompt, parsingUserMessage } from "../../prompts/parsing.js";
import type { AgentContext, Draft, LlmAccess } from "../../src/coordinator/agent.js";
import {
  EXTRACTION_SCHEMA_VERSION,
  type Extraction,
  ExtractionSchema,
  extractionOutput,
} from "../../src/llm/extraction-schema.js";
import { cacheKey } from "../../src/router/cache.js";
import { type RouteResult, RouterError } from "../../src/router/router.js";
import { isoDate, localDate } from "../../src/temporal/civil.js";
import { mergeReadings } from "./cross-check.js";

/**
 * The baseline generation settings of the Parsing agent (the model registry may override them): the JSON
 * answer is about 60 tokens (80 with a previous appointment), with room for a model that pads it.
 */
export const PARSING_GENERATION = { maxTokens: 400, temperature: 0 } as const;
const CONSERVATION_MAX_TOKENS = 200;

/** `rules` is the rules reading of the same text: the answer when no model gives a valid one. */
export async function readWithLlm(
  context: AgentContext,
  access: LlmAccess,
  draft: Draft,
  rules: Draft,
): Promise<Draft> {
  let answer: RouteResult<Extraction>;
  try {
    answer = await ask(context, access);
  } catch (error) {
    // The router throws RouterErrors; anything else is a fault in Cita's code, and the rules reading
    // still answers the user (mode llm then reports the LLM unavailable).
    context.debug(() => `llm parsing fell back to rules: ${describe(error)}`);
    // An answer that stayed invalid says the text is hard to read (often an injection): the rules
    // reading stands, as one disagreement. Providers that failed say nothing about the text.
    return error instanceof RouterError && error.lastKind === "invalid_output" && error.lastTarget
      ? { ...rules, llm: { ...error.lastTarget, answered: false, disagreements: 1 } }
      : rules;
  }
  context.debug(
    () =>
      `llm parsing: ${answer.provider}/${answer.model} ${promptOf(context).version}, ${answer.calls} call(s), cache ${answer.cache}${answer.hedged ? ", hedged" : ""}`,
  );
  const answeredBy = {
    variant: access.assignment?.variant ?? "baseline",
    provider: answer.provider,
    model: answer.model,
    cache: answer.cache,
    costUsd: answer.costUsd,
    tokens:
      answer.cache === "hit"
        ? { input: 0, output: 0 }
        : { input: answer.usage.inputTokens, output: answer.usage.outputTokens },
  };
  // Cita reads its registered languages only (src/locales); that decision stays deterministic.
  if (context.foreign) {
    const disagreements = answer.value.isAppointmentRequest ? 1 : 0;
    return { ...rules, llm: { ...answeredBy, answered: true, disagreements } };
  }
  return mergeReadings(context, draft, rules, answer.value, answeredBy);
}

/** The local date the request is read on: part of the cache's key, and a conversation's `today`. */
function referenceDate(context: AgentContext): string {
  return isoDate(localDate(context.now, context.timezone));
}

/** The conversation's prompt when the request is one, else the text's. */
function promptOf(context: AgentContext): typeof parsingPrompt | typeof conversationPrompt {
  return context.messages === null ? parsingPrompt : conversationPrompt;
}

/** The user message of the prompt: the text, or every message of the conversation, framed as data. */
function framed(context: AgentContext): string {
  const { messages } = context;
  if (messages === null) return parsingUserMessage(context.text.original);
  const conversation = messages.map((message) => ({ role: message.role, content: message.text.original }));
  return conversationUserMessage(conversation, referenceDate(context));
}

async function ask(context: AgentContext, access: LlmAccess): Promise<RouteResult<Extraction>> {
  const assignment = access.assignment ?? { variant: "baseline", pin: null, ...PARSING_GENERATION };
  const prompt = promptOf(context);
  const user = framed(context);
  const key = await cacheKey({
    text: context.text.folded,
    messages: context.messages?.map((message) => ({ role: message.role, text: message.text.folded })) ?? null,
    locale: context.locale,
    timezone: context.timezone,
    referenceDate: referenceDate(context),
    promptVersion: prompt.version,
    schemaVersion: EXTRACTION_SCHEMA_VERSION,
    variant: assignment.variant,
  });
  return access.router.complete({
    build: ({ conservation }) => ({
      system: conservation ? prompt.short : prompt.system,
      user,
      schema: extractionOutput,
      maxTokens: conservation
        ? Math.min(CONSERVATION_MAX_TOKENS, assignment.maxTokens)
        : assignment.maxTokens,
      temperature: assignment.temperature,
      requestId: access.requestId,
    }),
    schema: ExtractionSchema,
    cacheKey: key,
    requestId: access.requestId,
    ...(assignment.pin !== null ? { pin: assignment.pin } : {}),
    ...(access.signal ? { signal: access.signal } : {}),
    ...(access.onInvalidOutput ? { onInvalidOutput: access.onInvalidOutput } : {}),
    ...(access.origin ? { origin: access.origin } : {}),
  });
}

function describe(error: unknown): string {
  if (error instanceof RouterError) return error.message;
  return error instanceof Error ? error.name : "unknown error";
}
