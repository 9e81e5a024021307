// Rule 21: a value the message takes back gives way to the later one. Negated ("no el lunes, el martes",
// "not at 3, at 4", "el sábado no, el domingo"), refused ("no puedo el lunes, el martes sí") or replaced
// ("el martes, digo, el miércoles", "at 3… actually make it 5"): only the part named gives way, as a
// correction in a conversation replaces only what it names (C2), so "el lunes a las 3, digo, el martes" keeps
// its 3 o'clock. A value negated with nothing to take its place is gone ("no el lunes": which day is still
// to ask); a replacement needs the later value. The existing appointment a reschedule names is left as said:
// "no puedo el jueves, cancelá" refuses the appointment, not its day.
import type { NormalizedText } from "../../../src/temporal/text.js";
import type { TemporalExpression } from "../../../src/temporal/types.js";
import { isWindow } from "../../temporal/window.js";
import { NEGATE, REFUSE, REPLACE, spansOf, wordsBefore, wordsFrom } from "./choice-words.js";
import { bareNumbers } from "./slot-numbers.js";
import type { Marker } from "./slots.js";

export type Part = "date" | "time";
const PARTS: readonly Part[] = ["date", "time"];
/** "no puedo el lunes", "can't do monday": at most an article between a refusal and its value. */
const BETWEEN_REFUSAL_AND_VALUE = /^[a-z ]{0,6}$/;
/** Words that may stand between a negation and its value: "no el lunes", "not on Monday". */
const ARTICLES = new Set(["el", "la", "los", "las", "on", "the", "at", "a", "for", "para"]);

function names(expression: TemporalExpression, part: Part): boolean {
  if (part === "date") return expression.date !== undefined || expression.offsetMinutes !== undefined;
  return expression.time !== undefined || expression.partOfDay !== undefined || isWindow(expression);
}

/** The expression without the part taken back, or null when nothing of a date or time is left. */
function without(expression: TemporalExpression, part: Part): TemporalExpression | null {
  if (!PARTS.some((other) => other !== part && names(expression, other))) return null;
  const kept = { ...expression };
  if (part === "date") {
    delete kept.date;
    delete kept.offsetMinutes;
  } else {
    delete kept.time;
    delete kept.partOfDay;
    delete kept.interval;
  }
  return kept;
}

/** Whether the text has a word that could take a single value back. */
function mayBeNegated(text: NormalizedText): boolean {
  return text.words.some((word) => NEGATE.has(word) || REFUSE.firstWords.has(word));
}

/** A "no"/"not" right before the value, or a lone "no" closing its clause right after it ("el sábado no,"). */
function negated(
  folded: string,
  expression: TemporalExpression,
  refusals: readonly [number, number][],
): boolean {
  // "not before 10", "no antes de las 10": the negation belongs to the window's word (windows.ts).
  if (isWindow(expression)) return false;
  const before = wordsBefore(folded, expression.index, 2);
  while (before.length > 1 && ARTICLES.has(before[before.length - 1]!)) before.pop();
  if (before.length > 0 && NEGATE.has(before[before.length - 1]!)) return true;
  const after = wordsFrom(folded, expression.end, 2);
  if (after.length === 1 && NEGATE.has(after[0]!)) return true;
  // "no puedo el lunes", "el lunes no puedo": a refusal beside it, in its clause.
  return refusals.some(
    ([from, to]) =>
      (to <= expression.index && BETWEEN_REFUSAL_AND_VALUE.test(folded.slice(to, expression.index))) ||
      (from >= expression.end && from - expression.end <= 1),
  );
}

/** The slot with what the message takes back given way, and whether anything was. */
export interface Corrected {
  expressions: TemporalExpression[];
  corrected: boolean;
}

/** How a value was taken back: given way to a later one, or negated or refused where it stands. */
export type TakenBack = "replaced" | "negated";

/** `onTakenBack` hears of each value taken back, for an explanation (src/explanation). */
export function correctSlot(
  text: NormalizedText,
  slot: readonly TemporalExpression[],
  onTakenBack?: (expression: TemporalExpression, part: Part, how: TakenBack) => void,
): Corrected {
  if (slot.length === 0) return { expressions: [], corrected: false };
  const { folded } = text;
  const replacing = spansOf(REPLACE, text);
  // Most texts take nothing back: no word that could.
  if (replacing.length === 0 && !mayBeNegated(text)) return { expressions: [...slot], corrected: false };
  // "make it 5", "I mean 11": a bare number after a correction of a clock time is the new hour.
  const markers: Marker[] = replacing.map(([index, end]) => ({ index, end, side: "next", text: "" }));
  const hours = bareNumbers(text, markers, slot).filter((hour) =>
    slot.some((expression) => expression.time !== undefined && expression.end <= hour.index),
  );
  let expressions: (TemporalExpression | null)[] = [...slot, ...hours].sort((a, b) => a.index - b.index);
  const refusals = spansOf(REFUSE, text);
  let corrected = false;
  for (const part of PARTS) {
    const named = expressions.filter((expression) => expression !== null && names(expression, part));
    if (named.length === 0) continue;
    const takenBack = new Map<TemporalExpression, TakenBack>();
    for (const expression of named) {
      if (negated(folded, expression!, refusals)) takenBack.set(expression!, "negated");
    }
    for (const [index, end] of replacing) {
      const earlier = named.findLast((expression) => expression!.end <= index);
      if (earlier && named.some((expression) => expression!.index >= end)) takenBack.set(earlier, "replaced");
    }
    if (takenBack.size === 0) continue;
    corrected = true;
    if (onTakenBack) for (const [expression, how] of takenBack) onTakenBack(expression, part, how);
    expressions = expressions.map((expression) =>
      expression !== null && takenBack.has(expression) ? without(expression, part) : expression,
    );
  }
  return { expressions: expressions.filter((expression) => expression !== null), corrected };
}

export const CORRECTION_PATTERNS: readonly RegExp[] = [BETWEEN_REFUSAL_AND_VALUE];
