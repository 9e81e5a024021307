// Walking the words that follow a position in folded text, for names and place phrases.
export interface Word {
  word: string;
  index: number;
  end: number;
}

const NEXT_WORD = / ?([a-z0-9][a-z0-9'-]{0,30})(?![a-z0-9'-])/y;

/** Consecutive words from `from`, separated by single spaces; stops at punctuation or after `limit`. */
export function wordsAfter(folded: string, from: number, limit: number): Word[] {
  const words: Word[] = [];
  let position = from;
  while (words.length < limit) {
    NEXT_WORD.lastIndex = position;
    const match = NEXT_WORD.exec(folded);
    if (match === null) break;
    const word = match[1]!;
    words.push({
      word,
      index: match.index + match[0].length - word.length,
      end: match.index + match[0].length,
    });
    position = NEXT_WORD.lastIndex;
    // A period right after a word ends the run unless it is an abbreviation's ("Dr.").
    if (folded[position] === "." && word.length > 3) break;
    if (folded[position] === ".") position++;
  }
  return words;
}

export const WORD_PATTERNS: readonly RegExp[] = [NEXT_WORD];
