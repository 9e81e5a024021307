// Merges the model's extraction with the rules reading of the same text or conversation. The model's
// fields are taken when they come from where it may take them (grounding.ts); its date and time phrases
// become expressions through the rules engine, so resolution stays deterministic. Every field the two
// readings differ on is counted for the confidence formula (docs/confidence.md), the intent and the
// previous appointment included, and a date or time they resolve differently becomes an ambiguity.
import type { AgentContext, Ambiguity, Draft, Intent, LlmReading } from "../../src/coordinator/agent.js";
import type { Extraction } from "../../src/llm/extraction-schema.js";
import { localize } from "../../src/locales/index.js";
import type { TemporalExpression } from "../../src/temporal/types.js";
import { resolveDraftTime } from "../temporal/index.js";
import { isWindow } from "../temporal/window.js";
import { difference, modelValue } from "./agreement.js";
import { type Grounding, groundingFor } from "./grounding.js";
import { holdsWords } from "./phrases.js";
import { previousDifference, readModelPrevious } from "./previous.js";

/**
 * The model's intent. An answer in the schema's first shape (no `intent`) says only whether the text is
 * about an appointment; when it is, it does not say which kind, so the rules' kind stands unopposed.
 */
export function modelIntent(extraction: Extraction, ruled: Intent): Intent {
  if (extraction.intent !== undefined) return extraction.intent;
  if (!extraction.isAppointmentRequest) return "none";
  return ruled === "none" ? "book" : ruled;
}

/**
 * The intent is always the rules': it decides what a frontend does (book, move, cancel), so no model
 * decides it alone. A model's intent that differs counts as one disagreement, which keeps the answer
 * below the rules' own confidence. So a cancel the rules read stays a cancel (never `complete`), and
 * nothing in an assistant's message, nor an injection a model obeys, turns a booking into a cancel or a
 * cancel into a booking (docs/confidence.md).
 */
export function mergeReadings(
  context: AgentContext,
  base: Draft,
  rules: Draft,
  extraction: Extraction,
  answeredBy: Pick<LlmReading, "provider" | "model" | "cache" | "tokens" | "variant" | "costUsd">,
): Draft {
  const read = modelIntent(extraction, rules.intent);
  const { intent } = rules;
  let disagreements = read === intent ? 0 : 1;
  // A model that reads no appointment read no fields either: the rules' reading stands as it is.
  if (read === "none" || intent === "none")
    return { ...rules, llm: { ...answeredBy, answered: true, disagreements } };

  const grounding = groundingFor(context);
  const field = (model: string | null, ruled: string | null): string | null => {
    const chosen = modelValue(model, ruled, grounding);
    disagreements += difference(chosen.value, ruled) + (chosen.invented ? 1 : 0);
    return chosen.value;
  };
  const contact = field(extraction.contact, rules.contact);
  const service = field(extraction.service, rules.service);
  const location = field(extraction.location, rules.location?.text ?? null);
  const durationMinutes = extraction.durationMinutes;
  disagreements += difference(durationMinutes, rules.durationMinutes);

  // An answer in the schema's first shape did not read a previous appointment: nothing to compare.
  const modelPrevious = readModelPrevious(extraction.previous ?? null, rules.previous, grounding);
  if (extraction.previous !== undefined) {
    disagreements += modelPrevious.invented;
    disagreements += previousDifference(context, base, modelPrevious.own, rules.previous);
  }
  const refersBack = intent === "reschedule" || intent === "cancel";
  // The model's previous appointment when it read the same intent; the rules' when it read another.
  const previous = !refersBack
    ? null
    : read === intent
      ? (modelPrevious.previous ?? rules.previous)
      : rules.previous;

  const merged = { ...base, intent, previous, contact, service, durationMinutes };
  // A cancel asks for no new appointment (api.md): its day and time are in `previous`, the slot stays empty.
  const slot =
    intent === "cancel"
      ? { expressions: [] as TemporalExpression[], ambiguities: [] as Ambiguity[], disagreements: 0 }
      : readSlot(context, merged, rules, extraction, grounding);
  disagreements += slot.disagreements;
  return {
    ...merged,
    location: location === null ? null : { text: location },
    expressions: slot.expressions,
    // The rules' certainty and ambiguities carry what a conversation's reading knows beyond its phrases (a
    // reference with nothing to refer to, options offered and none picked): a model does not lift them.
    certainty: Math.min(rules.certainty, ...slot.expressions.map((expression) => expression.certainty)),
    ambiguities: [...rules.ambiguities, ...slot.ambiguities],
    // The alternatives the user offers (rule 27), as the rules read them: a model answers with one slot.
    ...(rules.offered !== undefined && intent !== "cancel" ? { offered: rules.offered } : {}),
    llm: { ...answeredBy, answered: true, disagreements },
  };
}

/**
 * The new slot's date and time as the model's phrases resolve (its `phrased` expressions) and as the rules'
 * do: what the cross-check compares, and what the recovery check calls agreement (src/incidents).
 */
export function slotReadings(
  context: AgentContext,
  draft: Draft,
  rules: Draft,
  extraction: Extraction,
  grounding: Grounding = groundingFor(context),
) {
  // A phrase within a window the rules read ("5pm" of "after 5pm") bounds the slot, it names no time
  // (rule 20): it is read as the rules read it there, so a model's one time does not close the window.
  const windows = rules.expressions.filter(isWindow);
  const unbounding = (phrase: string | null) =>
    phrase !== null && windows.some((window) => holdsWords(window.text, phrase)) ? null : phrase;
  const phrased = grounding.expressions(
    [unbounding(extraction.dateText), unbounding(extraction.timeText)],
    rules.expressions,
  );
  const resolve = (found: TemporalExpression[]) =>
    resolveDraftTime(context, { ...draft, expressions: found }, draft.timezone);
  return { phrased, byModel: resolve(phrased), byRules: resolve(rules.expressions) };
}

/** The new slot: the model's phrases as expressions first, the rules' after, and where they resolve apart. */
function readSlot(
  context: AgentContext,
  draft: Draft,
  rules: Draft,
  extraction: Extraction,
  grounding: Grounding,
): { expressions: TemporalExpression[]; ambiguities: Ambiguity[]; disagreements: number } {
  const { phrased, byModel, byRules } = slotReadings(context, draft, rules, extraction, grounding);
  // The model's readings come first, so resolution takes its date and time; the rules' fill what it left out.
  const expressions = [...phrased, ...rules.expressions];
  const ambiguities: Ambiguity[] = [];
  let disagreements = 0;
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
  return { expressions, ambiguities, disagreements };
}
