// The answer a well-behaved model gives Cita's LLM Parsing agent, built deterministically with Cita's own
// rules readers so answers are realistic: the same fields, the intent, the raw date and time phrases copied
// from the messages. A text is read as one message; a conversation (conversation.ts recovers it from the
// prompt) is read as the Parsing agent's rules read one. Shape: src/llm/extraction-schema.ts.

import { readText } from "../../agents/parsing/rules/read.js";
import { readByRules } from "../../agents/parsing/rules.js";
import {
  type ConversationMessage,
  emptyDraft,
  type Intent,
  type PreviousAppointment,
} from "../../src/coordinator/agent.js";
import { createAgentContext, readableText } from "../../src/coordinator/context.js";
import type { Extraction, PreviousExtraction } from "../../src/llm/extraction-schema.js";
import type { TemporalExpression } from "../../src/temporal/types.js";
import { conversationOf, todayOf } from "./conversation.js";

export type { Extraction };

const FRAMING_TAGS = ["user_text", "user_message", "text", "message", "request", "input", "data"];

/** What the model was asked to read: a text, or a conversation (then `text` is every message's content). */
export interface ModelInput {
  text: string;
  messages: ConversationMessage[] | null;
  /** The date the prompt gives for a conversation's last message, when it gives one. */
  today: string | null;
}

/**
 * The user's own words inside the prompt's framing: the content of a known tag (greedy, so a fake closing
 * tag inside the text stays part of it), a JSON object's `text`, or a fenced block; else the whole message.
 */
export function userTextOf(message: string): string {
  for (const tag of FRAMING_TAGS) {
    const match = new RegExp(`<${tag}>([\\s\\S]*)</${tag}>`, "i").exec(message);
    if (match) return match[1]!.trim();
  }
  const trimmed = message.trim();
  if (trimmed.startsWith("{")) {
    try {
      const parsed = JSON.parse(trimmed) as Record<string, unknown>;
      if (typeof parsed.text === "string") return parsed.text;
    } catch {
      // Not JSON: read the whole message.
    }
  }
  const fenced = /(?:```|""")\w*\n?([\s\S]*?)(?:```|""")/.exec(message);
  return fenced ? fenced[1]!.trim() : trimmed;
}

/** The prompt's user message as the model reads it: a framed conversation, else a framed text. */
export function readPrompt(user: string): ModelInput {
  const messages = conversationOf(user);
  if (messages === null) return { text: userTextOf(user), messages: null, today: null };
  return { text: messages.map((message) => message.content).join("\n"), messages, today: todayOf(user) };
}

function isDate(expression: TemporalExpression): boolean {
  return (
    expression.date !== undefined ||
    expression.offsetMinutes !== undefined ||
    expression.shift !== undefined ||
    expression.span !== undefined ||
    expression.interval?.from?.date !== undefined ||
    expression.interval?.to?.date !== undefined
  );
}

function isTime(expression: TemporalExpression): boolean {
  return (
    expression.time !== undefined ||
    expression.partOfDay !== undefined ||
    expression.interval?.from?.time !== undefined ||
    expression.interval?.to?.time !== undefined ||
    expression.interval?.from?.partOfDay !== undefined
  );
}

/** A text's phrases of one kind, in text order: a model quotes them all. */
function allPhrases(expressions: TemporalExpression[]): string | null {
  return expressions.length === 0 ? null : expressions.map((expression) => expression.text).join(" ");
}

/**
 * A conversation's phrase of one kind: the first, the one the appointment resolves from. Its phrases come
 * from several messages, and joined they would occur in none.
 */
function firstPhrase(expressions: TemporalExpression[]): string | null {
  return expressions[0]?.text ?? null;
}

/** No field found: what a model answers for a text that asks for nothing, or (lowQuality) reads badly. */
export function emptyExtraction(language: Extraction["language"], isAppointmentRequest: boolean): Extraction {
  return {
    isAppointmentRequest,
    intent: isAppointmentRequest ? "book" : "none",
    language,
    contact: null,
    service: null,
    location: null,
    durationMinutes: null,
    dateText: null,
    timeText: null,
    previous: null,
  };
}

/** The rules' reading, of a text or a conversation, in the answer's terms. */
interface Reading {
  intent: Intent;
  previous: Pick<PreviousAppointment, "contact" | "service" | "expressions"> | null;
  contact: string | null;
  service: string | null;
  location: string | null;
  durationMinutes: number | null;
  expressions: TemporalExpression[];
}

function answerOf(
  reading: Reading,
  language: Extraction["language"],
  phrase: (expressions: TemporalExpression[]) => string | null,
): Extraction {
  if (reading.intent === "none") return emptyExtraction(language, false);
  const dateText = (expressions: TemporalExpression[]) => phrase(expressions.filter(isDate));
  const timeText = (expressions: TemporalExpression[]) => phrase(expressions.filter(isTime));
  const previous: PreviousExtraction | null =
    reading.previous === null
      ? null
      : {
          dateText: dateText(reading.previous.expressions),
          timeText: timeText(reading.previous.expressions),
          contact: reading.previous.contact,
          service: reading.previous.service,
        };
  return {
    isAppointmentRequest: true,
    intent: reading.intent,
    language,
    contact: reading.contact,
    service: reading.service,
    location: reading.location,
    durationMinutes: reading.durationMinutes,
    // An expression holding both ("tomorrow at 5") is copied into both: a model would quote it whole.
    dateText: dateText(reading.expressions),
    timeText: timeText(reading.expressions),
    previous,
  };
}

export function extract(userText: string, now: Date): Extraction {
  const readable = readableText(userText, null);
  return answerOf(readText(readable, now), readable.language, allPhrases);
}

/** The state after the last user message, as the Parsing agent's rules read the conversation. */
export function extractConversation(messages: readonly ConversationMessage[], now: Date): Extraction {
  const context = createAgentContext({
    messages,
    locale: null,
    timezone: "UTC",
    now: now.getTime(),
    calendar: null,
    store: null,
  });
  const draft = readByRules(context, emptyDraft(context));
  return answerOf({ ...draft, location: draft.location?.text ?? null }, context.language, firstPhrase);
}

/**
 * A conversation is read on the day its prompt gives (noon UTC on that date, read in UTC): which listed
 * date a picked weekday names depends on it, as it does for a model reading the prompt.
 */
export function extractInput(input: ModelInput, now: Date): Extraction {
  if (input.messages === null) return extract(input.text, now);
  const today = input.today === null ? now : new Date(`${input.today}T12:00:00Z`);
  return extractConversation(input.messages, today);
}
