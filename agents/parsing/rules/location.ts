// Location: the place phrase without its preposition or leading article ("clínica de Polanco",
// "Brooklyn clinic", "Madrid"), or the street address the text gives (rule 23: "Av. 9 de Julio 1500",
// "22 Baker Street"). A phrase that is a date or time ("en la tarde", "in 3 days"), a service ("at the
// dentist") or a word that is never a place ("in my calendar", "in advance") is not one. "to" and "a"
// introduce none: "to go", "a ver", and before a person as often as a place ("avisale a Rosario").
import { type NormalizedText, originalSlice } from "../../../src/temporal/text.js";
import type { NotTime } from "./not-times.js";
import {
  isServiceWord,
  NOT_BEFORE_PLACE,
  NOT_PLACES,
  PLACE_ARTICLES,
  PLACE_JOINERS,
  PLACE_PREPOSITION,
  STOPWORDS,
} from "./vocabulary.js";
import { wordsAfter } from "./words.js";

export interface LocationReading {
  location: string;
  span: [number, number];
}

const WORD = /[a-z][a-z'-]*/g;
/** What may stand between a place phrase and the address that continues it ("Clínica Sur, Av. X 12"). */
const JOINS_ADDRESS = /^[ ,]*(?:(?:on|en|at|in) )?$/;

export const LOCATION_PATTERNS: readonly RegExp[] = [WORD, JOINS_ADDRESS];

export function readLocation(
  text: NormalizedText,
  excluded: (index: number) => boolean,
  numbers: readonly NotTime[] = [],
): LocationReading | null {
  const addresses = addressRuns(text.folded, numbers);
  PLACE_PREPOSITION.lastIndex = 0;
  for (const match of text.folded.matchAll(PLACE_PREPOSITION)) {
    if (excluded(match.index) || NOT_BEFORE_PLACE.has(wordBefore(text.folded, match.index))) continue;
    const after = match.index + match[0].length;
    const words = wordsAfter(text.folded, after, 7);
    let first = 0;
    while (first < words.length && PLACE_ARTICLES.has(words[first]!.word)) first++;
    const from = first === 0 ? after : words[first - 1]!.end;
    const address = addresses.find(([start]) => start >= from && /^ ?$/.test(text.folded.slice(from, start)));
    if (address) return reading(text, address[0], address[1]);
    const place = [];
    for (const word of words.slice(first)) {
      if (excluded(word.index)) break;
      if (STOPWORDS.has(word.word) && !PLACE_JOINERS.has(word.word)) break;
      place.push(word);
    }
    while (place.length > 0 && PLACE_JOINERS.has(place[place.length - 1]!.word)) place.pop();
    if (place.length === 0 || /^\d/.test(place[0]!.word) || NOT_PLACES.has(place[0]!.word)) continue;
    const phrase = place.map((word) => word.word).join(" ");
    if (isServiceWord(phrase)) continue;
    const start = place[0]!.index;
    const end = place[place.length - 1]!.end;
    // An address right after the place continues it: "la clínica de Polanco, Av. Horacio 123".
    const next = addresses.find(([at]) => at >= end && JOINS_ADDRESS.test(text.folded.slice(end, at)));
    return reading(text, start, next?.[1] ?? end);
  }
  const address = addresses[0];
  return address ? reading(text, address[0], address[1]) : null;
}

function reading(text: NormalizedText, start: number, end: number): LocationReading {
  return { location: originalSlice(text, start, end), span: [start, end] };
}

function wordBefore(folded: string, index: number): string {
  const words = folded.slice(Math.max(0, index - 20), index).match(WORD);
  return words?.[words.length - 1] ?? "";
}

/**
 * The addresses and business names of the text, those next to one another joined ("unit 12, 40 King St"),
 * in text order.
 */
function addressRuns(folded: string, numbers: readonly NotTime[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const { kind, from, to } of numbers) {
    if (kind !== "address" && kind !== "business") continue;
    const last = runs[runs.length - 1];
    if (last !== undefined && from <= last[1] + 2 && /^[ ,]*$/.test(folded.slice(last[1], from))) {
      last[1] = Math.max(last[1], to);
    } else if (last === undefined || from >= last[1]) {
      runs.push([from, to]);
    }
  }
  return runs;
}
