// The weaker cues of a person (rule 24), read when no title and no "with"/"con" names one: the object of a
// verb that takes a person ("call bill to reschedule", "meet sarah at the gym", "llamar a juan"), and a
// person's occasion ("peter's birthday", "sarahs birthday party", "the birthday of my uncle joe", "el cumple
// de sofi"). A relation is nobody's name ("remind me to call mom"), but a name may follow it ("my uncle joe").
import {
  type ContactReading,
  isCapitalised,
  isNeverName,
  type NameScan,
  nameRun,
  spanOf,
} from "./name-words.js";
import { CONTACT_ARTICLES, OCCASION_OF, OCCASIONS, PERSON_VERB, RELATIONS, VENUES } from "./vocabulary.js";
import { type Word, wordsAfter } from "./words.js";

/**
 * An article, then a relation, then a name: "my uncle joe", "mi amiga sofi"; null without the name. Without
 * the article the relation is no noun of a person ("with these people", "with client happening at ten").
 */
export function relationThenName(scan: NameScan, words: readonly Word[]): ContactReading | null {
  let first = 0;
  while (first < words.length && CONTACT_ARTICLES.has(words[first]!.word)) first++;
  const relation = words[first];
  if (first === 0 || relation === undefined || !RELATIONS.has(relation.word)) return null;
  const names = nameRun(scan, relation.end, !scan.caseless);
  return names.length > 0 ? spanOf(scan.text, names[0]!.index, names) : null;
}

/** The object of "call", "see", "llamar a"…: a name, or a relation and a name. */
export function byVerb(scan: NameScan): ContactReading | null {
  const { folded } = scan.text;
  PERSON_VERB.lastIndex = 0;
  for (let match = PERSON_VERB.exec(folded); match !== null; match = PERSON_VERB.exec(folded)) {
    const words = wordsAfter(folded, match.index + match[0].length, 5);
    const head = words[0];
    if (head === undefined || VENUES.has(head.word)) continue;
    if (CONTACT_ARTICLES.has(head.word) || RELATIONS.has(head.word)) {
      const named = relationThenName(scan, words);
      if (named !== null) return named;
      continue;
    }
    const names = nameRun(scan, head.index - 1, !scan.caseless);
    if (names.length > 0) return spanOf(scan.text, head.index, names);
  }
  return null;
}

const TOKEN = /[a-z][a-z'’-]{0,30}/g;

/** The patterns of this file, for the ReDoS gate (redos.test.ts). */
export const PERSON_CUE_PATTERNS: readonly RegExp[] = [TOKEN];

/** A possessive before any noun ("peter's birthday", "Sam's party"), or before an occasion without its apostrophe ("sarahs birthday"), or a name after an occasion and "of"/"de". */
export function byOccasion(scan: NameScan): ContactReading | null {
  const { folded } = scan.text;
  const tokens: Word[] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(folded); match !== null; match = TOKEN.exec(folded))
    tokens.push({ word: match[0], index: match.index, end: match.index + match[0].length });
  for (let at = 0; at < tokens.length; at++) {
    const { word, index } = tokens[at]!;
    const previous = tokens[at - 1]?.word;
    const next = tokens[at + 1]?.word;
    if (/['’]s$/.test(word)) {
      const name = word.slice(0, -2);
      if (OCCASIONS.has(next ?? "") && isOwner(scan, name, index, previous))
        return spanOf(scan.text, index, [{ word: name, index, end: index + name.length }]);
    } else if (word.length > 3 && word.endsWith("s") && OCCASIONS.has(next ?? "")) {
      if (!RELATIONS.has(word.slice(0, -1)) && isOwner(scan, word, index, previous))
        return spanOf(scan.text, index, [tokens[at]!]);
    } else if (
      OCCASION_OF.has(word) &&
      [previous, tokens[at - 2]?.word].some((item) => OCCASIONS.has(item ?? ""))
    ) {
      const words = wordsAfter(folded, tokens[at]!.end, 5);
      const named = relationThenName(scan, words);
      if (named !== null) return named;
      const head = words[0];
      if (head === undefined || CONTACT_ARTICLES.has(head.word) || RELATIONS.has(head.word)) continue;
      const names = nameRun(scan, head.index - 1, !scan.caseless);
      if (names.length > 0) return spanOf(scan.text, head.index, names);
    }
  }
  return null;
}

/**
 * Whether `word`, before an occasion, is its person: no function, time or calendar word (unless a name
 * there: "june's birthday"), relation or service, not after an article ("the company's anniversary"), and
 * capitalised where the writer capitalises.
 */
function isOwner(scan: NameScan, word: string, index: number, previous: string | undefined) {
  if (word.length < 2 || RELATIONS.has(word) || scan.isTemporalAt(index)) return false;
  if (isNeverName(word) && !scan.isNameAt(index)) return false;
  if (previous !== undefined && CONTACT_ARTICLES.has(previous)) return false;
  return scan.caseless || isCapitalised(scan.text, index);
}
