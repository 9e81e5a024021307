// The lookup key of a place name: folded (lower case, no accents) with punctuation turned into spaces, so
// "Donostia / San Sebastián", "Washington, D.C." and "Cancún" meet what users type. Shared by the
// gazetteer build script and the runtime lookup so both sides fold the same way.
import { normalizeText } from "../../src/temporal/text.js";

const PUNCTUATION = /[^\p{L}\p{N}]+/gu;

export function placeKey(name: string): string {
  return normalizeText(name).folded.replace(PUNCTUATION, " ").trim();
}
