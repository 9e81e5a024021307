// Street addresses and business names with a number (conventions, rule 23): "Av. 9 de Julio 1500",
// "calle Alcalá 45", "carrera 7 # 45-10", "22 Baker Street", "5th Ave", "suite 200", "1512 Barber Shop".
// Their numbers are never dates or times, and an address is the appointment's location. Found token by
// token where a pattern would have to guess how many words a street's name has.
import type { NormalizedText } from "../../../src/temporal/text.js";
import type { Token } from "./tokens.js";

export type Span = [number, number];

/** Street words after the street's name ("South Bascom Ave", "20th Street") and before a number ("calle 10"). */
const STREET_AFTER: ReadonlySet<string> = new Set(
  `st street ave avenue av blvd boulevard rd road dr drive way lane ln ct court pl place pkwy parkway hwy highway
  plaza square sq terrace circle cir expressway real alameda suite ste`.split(/\s+/),
);
/** After an ordinal ("5th Ave", "42nd St") only words that cannot end a ranking ("5th place"). */
const STREET_AFTER_ORDINAL: ReadonlySet<string> = new Set(
  "st street ave avenue av blvd boulevard rd road pkwy parkway hwy highway lane ln terrace".split(" "),
);
/** Words before a number that says which door, floor or room ("suite 200", "depto 4B", "calle 10"). */
const NUMBERED_BEFORE =
  "av|avda|avenida|calle|carrera|cra|cll|diagonal|transversal|pasaje|jiron|jr|suite|ste|apt|apto|piso|depto|dpto|local|oficina|office|room|unit|ruta|km";
/** Street words before a street's name that a door number follows ("calle Alcalá 45", "av corrientes 1234"). */
const NAMED_BEFORE: ReadonlySet<string> = new Set(
  "av avda avenida calle carrera cra cll diagonal transversal pasaje jiron jr paseo camino calzada bulevar ronda".split(
    " ",
  ),
);
/** Words a street's name does not hold: "at 3 on main street" keeps its time. */
const NOT_IN_STREET: ReadonlySet<string> = new Set(
  "on at in by to en a de la el the pm am for with w/ @ con".split(" "),
);
/** Joining words inside a Spanish street's name ("Jr. de la Unión 456"), never its last word. */
const STREET_JOINERS: ReadonlySet<string> = new Set("de del la las los el y".split(" "));
/** Street words that are also titles: "Dr." before a capitalised name is a doctor ("11 w/ Dr. Patel"). */
const TITLE_TOO: ReadonlySet<string> = new Set(["dr", "st"]);
/** Kinds of business a lower-case name with a number ends in ("1512 barber shop"). */
const BUSINESSES: ReadonlySet<string> = new Set(
  `shop store salon cafe bar grill diner bakery pizza pizzeria studio gym spa clinic barbershop boutique market
  peluqueria barberia tienda`.split(/\s+/),
);

/** "av. 9 de julio 1500", "calle 10", "carrera 7 # 45-10", "suite 200": kept simple for the ReDoS gate. */
export const NUMBERED = new RegExp(
  `\\b(?:${NUMBERED_BEFORE})\\.? (?:n[o°]\\.? ?)?\\d{1,5}[a-z]?(?: de [a-z]{2,12}| [a-z]{2,12})?(?: ?(?:#|no\\.?|n°) ?\\d{1,5}(?:-\\d{1,5})?| \\d{1,5})?`,
  "g",
);
/** Business names over the original text, where capitals tell a name: "17 Jewels Salon", "1512 Barber Shop". */
export const NAMED = /\b\d{1,5} +[A-Z][\w'&-]*(?: +[A-Z][\w'&-]*)+/g;

/** The last word of a numbered match, when it is a word: "calle 10 norte", "suite 200 tmrw". */
const TRAILING_WORD = / ([a-z]+)$/;
/** Any lower-case letter: a text without one is written in capitals, which then tell no name. */
const LOWER_CASE = /\p{Ll}/u;
export const ADDRESS_PATTERNS: readonly RegExp[] = [NUMBERED, NAMED, TRAILING_WORD, LOWER_CASE];

/**
 * Words right after an hour that start no business name: clock words ("10 AM", "15 HS") and prepositions
 * ("3 With Dr Lee", "3 Con El Dentista"). An article may start one ("128 El Cerrito Plz").
 */
const NOT_NAME_START: ReadonlySet<string> = new Set(
  "am pm a p hs h hrs hours horas oclock with w con para for at en in on por".split(" "),
);

const DOOR = /^\d{1,6}[a-z]?$/;
const ORDINAL = /^\d{1,3}(?:st|nd|rd|th)$/;

function capitalised(text: NormalizedText, token: Token): boolean {
  const first = text.original[text.offsets[token.index]!]!;
  return first !== first.toLowerCase();
}

const end = (token: Token) => token.index + token.word.length;

