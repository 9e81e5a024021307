// Dialect cues (conventions, rule 25): the words that tell where a writer is from when the request gives
// neither a zone nor a locale region. Voseo ("podés", "tenés"), "turno" and "15 hs" are Rioplatense;
// "ahorita" and "cita" Mexican; "vale" and "vosotros" from Spain; "arvo" Australian. Each cue counts for
// the countries its locale lists; a place found in several countries is then the one in the country with
// the most cues.
import { allLocales } from "../../src/locales/index.js";

/** Cue phrase (folded) → the countries it points to. */
const CUES = new Map<string, string[]>();
for (const dialects of allLocales((locale) => [locale.fields.dialects])) {
  for (const [country, phrases] of Object.entries(dialects)) {
    for (const phrase of phrases) CUES.set(phrase, [...(CUES.get(phrase) ?? []), country]);
  }
}
/** The longest cue, in words ("do the needful"). */
const LONGEST = Math.max(...[...CUES.keys()].map((phrase) => phrase.split(" ").length));

/** How many cues of each country the words hold (folded words, in order). */
export function dialectCountries(words: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (let at = 0; at < words.length; at++) {
    for (let length = 1; length <= LONGEST && at + length <= words.length; length++) {
      for (const country of CUES.get(words.slice(at, at + length).join(" ")) ?? []) {
        counts.set(country, (counts.get(country) ?? 0) + 1);
      }
    }
  }
  return counts;
}
