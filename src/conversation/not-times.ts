// Numbers that are not dates or times (conventions, rule 23): addresses, phone numbers, prices, ratings,
// counts and business names with a number ("14475 South Bascom Ave", "408-739-6520", "rated 4.5", "$500",
// "2 people", "1512 Barber Shop"). Assistant messages are full of them; a user's may hold some too.
import type { NormalizedText } from "../temporal/text.js";

const STREET_AFTER =
  "st|street|ave|avenue|av|blvd|boulevard|rd|road|dr|drive|way|lane|ln|ct|court|pl|place|pkwy|parkway|hwy|highway|plaza|square|sq|terrace|circle|cir|expressway|real|alameda|suite|ste";
const STREET_BEFORE =
  "av|avda|avenida|calle|carrera|cra|cll|diagonal|transversal|pasaje|jiron|suite|ste|apt|apto|piso|depto|local|oficina|office|room|unit|ruta|km";

/** Patterns over folded text (lower case, no accents). */
const FOLDED: readonly RegExp[] = [
  // "2737 20th street", "1290 san tomas aquino road" written in lower case: a number, up to three words
  // that are not prepositions (so "at 3 on main street" keeps its time), and the street word
  new RegExp(
    `\\b\\d{1,6}[a-z]?\\s+(?:\\d+(?:st|nd|rd|th)\\s+)?(?:(?!(?:on|at|in|by|en|a|de|la|el|the|pm|am)\\s)[a-z]+\\s+){0,3}(?:${STREET_AFTER})\\b\\.?`,
    "g",
  ),
  // "av. 9 de julio 1500", "calle 10", "carrera 7 # 45-10", "suite 200"
  new RegExp(
    `\\b(?:${STREET_BEFORE})\\.?\\s+(?:n[o°]\\.?\\s*)?\\d+[a-z]?(?:\\s+(?:de\\s+)?[a-z]+){0,2}(?:\\s*(?:#|no\\.?|n°)?\\s*\\d+(?:-\\d+)?)?`,
    "g",
  ),
  // phone numbers: seven digits or more with separators
  /(?:\+\d{1,3}[\s.-]?)?\(?\d{2,4}\)?[\s.-]\d{3,4}[\s.-]\d{3,4}\b|\b\d{8,}\b/g,
  // ratings
  /\b(?:rated|rating|rating of|stars?|estrellas|calificacion|puntuacion|puntaje)\s*(?:of\s*|de\s*)?\d(?:[.,]\d+)?\b/g,
  /\b\d(?:[.,]\d+)?\s*(?:stars?|estrellas|\/\s*(?:5|10))(?![a-z0-9])/g,
  // prices
  /[$€£]\s*\d[\d.,]*|\b\d[\d.,]*\s*(?:dollars|usd|pesos|euros|eur|mxn|ars|clp|cop|bucks|pounds|gbp|soles|lucas)\b/g,
  // counts of people
  /\b\d+\s*(?:people|persons|personas|guests|kids|ninos|adults|adultos|pax)\b/g,
];

/** The street word in either case of its first letter, or all capitals ("Ave", "ave", "AVE"). */
const STREET_WORD = STREET_AFTER.split("|")
  .map((word) => `[${word[0]!.toUpperCase()}${word[0]}]${word.slice(1)}|${word.toUpperCase()}`)
  .join("|");

/**
 * Over the original text, where capitals tell a name: "14475 South Bascom Ave" (a number, capitalised
 * words, a street word), and business names ("17 Jewels Salon": a number, then capitalised words).
 */
const NAMED: readonly RegExp[] = [
  new RegExp(`\\b\\d{1,6}[A-Za-z]?\\s+(?:(?:[A-Z0-9][\\w.'&-]*)\\s+){1,4}(?:${STREET_WORD})\\b\\.?`, "g"),
  /\b\d{1,5}\s+(?:[A-Z][\w'&-]*\s+)+(?=[A-Z])[A-Z][\w'&-]*/g,
];

/** The spans of the text that are numbers of another kind. */
export function notTimeSpans(text: NormalizedText): [number, number][] {
  const spans: [number, number][] = [];
  for (const pattern of FOLDED) {
    pattern.lastIndex = 0;
    for (const match of text.folded.matchAll(pattern))
      spans.push([match.index, match.index + match[0].length]);
  }
  for (const pattern of NAMED) {
    pattern.lastIndex = 0;
    for (const match of text.original.matchAll(pattern)) {
      spans.push([foldedIndex(text, match.index), foldedIndex(text, match.index + match[0].length)]);
    }
  }
  return spans;
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

/**
 * The text with every number of another kind masked out ("#"), offsets unchanged, so the readers see
 * neither a time in "rated 4.5" nor a year in "march 6th 1290 san tomas road" and keep "march 6th".
 */
export function maskNotTimes(text: NormalizedText): NormalizedText {
  if (!/\d/.test(text.folded)) return text;
  const spans = notTimeSpans(text);
  if (spans.length === 0) return text;
  let masked = text.folded;
  for (const [from, to] of spans) masked = masked.slice(0, from) + "#".repeat(to - from) + masked.slice(to);
  let words: readonly string[] | undefined;
  return {
    original: text.original,
    folded: masked,
    offsets: text.offsets,
    get words() {
      words ??= masked.match(/[a-z']+/g) ?? [];
      return words;
    },
  };
}