/**
 * A number, up to four words, then a street word ("14475 South Bascom Ave", "2737 20th Street", "1290 san
 * tomas aquino road"), or an ordinal right before one ("5th Ave"). The words between are capitalised,
 * ordinals or numbers, or in lower case up to three words that are no preposition.
 */
function numberFirst(text: NormalizedText, tokens: readonly Token[]): Span[] {
  const spans: Span[] = [];
  for (let at = 0; at < tokens.length; at++) {
    const word = tokens[at]!.word;
    if (ORDINAL.test(word) && STREET_AFTER_ORDINAL.has(tokens[at + 1]?.word ?? "")) {
      spans.push([tokens[at]!.index, end(tokens[at + 1]!)]);
      continue;
    }
    if (!DOOR.test(word)) continue;
    let lower = 0;
    for (let next = at + 1; next < tokens.length && next <= at + 5; next++) {
      const token = tokens[next]!;
      const following = tokens[next + 1];
      const title = TITLE_TOO.has(token.word) && following !== undefined && capitalised(text, following);
      if (next > at + 1 && STREET_AFTER.has(token.word) && !title) {
        spans.push([tokens[at]!.index, end(token)]);
        break;
      }
      if (/^\d/.test(token.word) || capitalised(text, token)) continue;
      if (NOT_IN_STREET.has(token.word) || ++lower > 3) break;
    }
  }
  return spans;
}

/**
 * A Spanish street word, its name (one to four words, no time words) and the door number: "calle Alcalá 45",
 * "av corrientes 1234", "jr. de la unión 456".
 */
function streetFirst(tokens: readonly Token[], stopwords: ReadonlySet<string>): Span[] {
  const spans: Span[] = [];
  for (let at = 0; at < tokens.length; at++) {
    if (!NAMED_BEFORE.has(tokens[at]!.word)) continue;
    let named = false;
    for (let next = at + 1; next < tokens.length && next <= at + 5; next++) {
      const { word } = tokens[next]!;
      if (DOOR.test(word)) {
        if (named && !STREET_JOINERS.has(tokens[next - 1]!.word)) {
          spans.push([tokens[at]!.index, end(tokens[next]!)]);
        }
        break;
      }
      const joiner = STREET_JOINERS.has(word);
      if (!/^[a-z]/.test(word) || (!joiner && stopwords.has(word))) break;
      named ||= !joiner;
    }
  }
  return spans;
}

/** A number of three digits or more, up to two words and a kind of business: "1512 barber shop". */
function businesses(tokens: readonly Token[], stopwords: ReadonlySet<string>): Span[] {
  const spans: Span[] = [];
  for (let at = 0; at < tokens.length; at++) {
    if (!/^\d{3,5}$/.test(tokens[at]!.word)) continue;
    for (let next = at + 1; next < tokens.length && next <= at + 3; next++) {
      const { word } = tokens[next]!;
      if (next > at + 1 && BUSINESSES.has(word)) {
        spans.push([tokens[at]!.index, end(tokens[next]!)]);
        break;
      }
      if (!/^[a-z]/.test(word) || stopwords.has(word)) break;
    }
  }
  return spans;
}

/** Street addresses: the spans of the folded text that are one. */
export function addressSpans(
  text: NormalizedText,
  tokens: readonly Token[],
  stopwords: ReadonlySet<string>,
): Span[] {
  const spans: Span[] = [];
  NUMBERED.lastIndex = 0;
  for (const match of text.folded.matchAll(NUMBERED)) {
    // A word after the number is the street's ("calle 10 norte"), not a time word ("suite 200 tmrw").
    const last = TRAILING_WORD.exec(match[0]);
    const cut = last !== null && !match[0].endsWith(` de ${last[1]}`) && stopwords.has(last[1]!);
    spans.push([match.index, match.index + match[0].length - (cut ? last[0].length : 0)]);
  }
  return [...spans, ...numberFirst(text, tokens), ...streetFirst(tokens, stopwords)];
}

/** Business names with a number: capitalised ones over the original text, lower-case ones token by token. */
export function businessSpans(
  text: NormalizedText,
  tokens: readonly Token[],
  stopwords: ReadonlySet<string>,
  foldedIndex: (original: number) => number,
): Span[] {
  const spans: Span[] = [];
  // In a text written in capitals, capitals tell no name: "A LAS 3 CON EL DENTISTA" (rule 16).
  const cased = LOWER_CASE.test(text.original);
  NAMED.lastIndex = 0;
  for (const match of cased ? text.original.matchAll(NAMED) : []) {
    const from = foldedIndex(match.index);
    // "10 AM EST", "3 PM Friday", "3 With Dr Lee": an hour, then a clock word or a preposition.
    const after = /^\d+ ([a-z]+)/.exec(text.folded.slice(from))?.[1] ?? "";
    if (!NOT_NAME_START.has(after)) spans.push([from, foldedIndex(match.index + match[0].length)]);
  }
  return [...spans, ...businesses(tokens, stopwords)];
}
