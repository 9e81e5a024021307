// Finds which message of a request a reading came from, for an explanation (src/explanation/explain.ts):
// a date or time expression keeps its span and its original words but not its message (a conversation's
// slot is built across messages), and a value only a model read has words but no span.

import { fold } from "../../agents/validation/signals.js";
import { type NormalizedText, originalSlice } from "../temporal/text.js";
import type { TemporalExpression } from "../temporal/types.js";

/** The latest message up to `upTo` whose words under the expression's span are the expression's words. */
export function locateExpression(
  expression: Pick<TemporalExpression, "index" | "end" | "text">,
  texts: readonly NormalizedText[],
  upTo: number,
): number | null {
  for (let at = Math.min(upTo, texts.length - 1); at >= 0; at--) {
    const text = texts[at]!;
    if (
      expression.end <= text.folded.length &&
      originalSlice(text, expression.index, expression.end) === expression.text
    ) {
      return at;
    }
  }
  return null;
}

/** The latest message holding the value's words, and where: the folded span. */
export function locateValue(
  value: string,
  texts: readonly NormalizedText[],
): { index: number; from: number; to: number } | null {
  const words = fold(value).trim();
  if (words.length === 0) return null;
  for (let index = texts.length - 1; index >= 0; index--) {
    const from = texts[index]!.folded.indexOf(words);
    if (from >= 0) return { index, from, to: from + words.length };
  }
  return null;
}
