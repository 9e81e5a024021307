// Normalised text for matching: lower case, no diacritics, whitespace runs collapsed to one space and
// invisible characters dropped, with a map back to the original so spans keep the user's own writing.
// Patterns then need no `\s+`, which keeps them linear (recheck rejects `\s+x` as polynomial).
export interface NormalizedText {
  original: string;
  folded: string;
  /** offsets[i] is the index in `original` of folded[i]; offsets[folded.length] is original.length. */
  offsets: number[];
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

export function normalizeText(original: string): NormalizedText {
  let folded = "";
  const offsets: number[] = [];
  let previousSpace = true;
  for (let index = 0; index < original.length; index++) {
    const code = original.charCodeAt(index);
    if (isSpace(code)) {
      if (!previousSpace) {
        folded += " ";
        offsets.push(index);
      }
      previousSpace = true;
      continue;
    }
    const character = original[index]!;
    if (code >= 128 && INVISIBLE.test(character)) continue;
    previousSpace = false;
    folded +=
      code < 128
        ? code >= 65 && code <= 90
          ? String.fromCharCode(code + 32)
          : character
        : foldCharacter(character);
    offsets.push(index);
  }
  if (folded.endsWith(" ")) {
    folded = folded.slice(0, -1);
    offsets.pop();
  }
  offsets.push(original.length);
  return { original, folded, offsets };
}

/** The original text under a span of the folded text. */
export function originalSlice(text: NormalizedText, start: number, end: number): string {
  if (end <= start) return "";
  const from = text.offsets[start]!;
  const to = text.offsets[end - 1]! + 1;
  return text.original.slice(from, to);
}

export const TEXT_PATTERNS: readonly RegExp[] = [INVISIBLE];
