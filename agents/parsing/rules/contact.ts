// Contact: the person the appointment is with, as written, with a title if given and without the article
// ("Dr. Pérez", "doctora Sofía Martínez", "Prof. Adams"); a role without a name is the service instead, and a
// role followed by a name gives both ("el psicólogo Andrés Felipe Mora"). Cues in order of strength: a
// title, "with"/"con", a verb whose object is a person ("call bill", "llamar a juan"), then a person's
// occasion ("peter's birthday", "cumple de sofi"; person-cues.ts). Case does not matter (rules 16 and 24).
import { type NormalizedText, originalSlice } from "../../../src/temporal/text.js";
import { type ContactReading, type NameScan, nameRun, nameScan, spanOf } from "./name-words.js";
import { byOccasion, byVerb, relationThenName } from "./person-cues.js";
import { CONTACT_ARTICLES, isServiceWord, RELATIONS, ROLE_TITLES, TITLE, WITH } from "./vocabulary.js";
import { type Word, wordsAfter } from "./words.js";

const NO_CONTACT: ContactReading = { contact: null, role: null, span: null };
/** Texts are at most 2,000 characters; a role cue is looked for among this many words. */
const MAXIMUM_WORDS = 400;

/**
 * `isTemporalAt`: inside a date or time read from the text; `isNameAt`: a month or weekday word that is a
 * name where it stands (name-spans.ts).
 */
export function readContact(
  text: NormalizedText,
  isTemporalAt: (index: number) => boolean,
  isNameAt: (index: number) => boolean = () => false,
): ContactReading {
  const scan = nameScan(text, isTemporalAt, isNameAt);
  return byTitle(scan) ?? byWith(scan) ?? byRole(scan) ?? byVerb(scan) ?? byOccasion(scan) ?? NO_CONTACT;
}

function byTitle(scan: NameScan): ContactReading | null {
  const { folded } = scan.text;
  TITLE.lastIndex = 0;
  for (let match = TITLE.exec(folded); match !== null; match = TITLE.exec(folded)) {
    const names = nameRun(scan, match.index + match[0].length, false);
    if (names.length > 0) return spanOf(scan.text, match.index, names);
    if (ROLE_TITLES.has(match[1]!)) {
      const end = match.index + match[1]!.length;
      return { contact: null, role: originalSlice(scan.text, match.index, end), span: [match.index, end] };
    }
  }
  return null;
}

/** The longest role (a service word, one or two words) starting at `words[at]`, or null. */
function roleAt(words: readonly Word[], at: number): Word | null {
  const head = words[at];
  if (head === undefined) return null;
  const next = words[at + 1];
  if (next !== undefined && isServiceWord(`${head.word} ${next.word}`)) return next;
  return isServiceWord(head.word) ? head : null;
}

/**
 * A role after an article, then its person's name, with no "con"/"with" before it (rule 24: "el psicólogo
 * Andrés Felipe Mora" is service "psicólogo", contact "Andrés Felipe Mora"); the service reader takes the
 * role. Written with capitals, the name must have them ("el dentista mañana" names nobody).
 */
function byRole(scan: NameScan): ContactReading | null {
  const { text, caseless } = scan;
  const words = wordsAfter(text.folded, 0, MAXIMUM_WORDS);
  for (let at = 0; at < words.length - 1; at++) {
    if (!CONTACT_ARTICLES.has(words[at]!.word)) continue;
    const role = roleAt(words, at + 1);
    if (role === null) continue;
    const names = nameRun(scan, role.end, !caseless);
    // Without capitals, only a full name (two words or more) tells a person from a word that follows the
    // role ("the consultation fee").
    if (names.length > (caseless ? 1 : 0)) return spanOf(text, names[0]!.index, names);
  }
  return null;
}

function byWith(scan: NameScan): ContactReading | null {
  const { text, caseless } = scan;
  WITH.lastIndex = 0;
  for (let match = WITH.exec(text.folded); match !== null; match = WITH.exec(text.folded)) {
    const words = wordsAfter(text.folded, match.index + match[0].length, 5);
    let first = 0;
    while (first < words.length && CONTACT_ARTICLES.has(words[first]!.word)) first++;
    const head = words[first];
    if (head === undefined) continue;
    // A role, then perhaps its person's name ("con el psicólogo Andrés Felipe Mora"); the service reader
    // takes the role.
    const role = roleAt(words, first);
    if (role !== null) {
      const names = nameRun(scan, role.end, !caseless);
      if (names.length > 0) return spanOf(text, names[0]!.index, names);
      continue;
    }
    // Written with capitals, a lower-case word after "with" is no name. Without any, after an article or as
    // a relation it names someone by what they are to the user ("with my boss"), unless a name follows
    // ("with my uncle joe").
    if (caseless && (first > 0 || RELATIONS.has(head.word))) {
      const named = relationThenName(scan, words.slice(first));
      if (named !== null) return named;
      continue;
    }
    const names = nameRun(scan, head.index - 1, !caseless);
    if (names.length > 0) return spanOf(text, head.index, names);
  }
  return null;
}
