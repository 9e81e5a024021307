// Numbers that are not dates or times (conventions, rule 23): addresses, phone numbers, prices, ratings,
// counts and business names with a number ("14475 South Bascom Ave", "408-739-6520", "rated 4.5", "$500",
// "2 people", "1512 Barber Shop"). The rules reader masks them before anything reads the text, in single
// texts and in every message of a conversation alike, and keeps the addresses: an address is the location.
import { maskSpans, type NormalizedText } from "../../../src/temporal/text.js";
import { ADDRESS_PATTERNS, addressSpans, businessSpans, type Span } from "./addresses.js";
import { type Token, tokensOf } from "./tokens.js";
import { STOPWORDS } from "./vocabulary.js";

export type NotTimeKind = "address" | "business" | "phone" | "price" | "rating" | "count";

export interface NotTime {
  kind: NotTimeKind;
  /** Folded-text span. */
  from: number;
  to: number;
}

/** Ratings and counts over folded text; each kept simple for the ReDoS gate. */
const RATINGS: readonly RegExp[] = [
  /\b(?:rated|rating|rating of|stars?|estrellas|calificacion|puntuacion|puntaje) ?(?:of |de )?\d(?:[.,]\d{1,2})?\b/g,
  /\b\d(?:[.,]\d{1,2})? ?(?:stars?|estrellas)(?![a-z0-9])|\b\d[.,]\d{1,2} ?\/ ?(?:5|10)\b/g,
];
const COUNT = /\b\d{1,4} ?(?:people|persons|personas|guests|kids|ninos|adults|adultos|pax)\b/g;

/** Every pattern of rule 23, for the ReDoS gate (agents/parsing/rules/redos.test.ts). */
export const NOT_TIME_PATTERNS: readonly RegExp[] = [...RATINGS, COUNT, ...ADDRESS_PATTERNS];

const CURRENCIES: ReadonlySet<string> = new Set(
  "dollars usd pesos euros eur mxn ars clp cop bucks pounds gbp soles lucas".split(" "),
);

/** A token of a phone number: digits, brackets, "+", "-" and ".", at least one digit, no ISO date. */
function isPhonePart(word: string): boolean {
  return /^[\d()+.-]+$/.test(word) && /\d/.test(word) && !/^\d{4}-\d{2}-\d{2}$/.test(word);
}

/**
 * Phone numbers (a run of such tokens holding seven digits or more: "408-739-6520", "+34 600 123 456")
 * and prices ("$500", "$35.000", "500 pesos"), token by token.
 */
function phonesAndPrices(tokens: readonly Token[]): NotTime[] {
  const found: NotTime[] = [];
  for (let at = 0; at < tokens.length; at++) {
    const { word, index } = tokens[at]!;
    if (/^[$€£]\d/.test(word) || (/^\d[\d.,]*$/.test(word) && CURRENCIES.has(tokens[at + 1]?.word ?? ""))) {
      found.push({ kind: "price", from: index, to: index + word.length });
      continue;
    }
    if (!isPhonePart(word)) continue;
    let last = at;
    while (last + 1 < tokens.length && isPhonePart(tokens[last + 1]!.word)) last++;
    const digits = tokens
      .slice(at, last + 1)
      .reduce((sum, token) => sum + token.word.replace(/\D/g, "").length, 0);
    const separated = last > at || /[()+.-]/.test(word);
    if (digits >= 8 || (digits >= 7 && separated)) {
      found.push({ kind: "phone", from: index, to: tokens[last]!.index + tokens[last]!.word.length });
      at = last;
    }
  }
  return found;
}

function matches(folded: string, pattern: RegExp, kind: NotTimeKind): NotTime[] {
  pattern.lastIndex = 0;
  return [...folded.matchAll(pattern)].map((match) => ({
    kind,
    from: match.index,
    to: match.index + match[0].length,
  }));
}

/** The folded text's index of an index into the original (offsets only grow). */
function foldedIndex(text: NormalizedText, original: number): number {
  let low = 0;
  let high = text.offsets.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (text.offsets[middle]! < original) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The numbers of other kinds in the text, in text order; an address wins over a name it overlaps. */
export function notTimes(text: NormalizedText): NotTime[] {
  if (!/\d/.test(text.folded)) return [];
  const tokens = tokensOf(text);
  const of = (kind: NotTimeKind) => (spans: Span[]) => spans.map(([from, to]) => ({ kind, from, to }));
  const addresses = of("address")(addressSpans(text, tokens, STOPWORDS));
  const businesses = of("business")(
    businessSpans(text, tokens, STOPWORDS, (original) => foldedIndex(text, original)),
  ).filter((business) => !addresses.some((address) => overlap(address, business)));
  return [
    ...addresses,
    ...businesses,
    ...RATINGS.flatMap((pattern) => matches(text.folded, pattern, "rating")),
    ...matches(text.folded, COUNT, "count"),
    ...phonesAndPrices(tokens),
  ].sort((a, b) => a.from - b.from || b.to - a.to);
}

function overlap(a: NotTime, b: NotTime): boolean {
  return a.from < b.to && b.from < a.to;
}

/**
 * The text with every number of another kind masked out ("#"), offsets unchanged, so the readers see
 * neither a time in "rated 4.5" nor a year in "march 6th 1290 san tomas road" and keep "march 6th".
 */
export function maskNotTimes(
  text: NormalizedText,
  found: readonly NotTime[] = notTimes(text),
): NormalizedText {
  return maskSpans(
    text,
    found.map(({ from, to }) => [from, to]),
  );
}
