// Which parts of a location phrase may name a place. "clínica de Polanco" names Polanco, "Brooklyn clinic"
// Brooklyn, "Madrid" itself; "consultorio de Av. Santa Fe" names a street, not the city of Santa Fe.
// Candidates are runs of words without venue nouns ("clínica", "office") or joining words at their edges,
// longest first; when the user capitalised anything, only capitalised runs count.
import { allLocales } from "../../src/locales/index.js";
import { placeKey } from "./place-key.js";

export interface NameCandidate {
  /** The folded name to look up. */
  key: string;
  /**
   * Whether the phrase marks it as a name: it is the whole phrase, or capitalised. A weak candidate
   * (a lower-case part of a lower-case phrase) is only trusted near the user.
   */
  strong: boolean;
}

/** Words that join a name's parts and never end one; only articles may start one ("La Paz"). */
const JOINERS = new Set(allLocales((locale) => locale.fields.place.nameJoiners));
const ARTICLES = new Set(allLocales((locale) => locale.fields.place.nameArticles));
/** Kinds of venue: the phrase's head noun, never the place name. */
const VENUES = new Set(allLocales((locale) => locale.fields.place.venues));
/** Street words: a name right after "Av." or before "Street" is an address, not a town. */
const STREETS_BEFORE = new Set(allLocales((locale) => locale.fields.place.streetsBefore));
const STREETS_AFTER = new Set(allLocales((locale) => locale.fields.place.streetsAfter));

interface Word {
  key: string;
  capitalised: boolean;
}

export function nameCandidates(phrase: string): NameCandidate[] {
  const words: Word[] = phrase
    .split(/[\s,;:()"]+/)
    .map((word) => ({ key: placeKey(word), capitalised: /^\p{Lu}/u.test(word) }))
    .filter((word) => word.key !== "");
  if (words.length === 0) return [];
  const usable = words.map(() => true);
  words.forEach((word, position) => {
    if (VENUES.has(word.key)) usable[position] = false;
    // Everything after a street word is the address; so is a name right before an English street word.
    if (STREETS_BEFORE.has(word.key)) usable.fill(false, position);
    if (STREETS_AFTER.has(word.key) && position > 0) usable.fill(false, 0, position + 1);
  });
  const capitalised = words.some((word) => word.capitalised && !JOINERS.has(word.key));
  // The whole phrase is always worth a look: "Las Palmas de Gran Canaria", "New York".
  const candidates: NameCandidate[] = [{ key: words.map((word) => word.key).join(" "), strong: true }];
  for (let length = words.length - 1; length > 0; length--) {
    // Later spans first: Spanish puts the name last ("sucursal de Providencia").
    for (let start = words.length - length; start >= 0; start--) {
      const span = words.slice(start, start + length);
      const first = span[0]!.key;
      if ((JOINERS.has(first) && !ARTICLES.has(first)) || JOINERS.has(span[length - 1]!.key)) continue;
      if (!usable.slice(start, start + length).every(Boolean)) continue;
      const named = span.every((word) => word.capitalised || JOINERS.has(word.key));
      if (capitalised && !named) continue;
      const key = span.map((word) => word.key).join(" ");
      candidates.push({ key, strong: named });
    }
  }
  return candidates;
}
