// The model's phrases against the text it read: folded keys ("Dr. Pérez" and "dr perez" share one), whether
// two values name the same, whether a phrase occurs in the text, and the expressions the model's date and
// time phrases read as.
import { extractExpressions } from "../../src/temporal/extract.js";
import { type NormalizedText, normalizeText } from "../../src/temporal/text.js";
import type { TemporalExpression } from "../../src/temporal/types.js";

/** Case, accents, punctuation and spacing folded away: "Dr. Pérez" and "dr perez" share a key. */
export function key(value: string): string {
  return foldedKey(normalizeText(value).folded);
}

function foldedKey(folded: string): string {
  return folded.replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

/** Equal after folding, or one names a part of the other ("Dr. Pérez" and "Pérez"); numbers exactly. */
export function sameWords(a: unknown, b: unknown): boolean {
  if (typeof a !== "string" || typeof b !== "string") return a === b;
  return key(a) === key(b) || holdsWords(a, b) || holdsWords(b, a);
}

/** Whether `outer`'s words hold `inner`'s, word for word ("on Wednesday" holds "Wednesday"). */
export function holdsWords(outer: string, inner: string): boolean {
  const wanted = key(inner);
  return wanted !== "" && ` ${key(outer)} `.includes(` ${wanted} `);
}

export function occursIn(phrase: string, text: NormalizedText): boolean {
  const wanted = key(phrase);
  return wanted !== "" && ` ${foldedKey(text.folded)} `.includes(` ${wanted} `);
}

/**
 * The rules engine's expressions for the model's date and time phrases, each read on its own. A phrase
 * that is not in the text is ignored, and one found only inside another ("tomorrow at 5" as both, or
 * "5" within it) is read once, as part of the longer one. A phrase that reads as nothing on its own but
 * does in context (an abbreviation such as "wed") takes the rules' expressions inside it in the text.
 */
export function phraseExpressions(
  phrases: readonly (string | null)[],
  text: NormalizedText,
  options: Parameters<typeof extractExpressions>[1],
  now: number,
  inContext: readonly TemporalExpression[] = [],
): TemporalExpression[] {
  const haystack = ` ${foldedKey(text.folded)} `;
  const spans = new Map<string, [number, number][]>();
  for (const phrase of new Set(phrases)) {
    const wanted = phrase === null ? "" : ` ${key(phrase)} `;
    if (phrase === null || wanted.trim() === "") continue;
    const found: [number, number][] = [];
    for (let at = haystack.indexOf(wanted); at >= 0; at = haystack.indexOf(wanted, at + 1)) {
      found.push([at, at + wanted.length]);
    }
    if (found.length > 0) spans.set(phrase, found);
  }
  const within = ([from, to]: [number, number], other: string) =>
    spans.get(other)!.some(([start, end]) => start <= from && to <= end);
  const readable = [...spans.keys()].filter((phrase) =>
    spans
      .get(phrase)!
      .some((span) => ![...spans.keys()].some((other) => other !== phrase && within(span, other))),
  );
  return readable.flatMap((phrase) => {
    const alone = extractExpressions(normalizeText(phrase), options, new Date(now)).filter(
      (expression) => expression.durationMinutes === undefined,
    );
    return alone.length > 0 ? alone : insidePhrase(phrase, text, inContext);
  });
}

function insidePhrase(
  phrase: string,
  text: NormalizedText,
  expressions: readonly TemporalExpression[],
): TemporalExpression[] {
  const wanted = normalizeText(phrase).folded;
  const inside: TemporalExpression[] = [];
  for (let at = text.folded.indexOf(wanted); at >= 0; at = text.folded.indexOf(wanted, at + 1)) {
    const end = at + wanted.length;
    inside.push(...expressions.filter((expression) => expression.index >= at && expression.end <= end));
  }
  return [...new Set(inside)];
}
