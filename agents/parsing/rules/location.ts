// Location: the place phrase without its preposition or leading article ("clínica de Polanco",
// "Brooklyn clinic", "Madrid"). A phrase that is a date or time ("en la tarde", "in 3 days") or a service
// ("at the dentist") is not a place.
import { type NormalizedText, originalSlice } from "../../../src/temporal/text.js";
import { isServiceWord, PLACE_ARTICLES, PLACE_JOINERS, PLACE_PREPOSITION, STOPWORDS } from "./vocabulary.js";
import { wordsAfter } from "./words.js";

export function readLocation(
  text: NormalizedText,
  excluded: (index: number) => boolean,
): { location: string; span: [number, number] } | null {
  PLACE_PREPOSITION.lastIndex = 0;
  for (
    let match = PLACE_PREPOSITION.exec(text.folded);
    match !== null;
    match = PLACE_PREPOSITION.exec(text.folded)
  ) {
    if (excluded(match.index)) continue;
    const words = wordsAfter(text.folded, match.index + match[0].length, 7);
    let first = 0;
    while (first < words.length && PLACE_ARTICLES.has(words[first]!.word)) first++;
    const place = [];
    for (const word of words.slice(first)) {
      if (excluded(word.index)) break;
      if (STOPWORDS.has(word.word) && !PLACE_JOINERS.has(word.word)) break;
      place.push(word);
    }
    while (place.length > 0 && PLACE_JOINERS.has(place[place.length - 1]!.word)) place.pop();
    if (place.length === 0 || /^\d/.test(place[0]!.word)) continue;
    const phrase = place.map((word) => word.word).join(" ");
    if (isServiceWord(phrase)) continue;
    const start = place[0]!.index;
    const end = place[place.length - 1]!.end;
    return { location: originalSlice(text, start, end), span: [start, end] };
  }
  return null;
}
