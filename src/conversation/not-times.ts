// Numbers that are not dates or times (conventions, rule 23): addresses, phone numbers, prices, ratings,
// counts and business names with a number ("14475 South Bascom Ave", "408-739-6520", "rated 4.5", "$500",
// "2 people", "1512 Barber Shop"). Assistant messages are full of them; a user's may hold some too.
import { maskSpans, type NormalizedText } from "../temporal/text.js";

/** Street words after the street's name ("South Bascom Ave", "20th Street") and before a number ("calle 10"). */
const STREET_AFTER: ReadonlySet<string> = new Set(
  `st street ave avenue av blvd boulevard rd road dr drive way lane ln ct court pl place pkwy parkway hwy highway
  plaza square sq terrace circle cir expressway real alameda suite ste`.split(/\s+/),
);
const STREET_BEFORE =
  "av|avda|avenida|calle|carrera|cra|cll|diagonal|transversal|pasaje|jiron|suite|ste|apt|apto|piso|depto|local|oficina|office|room|unit|ruta|km";
/** Words a street name does not hold: "at 3 on main street" keeps its time. */
const NOT_IN_STREET: ReadonlySet<string> = new Set(
  "on at in by to en a de la el the pm am for with w/ @ con".split(" "),
);
/** Street words that are also titles: "Dr." before a capitalised name is a doctor ("11 w/ Dr. Patel"). */
const TITLE_TOO: ReadonlySet<string> = new Set(["dr", "st"]);

/** Patterns over folded text (lower case, no accents); each kept simple for the ReDoS gate. */
const FOLDED: readonly RegExp[] = [
  // "av. 9 de julio 1500", "calle 10", "carrera 7 # 45-10", "suite 200"
  new RegExp(
    `\\b(?:${STREET_BEFORE})\\.? (?:n[o°]\\.? ?)?\\d{1,5}[a-z]?(?: de [a-z]{2,12}| [a-z]{2,12})?(?: ?(?:#|no\\.?|n°) ?\\d{1,5}(?:-\\d{1,5})?| \\d{1,5})?`,
    "g",
  ),
  // ratings
  /\b(?:rated|rating|rating of|stars?|estrellas|calificacion|puntuacion|puntaje) ?(?:of |de )?\d(?:[.,]\d{1,2})?\b/g,
  /\b\d(?:[.,]\d{1,2})? ?(?:stars?|estrellas)(?![a-z0-9])|\b\d[.,]\d{1,2} ?\/ ?(?:5|10)\b/g,
  // counts of people
  /\b\d{1,4} ?(?:people|persons|personas|guests|kids|ninos|adults|adultos|pax)\b/g,
];

/** Business names over the original text, where capitals tell a name: "17 Jewels Salon", "1512 Barber Shop". */
const NAMED = /\b\d{1,5} +[A-Z][\w'&-]*(?: +[A-Z][\w'&-]*)+/g;

/** Every pattern above, for the ReDoS gate (agents/parsing/rules/redos.test.ts). */
export const NOT_TIME_PATTERNS: readonly RegExp[] = [...FOLDED, NAMED];

const TOKEN = /[^ ]+/g;
const CURRENCIES: ReadonlySet<string> = new Set(
  "dollars usd pesos euros eur mxn ars clp cop bucks pounds gbp soles lucas".split(" "),
);

interface Token {
  word: string;
  index: number;
}

function tokensOf(text: NormalizedText): Token[] {
  TOKEN.lastIndex = 0;
  return [...text.folded.matchAll(TOKEN)].map((match) => ({
    word: match[0].replace(/[.,;:!?)]+$/, ""),
    index: match.index,
  }));
}

/** A token of a phone number: digits, brackets, "+", "-" and ".", at least one digit, no ISO date. */
function isPhonePart(word: string): boolean {
  return /^[\d()+.-]+$/.test(word) && /\d/.test(word) && !/^\d{4}-\d{2}-\d{2}$/.test(word);
}

/**
 * Phone numbers (a run of such tokens holding seven digits or more: "408-739-6520", "+34 600 123 456")
 * and prices ("$500", "$35.000", "500 pesos"), token by token.
 */
function phonesAndPrices(tokens: readonly Token[]): [number, number][] {
  const spans: [number, number][] = [];
  for (let at = 0; at < tokens.length; at++) {
    const { word, index } = tokens[at]!;
    if (/^[$€£]\d/.test(word) || (/^\d[\d.,]*$/.test(word) && CURRENCIES.has(tokens[at + 1]?.word ?? ""))) {
      spans.push([index, index + word.length]);
      continue;
    }
    let last = at;
    while (last + 1 < tokens.length && isPhonePart(tokens[last + 1]!.word) && isPhonePart(word)) last++;
    if (!isPhonePart(word)) continue;
    const digits = tokens
      .slice(at, last + 1)
      .reduce((sum, token) => sum + token.word.replace(/\D/g, "").length, 0);
    const separated = last > at || /[()+.-]/.test(word);
    if (digits >= 8 || (digits >= 7 && separated)) {
      spans.push([index, tokens[last]!.index + tokens[last]!.word.length]);
      at = last;
    }
  }
  return spans;
}

/**
 * Street addresses, token by token: a number, up to four words, then a street word. The words between are
 * capitalised ("14475 South Bascom Ave"), ordinals or numbers ("2737 20th Street"), or, in a text written
 * in lower case, up to three words that are no preposition ("1290 san tomas aquino road").
 */
function streetAddresses(text: NormalizedText, tokens: readonly Token[]): [number, number][] {
  const spans: [number, number][] = [];
  for (let at = 0; at < tokens.length; at++) {
    if (!/^\d{1,6}[a-z]?$/.test(tokens[at]!.word)) continue;
    let lower = 0;
    for (let next = at + 1; next < tokens.length && next <= at + 5; next++) {
      const { word, index } = tokens[next]!;
      const following = tokens[next + 1];
      const named =
        TITLE_TOO.has(word) &&
        following !== undefined &&
        /^[A-Z]/.test(text.original[text.offsets[following.index]!]!);
      if (next > at + 1 && STREET_AFTER.has(word) && !named) {
        spans.push([tokens[at]!.index, index + word.length]);
        break;
      }
      if (/^\d/.test(word)) continue;
      const first = text.original[text.offsets[index]!]!;
      if (first !== first.toLowerCase()) continue;
      if (NOT_IN_STREET.has(word) || ++lower > 3) break;
    }
  }
  return spans;
}

/** The spans of the text that are numbers of another kind. */
export function notTimeSpans(text: NormalizedText): [number, number][] {
  const spans: [number, number][] = [];
  for (const pattern of FOLDED) {
    pattern.lastIndex = 0;
    for (const match of text.folded.matchAll(pattern))
      spans.push([match.index, match.index + match[0].length]);
  }
  NAMED.lastIndex = 0;
  for (const match of text.original.matchAll(NAMED)) {
    spans.push([foldedIndex(text, match.index), foldedIndex(text, match.index + match[0].length)]);
  }
  const tokens = tokensOf(text);
  spans.push(...streetAddresses(text, tokens), ...phonesAndPrices(tokens));
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
  return maskSpans(text, notTimeSpans(text));
}
