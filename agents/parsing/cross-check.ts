// Merges the model's extraction with the rules reading of the same text. The model's fields are taken
// when they come from the text; its date and time phrases become expressions through the rules engine,
// so resolution stays deterministic. Every field the two readings differ on is counted for the confidence
// formula (docs/confidence.md), and a date or time they resolve differently becomes an ambiguity.
import {
  type AgentContext,
  type Ambiguity,
  aboutAppointment,
  type Draft,
  type LlmReading,
} from "../../src/coordinator/agent.js";
import type { Extraction } from "../../src/llm/extraction-schema.js";
import { localize } from "../../src/locales/index.js";
import type { NormalizedText } from "../../src/temporal/text.js";
import type { TemporalExpression } from "../../src/temporal/types.js";
import { resolveDraftTime } from "../temporal/index.js";
import { key, occursIn, phraseExpressions } from "./phrases.js";

/** Longest field value kept from a model: contacts, services and places are short phrases. */
const MAX_FIELD_LENGTH = 120;

export function mergeReadings(
  context: AgentContext,
  base: Draft,
  rules: Draft,
  extraction: Extraction,
  answeredBy: Pick<LlmReading, "provider" | "model" | "cache" | "tokens" | "variant" | "costUsd">,
): Draft {
  const { text } = context;
  if (!extraction.isAppointmentRequest) {
    const disagreements = aboutAppointment(rules) ? 1 : 0;
    return { ...base, intent: "none", llm: { ...answeredBy, answered: true, disagreements } };
  }
  let disagreements = aboutAppointment(rules) ? 0 : 1;
  const field = (model: string | null, ruled: string | null): string | null => {
    const chosen = fromText(model, ruled, text);
    disagreements += difference(chosen.value, ruled) + (chosen.invented ? 1 : 0);
    return chosen.value;
  };
  const contact = field(extraction.contact, rules.contact);
  const service = field(extraction.service, rules.service);
  const location = field(extraction.location, rules.location?.text ?? null);
  const durationMinutes = extraction.durationMinutes;
  disagreements += difference(durationMinutes, rules.durationMinutes);

  const options = { language: context.language, dayFirst: context.dayFirst };
  const phrases = [extraction.dateText, extraction.timeText];
  const phrased = phraseExpressions(phrases, text, options, context.now, rules.expressions);
  // The model's readings come first, so resolution takes its date and time; the rules' fill what it left out.
  const expressions = [...phrased, ...rules.expressions];
  const ambiguities: Ambiguity[] = [];
  const resolve = (found: TemporalExpression[]) =>
    resolveDraftTime(context, { ...base, expressions: found, durationMinutes }, base.timezone);
  const byModel = resolve(phrased);
  const byRules = resolve(rules.expressions);
  for (const part of ["date", "time"] as const) {
    const [model, ruled] = [byModel[part], byRules[part]];
    disagreements += difference(model, ruled, (a, b) => a === b);
    if (model !== null && ruled !== null && model !== ruled) {
      ambiguities.push({
        field: part,
        issue: "ambiguous",
        message: localize(context.language, "readingsDisagree"),
        options: [model, ruled],
      });
    }
  }
  return {
    ...base,
    intent: "book",
    contact,
    service,
    location: location === null ? null : { text: location },
    durationMinutes,
    expressions,
    certainty: Math.min(base.certainty, ...expressions.map((expression) => expression.certainty)),
    ambiguities: [...base.ambiguities, ...ambiguities],
    llm: { ...answeredBy, answered: true, disagreements },
  };
}

/**
 * The model's value when the rules read the same or the text contains it; otherwise the model invented it
 * (or was talked into it), so the rules' value stands and the invention counts against the reading.
 */
function fromText(
  model: string | null,
  ruled: string | null,
  text: NormalizedText,
): { value: string | null; invented: boolean } {
  if (model === null) return { value: null, invented: false };
  const value = model.replace(/\s+/g, " ").trim();
  if (value === "") return { value: null, invented: false };
  if (value.length > MAX_FIELD_LENGTH) return { value: ruled, invented: true };
  if (ruled !== null && key(value) === key(ruled)) return { value: ruled, invented: false };
  return occursIn(value, text) ? { value, invented: false } : { value: ruled, invented: true };
}

/** 0 when both readings agree, 0.5 when only one found a value, 1 when they found different ones. */
function difference<T>(a: T | null, b: T | null, same: (a: T, b: T) => boolean = sameWords): number {
  if (a === null && b === null) return 0;
  if (a === null || b === null) return 0.5;
  return same(a, b) ? 0 : 1;
}

/** Equal after folding, or one names a part of the other ("Dr. Pérez" and "Pérez"); numbers exactly. */
function sameWords(a: unknown, b: unknown): boolean {
  if (typeof a !== "string" || typeof b !== "string") return a === b;
  const [left, right] = [key(a), key(b)];
  return left === right || ` ${left} `.includes(` ${right} `) || ` ${right} `.includes(` ${left} `);
}
