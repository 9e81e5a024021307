// The words of rules 20, 21 and 27 of every registered language (src/locales/<code>/fields.ts, `choices`),
// compiled once. Readers look at the words right before or after an expression, or between two, so each
// list is a phrase set to look up or a pattern of whole words to scan for.
import { allLocales } from "../../../src/locales/index.js";
import type { ChoiceVocabulary } from "../../../src/locales/locale.js";
import type { NormalizedText } from "../../../src/temporal/text.js";

const list = (key: keyof ChoiceVocabulary) => allLocales((locale) => locale.fields.choices[key]);

/** Whole words or phrases anywhere in folded text, longest first. */
function anywhere(items: readonly string[]): RegExp {
  const alternation = [...new Set(items)]
    .sort((a, b) => b.length - a.length)
    .map((item) => item.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|");
  return new RegExp(`(?<![a-z0-9'])(?:${alternation})(?![a-z0-9'])`, "g");
}

export const WINDOW_AFTER: ReadonlySet<string> = new Set(list("after"));
export const WINDOW_BEFORE: ReadonlySet<string> = new Set(list("before"));
export const WINDOW_AFTER_FOLLOWING: ReadonlySet<string> = new Set(list("afterFollowing"));
export const WINDOW_BEFORE_FOLLOWING: ReadonlySet<string> = new Set(list("beforeFollowing"));
export const NEGATE: ReadonlySet<string> = new Set(list("negate"));
export const NOT_ALTERNATIVE: ReadonlySet<string> = new Set(list("notAlternative"));
/** A phrase list to scan folded text for, with the words its phrases start with. */
export interface PhraseScan {
  readonly pattern: RegExp;
  readonly firstWords: ReadonlySet<string>;
}

function phraseScan(items: readonly string[]): PhraseScan {
  return { pattern: anywhere(items), firstWords: new Set(items.map((item) => item.split(" ")[0]!)) };
}

export const REPLACE = phraseScan(list("replace"));
export const OR = phraseScan(list("or"));
/** The refusals of a value the conversation reader knows ("no puedo", "can't do"), for single texts too. */
export const REFUSE = phraseScan(allLocales((locale) => locale.dialogue.refuseValue));

/**
 * The [start, end) of every phrase of `scan` in the text; a text with none of the words they start with
 * (most texts) is not scanned at all.
 */
export function spansOf(scan: PhraseScan, text: NormalizedText): [number, number][] {
  if (!text.words.some((word) => scan.firstWords.has(word))) return [];
  scan.pattern.lastIndex = 0;
  return [...text.folded.matchAll(scan.pattern)].map((match) => [match.index, match.index + match[0].length]);
}
/** The longest phrase of any list, in words: how far back or ahead a reader needs to look. */
export const LONGEST_PHRASE_WORDS = Math.max(
  ...(["after", "before", "afterFollowing", "beforeFollowing", "negate", "notAlternative"] as const).flatMap(
    (key) => list(key).map((phrase) => phrase.split(" ").length),
  ),
);

const WORD = /[a-z0-9']+/g;

/** The folded text's words before `index`, the nearest last, at most `count`; punctuation stops them. */
export function wordsBefore(folded: string, index: number, count = LONGEST_PHRASE_WORDS): string[] {
  const clause = folded.slice(Math.max(0, index - 60), index);
  const cut = Math.max(clause.lastIndexOf(","), clause.lastIndexOf("."), clause.lastIndexOf(";"));
  return [...clause.slice(cut + 1).matchAll(WORD)].map((match) => match[0]).slice(-count);
}

/** The folded text's words from `index`, at most `count`; punctuation stops them. */
export function wordsFrom(folded: string, index: number, count = LONGEST_PHRASE_WORDS): string[] {
  const clause = folded.slice(index, index + 60).split(/[,.;!?]/)[0] ?? "";
  return [...clause.matchAll(WORD)].map((match) => match[0]).slice(0, count);
}

export const CHOICE_PATTERNS: readonly RegExp[] = [REPLACE.pattern, OR.pattern, REFUSE.pattern, WORD];
