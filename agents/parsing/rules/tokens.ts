// The space-separated tokens of folded text with trailing punctuation dropped ("st.", "1500,"): what the
// token scanners of rule 23 walk (addresses.ts, not-times.ts).
import type { NormalizedText } from "../../../src/temporal/text.js";

export interface Token {
  word: string;
  index: number;
}

const TOKEN = /[^ ]+/g;

export function tokensOf(text: NormalizedText): Token[] {
  TOKEN.lastIndex = 0;
  return [...text.folded.matchAll(TOKEN)].map((match) => ({
    word: match[0].replace(/[.,;:!?)]+$/, ""),
    index: match.index,
  }));
}
