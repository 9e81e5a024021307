// Month and weekday words that are names where they stand (rule 24): right after a title ("Dr. Mayo",
// "Dr March", "Dr. Domingo Salas el sábado") or after "with"/"con" ("with April", "almuerzo con domingo el
// sábado"). The temporal engine reads the text with them masked, so "Dr. Domingo Salas el sábado" is
// Saturday, not Sunday; the contact reader takes them as names. A day number right after keeps the date
// ("Dr. May 5", "con mayo 5"), and a title that is also a role ("the doctor Monday at 3") names one only
// before a capitalised surname ("el doctor Domingo Salas").
import type { NormalizedText } from "../../../src/temporal/text.js";
import { isCapitalised, isNeverName } from "./name-words.js";
import { CALENDAR_NAMES, CONTACT_ARTICLES, OCCASIONS, ROLE_TITLES, TITLE, WITH } from "./vocabulary.js";
import { type Word, wordsAfter } from "./words.js";

export function calendarWordsInNames(text: NormalizedText): [number, number][] {
  const spans: [number, number][] = [];
  const caseless = text.original === text.original.toLowerCase();
  // matchAll starts where the pattern's last search stopped: the readers leave it mid-text.
  TITLE.lastIndex = 0;
  WITH.lastIndex = 0;
  const cues = [
    ...[...text.folded.matchAll(TITLE)].map((match) => ({ match, role: ROLE_TITLES.has(match[1]!) })),
    ...[...text.folded.matchAll(WITH)].map((match) => ({ match, role: null })),
  ];
  for (const { match, role } of cues) {
    const words = wordsAfter(text.folded, match.index + match[0].length, 3);
    const inner = innerName(text, caseless, words);
    if (inner !== null) spans.push(inner);
    const [name, next] = words;
    if (name === undefined || !CALENDAR_NAMES.has(name.word) || startsWithDigit(next)) continue;
    const capitalised = isCapitalised(text, name.index);
    const surname = capitalised && !caseless && isSurname(text, next);
    // After "with" (role null), capitals count where the writer uses them; after a role title, see above.
    const isName = role === null ? caseless || capitalised : !role || surname || datedLater(text, name.end);
    if (isName) spans.push([name.index, name.end]);
  }
  // A month or weekday that owns an occasion is a person's name: "june's birthday party".
  POSSESSIVE.lastIndex = 0;
  for (let match = POSSESSIVE.exec(text.folded); match !== null; match = POSSESSIVE.exec(text.folded)) {
    const [next] = wordsAfter(text.folded, match.index + match[0].length, 1);
    if (CALENDAR_NAMES.has(match[1]!) && next !== undefined && OCCASIONS.has(next.word))
      spans.push([match.index, match.index + match[1]!.length]);
  }
  return spans;
}

const POSSESSIVE = /\b([a-z]{3,9})['’]s\b/g;
/** Words of four letters or more (month and weekday names written out) and the alternative conjunctions. */
const LATER_WORDS = /[a-z]{4,}|\b(?:or|o|u)\b/g;

/** The patterns of this file, for the ReDoS gate (redos.test.ts). */
export const NAME_SPAN_PATTERNS: readonly RegExp[] = [POSSESSIVE, LATER_WORDS];

/**
 * A capitalised month or weekday after a capitalised name, when the text names a date later ("profesora
 * Nieves Domingo el lunes"); with no other date it is the date ("Dr Smith Monday at 3").
 */
function innerName(text: NormalizedText, caseless: boolean, words: readonly Word[]): [number, number] | null {
  if (caseless) return null;
  for (let at = 1; at < words.length; at++) {
    const word = words[at]!;
    const previous = words[at - 1]!;
    if (!isSurname(text, previous)) return null;
    if (CALENDAR_NAMES.has(word.word) && isCapitalised(text, word.index) && datedLater(text, word.end))
      return [word.index, word.end];
  }
  return null;
}

/** Conjunctions that offer another date instead ("lunes o martes"): no date named for sure. */
const ALTERNATIVE: ReadonlySet<string> = new Set(["or", "o", "u"]);

/** Whether a month or weekday is named after `from`, not as an alternative: the text's date is that one. */
function datedLater(text: NormalizedText, from: number): boolean {
  const words = text.folded.slice(from).match(LATER_WORDS) ?? [];
  return words.some((word, at) => CALENDAR_NAMES.has(word) && !ALTERNATIVE.has(words[at - 1] ?? ""));
}

function startsWithDigit(word: Word | undefined): boolean {
  return word !== undefined && /^\d/.test(word.word);
}

/** A capitalised word that is no month, weekday or other word that ends a name ("Salas", not "Monday"). */
function isSurname(text: NormalizedText, word: Word | undefined): boolean {
  return (
    word !== undefined &&
    isCapitalised(text, word.index) &&
    !CALENDAR_NAMES.has(word.word) &&
    !CONTACT_ARTICLES.has(word.word) &&
    !isNeverName(word.word)
  );
}
