// Contact: the person the appointment is with, as written, with a title if given and without the article
// ("Dr. Pérez", "doctora Sofía Martínez", "Prof. Adams"); a role without a name is the service instead.
import { type NormalizedText, originalSlice } from "../../../src/temporal/text.js";
import {
  CONTACT_ARTICLES,
  isServiceWord,
  RELATIONS,
  ROLE_TITLES,
  STOPWORDS,
  TITLE,
  WITH,
} from "./vocabulary.js";
import { wordsAfter } from "./words.js";

export interface ContactReading {
  contact: string | null;
  /** A role named where a person would be ("con el dentista"). */
  role: string | null;
  span: [number, number] | null;
}

export function readContact(text: NormalizedText, isTemporalAt: (index: number) => boolean): ContactReading {
  TITLE.lastIndex = 0;
  for (let match = TITLE.exec(text.folded); match !== null; match = TITLE.exec(text.folded)) {
    const names = nameWords(text, match.index + match[0].length, isTemporalAt, false);
    if (names.length > 0) {
      const end = names[names.length - 1]!.end;
      return { contact: originalSlice(text, match.index, end), role: null, span: [match.index, end] };
    }
    if (ROLE_TITLES.has(match[1]!)) {
      const end = match.index + match[1]!.length;
      return { contact: null, role: originalSlice(text, match.index, end), span: [match.index, end] };
    }
  }
  WITH.lastIndex = 0;
  for (let match = WITH.exec(text.folded); match !== null; match = WITH.exec(text.folded)) {
    const after = match.index + match[0].length;
    const words = wordsAfter(text.folded, after, 4);
    let first = 0;
    while (first < words.length && CONTACT_ARTICLES.has(words[first]!.word)) first++;
    const head = words[first];
    if (head === undefined) continue;
    const twoWords = words[first + 1] ? `${head.word} ${words[first + 1]!.word}` : "";
    if (isServiceWord(twoWords) || isServiceWord(head.word)) continue; // a role: the service reader takes it
    // Rule 24: case does not matter where the writer uses none ("set a meeting with john"); written with
    // capitals, a lower-case word after "with" is no name. After an article it is a relation ("with my boss").
    const caseless = text.original === text.original.toLowerCase();
    if (caseless && (first > 0 || RELATIONS.has(head.word))) continue;
    const names = nameWords(text, head.index - 1, isTemporalAt, !caseless);
    if (names.length > 0) {
      const end = names[names.length - 1]!.end;
      return { contact: originalSlice(text, head.index, end), role: null, span: [head.index, end] };
    }
  }
  return { contact: null, role: null, span: null };
}

/**
 * Up to three name words; without a title they must be capitalised in the original text, and after a
 * capitalised first name a lower-case word ends the name ("Dr Doyle instead", "Dra. Osorio si se puede"),
 * while a name written all in lower case ("dr perez gomez") runs on. A possessive "'s" is not the name's.
 */
function nameWords(
  text: NormalizedText,
  from: number,
  isTemporalAt: (index: number) => boolean,
  needCapital: boolean,
) {
  const names: { word: string; index: number; end: number }[] = [];
  let capitalised = false;
  for (const word of wordsAfter(text.folded, from, 3)) {
    if (
      STOPWORDS.has(word.word) ||
      /\d/.test(word.word) ||
      isTemporalAt(word.index) ||
      isServiceWord(word.word)
    )
      break;
    const first = text.original[text.offsets[word.index]!]!;
    const lower = first === first.toLowerCase();
    if ((needCapital || capitalised) && lower) break;
    if (names.length === 0) capitalised = !lower;
    if (word.word.endsWith("'s")) {
      names.push({ ...word, end: word.end - 2 });
      break;
    }
    names.push(word);
  }
  return names;
}
