// The answer a well-behaved model gives Cita's LLM Parsing agent, built deterministically from the user's
// text with Cita's own rules readers so answers are realistic: the same fields, the raw date and time
// phrases copied from the message. Shape: src/llm/extraction-schema.ts.
import { readText } from "../../agents/parsing/rules/read.js";
import { readableText } from "../../src/coordinator/context.js";
import type { Extraction } from "../../src/llm/extraction-schema.js";
import type { TemporalExpression } from "../../src/temporal/types.js";

export type { Extraction };

const FRAMING_TAGS = ["user_text", "user_message", "text", "message", "request", "input", "data"];

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

function phrases(expressions: TemporalExpression[]): string | null {
  return expressions.length === 0 ? null : expressions.map((expression) => expression.text).join(" ");
}

/** No field found: what a model answers for a text that asks for nothing, or (lowQuality) reads badly. */
export function emptyExtraction(language: Extraction["language"], isAppointmentRequest: boolean): Extraction {
  return {
    isAppointmentRequest,
    language,
    contact: null,
    service: null,
    location: null,
    durationMinutes: null,
    dateText: null,
    timeText: null,
  };
}

export function extract(userText: string, now: Date): Extraction {
  const readable = readableText(userText, null);
  const { language } = readable;
  const reading = readText(readable, now);
  if (reading.intent === "none") return emptyExtraction(language, false);
  const { expressions } = reading;
  return {
    isAppointmentRequest: true,
    language,
    contact: reading.contact,
    service: reading.service,
    location: reading.location,
    durationMinutes: reading.durationMinutes,
    // An expression holding both ("tomorrow at 5") is copied into both: a model would quote it whole.
    dateText: phrases(expressions.filter(isDate)),
    timeText: phrases(expressions.filter(isTime)),
  };
}
