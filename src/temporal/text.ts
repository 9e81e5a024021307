// Normalised text for matching: lower case, no diacritics, whitespace runs collapsed to one space and
// invisible characters dropped, with a map back to the original so spans keep the user's own writing.
// Patterns then need no `\s+`, which keeps them linear (recheck rejects `\s+x` as polynomial).
export interface NormalizedText {
  readonly original: string;
  readonly folded: string;
  /** offsets[i] is the index in `original` of folded[i]; offsets[folded.length] is original.length. */
  readonly offsets: readonly number[];
  /**
   * The folded text's words: maximal runs of a-z letters and apostrophes ("o'clock"). Split on first use and
   * kept: the language scores and the parser gates of one request read the same words.
   */
  readonly words: readonly string[];
}

const cache = new Map<string, string>();
const INVISIBLE = /[\u200b-\u200f\u2060-\u2064\ufeff\u00ad]/;

function foldCharacter(character: string): string {
  let folded = cache.get(character);
  if (folded === undefined) {
    const base = character.normalize("NFD").charAt(0).toLowerCase();
    folded = base.length === 1 ? base : character;
    if (cache.size < 4096) cache.set(character, folded);
  }
  return folded;
}

function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x3000 ||
    (code >= 0x2000 && code <= 0x200a)
  );
}

/** One request's text is normalised once, where the request is read, and the result passed to every reader. */
export function normalizeText(original: string): NormalizedText {
  let folded = "";
  const offsets: number[] = [];
  let previousSpace = true;
  // Runs of characters that fold to themselves (lower-case ASCII, single spaces) are copied as one slice.
  let runFrom = -1;
  for (let index = 0; index < original.length; index++) {
    const code = original.charCodeAt(index);
    const space = isSpace(code);
    const kept = space ? !previousSpace : code < 128 || !INVISIBLE.test(original[index]!);
    const same = space ? code === 32 : code < 128 && (code < 65 || code > 90);
    if (runFrom !== -1 && !(kept && same)) {
      folded += original.slice(runFrom, index);
      runFrom = -1;
    }
    if (kept) {
      if (same) {
        if (runFrom === -1) runFrom = index;
      } else if (space) {
        folded += " ";
      } else {
        folded += code < 128 ? String.fromCharCode(code + 32) : foldCharacter(original[index]!);
      }
      offsets.push(index);
    }
    if (space || kept) previousSpace = space;
  }
  if (runFrom !== -1) folded += original.slice(runFrom);
  if (folded.endsWith(" ")) {
    folded = folded.slice(0, -1);
    offsets.pop();
  }
  offsets.push(original.length);
  return new Normalized(original, folded, offsets);
}

const WORD_RUN = /[a-z']+/g;

class Normalized implements NormalizedText {
  #words: readonly string[] | undefined;

  constructor(
    readonly original: string,
    readonly folded: string,
    readonly offsets: readonly number[],
  ) {}

  get words(): readonly string[] {
    this.#words ??= this.folded.match(WORD_RUN) ?? [];
    return this.#words;
  }
}

/** The original text under a span of the folded text. */
export function originalSlice(text: NormalizedText, start: number, end: number): string {
  if (end <= start) return "";
  const from = text.offsets[start]!;
  const to = text.offsets[end - 1]! + 1;
  return text.original.slice(from, to);
}

export const TEXT_PATTERNS: readonly RegExp[] = [INVISIBLE, WORD_RUN];

/**
 * The text with the spans masked out ("#"), offsets unchanged: a reader that must not see them (the temporal
 * engine, beside names such as "Dr. Domingo") reads this, the others the text itself.
 */
export function maskSpans(text: NormalizedText, spans: readonly [number, number][]): NormalizedText {
  if (spans.length === 0) return text;
  let masked = text.folded;
  for (const [from, to] of spans) masked = masked.slice(0, from) + "#".repeat(to - from) + masked.slice(to);
  let words: readonly string[] | undefined;
  return {
    original: text.original,
    folded: masked,
    offsets: text.offsets,
    get words() {
      words ??= masked.match(WORD_RUN) ?? [];
      return words;
    },
  };
}
