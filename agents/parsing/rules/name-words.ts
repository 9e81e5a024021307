// Which words may be a person's name (rule 24), and the run of name words after a cue ("Dr.", "with",
// "call"). Where the writer uses capitals, case tells a name; in a text written without any, what a word is
// not (a function or time word, a service, a part of a calendar entry, a number) and where it stands decide.
import { type NormalizedText, originalSlice } from "../../../src/temporal/text.js";
import { CALENDAR_NOUNS, isServiceWord, STOPWORDS } from "./vocabulary.js";
import { type Word, wordsAfter } from "./words.js";

export interface ContactReading {
  contact: string | null;
  /** A role named where a person would be ("con el dentista"). */
  role: string | null;
  span: [number, number] | null;
}

/** One text as the name readers see it. */
export interface NameScan {
  text: NormalizedText;
  /** Written without any capital: case tells nothing (rule 16). */
  caseless: boolean;
  /** Capitals used as in a sentence, not on every word ("Meeting With Dr Smith On Monday"). */
  sentenceCase: boolean;
  /** Inside a date or time expression read from the text. */
  isTemporalAt(index: number): boolean;
  /** A month or weekday word that is a name where it stands ("Dr. Mayo", "with April"): see name-spans.ts. */
  isNameAt(index: number): boolean;
}

export function nameScan(
  text: NormalizedText,
  isTemporalAt: (index: number) => boolean,
  isNameAt: (index: number) => boolean,
): NameScan {
  const caseless = text.original === text.original.toLowerCase();
  // A lower-case word of three letters or more shows the writer capitalises only where it matters.
  const sentenceCase = !caseless && LOWER_CASE_WORD.test(text.original);
  return { text, caseless, sentenceCase, isTemporalAt, isNameAt };
}

const LOWER_CASE_WORD = /(?:^|[^\p{L}])\p{Ll}{3}/u;
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** The patterns above, for the ReDoS gate (redos.test.ts). */
export const NAME_WORD_PATTERNS: readonly RegExp[] = [LOWER_CASE_WORD, LINE_BREAK];

/** Whether the folded text's word at `index` starts with a capital in the original. */
export function isCapitalised(text: NormalizedText, index: number): boolean {
  const first = text.original[text.offsets[index]!]!;
  return first !== first.toLowerCase();
}

/** Words that are never a name by themselves: function and time words, numbers, services, calendar parts. */
export function isNeverName(word: string): boolean {
  return STOPWORDS.has(word) || /\d/.test(word) || isServiceWord(word) || CALENDAR_NOUNS.has(word);
}

/**
 * Up to three name words from `from`. With `needCapital` (a text with capitals, no title before) they must
 * be capitalised; after a capitalised first word a lower-case one ends the name ("Dr Doyle instead"), while a
 * name written all in lower case ("dr perez gomez") runs on. Inside a capitalised name, in a text written in
 * sentence case, a capitalised word that ends names elsewhere is the name's ("Mrs Rose Day"). A possessive
 * "'s" is not the name's. Initials alone ("doctor k.") are no name. A name never runs past a line break.
 */
export function nameRun(scan: NameScan, from: number, needCapital: boolean): Word[] {
  const { text } = scan;
  const names: Word[] = [];
  let capitalised = false;
  for (const word of wordsAfter(text.folded, from, 3)) {
    // A name stops at a line break: the next line is another thought ("Ana Pérez\nalergia a…").
    const last = names.at(-1);
    if (last !== undefined && LINE_BREAK.test(originalSlice(text, last.end, word.index))) break;
    const upper = isCapitalised(text, word.index);
    if (!scan.isNameAt(word.index)) {
      if (scan.isTemporalAt(word.index) || /\d/.test(word.word)) break;
      const inside = capitalised && upper && scan.sentenceCase && !isServiceWord(word.word);
      if (!inside && isNeverName(word.word)) break;
      if ((needCapital || capitalised) && !upper) break;
    }
    if (names.length === 0) capitalised = upper;
    if (word.word.endsWith("'s")) {
      names.push({ ...word, end: word.end - 2 });
      break;
    }
    names.push(word);
  }
  return names.every((name) => name.end - name.index === 1) ? [] : names;
}

/** The contact as written, from a cue's first word (a title) to the last name word. */
export function spanOf(text: NormalizedText, from: number, names: readonly Word[]): ContactReading {
  const end = names[names.length - 1]!.end;
  return { contact: originalSlice(text, from, end), role: null, span: [from, end] };
}
