// From a span of the folded text the rules read back to the text the client sent, in code points: the
// folded text maps to the trimmed text (NormalizedText.offsets), the trimmed text sits inside the cleaned
// one (the edge removes invisible characters and puts the text in NFC, clean-text.ts), and the cleaned text
// maps to the sent one. Offsets count code points, as Duckling's do, so an emoji before a span counts one.
import { cleanText } from "../http/schemas/clean-text.js";
import type { NormalizedText } from "../temporal/text.js";

/** A span of the sent text: code-point offsets, `end` exclusive, and the text under it. */
export interface SentSpan {
  start: number;
  end: number;
  text: string;
}

/** Maps spans of one message's folded text to its sent text. */
export interface SentText {
  span(from: number, to: number): SentSpan;
}

const MARK = /^\p{M}$/u;

/**
 * For each UTF-16 index of the cleaned text, the sent text's index where its character starts (`starts`)
 * and ends (`ends`): a character NFC composed from several ("e" + U+0301) covers all of them, and an
 * invisible character the edge removed falls between two. Null when the cleaning cannot be retraced
 * character by character (then the cleaned text stands for the sent one).
 */
function retrace(sent: string, cleaned: string): { starts: number[]; ends: number[] } | null {
  const starts: number[] = [];
  const ends: number[] = [];
  let built = "";
  let at = 0;
  while (at < sent.length) {
    const from = at;
    let segment = String.fromCodePoint(sent.codePointAt(at)!);
    at += segment.length;
    // A base character with the marks that follow it composes as one.
    while (at < sent.length && MARK.test(String.fromCodePoint(sent.codePointAt(at)!))) {
      const mark = String.fromCodePoint(sent.codePointAt(at)!);
      segment += mark;
      at += mark.length;
    }
    const clean = cleanText(segment);
    for (let unit = 0; unit < clean.length; unit++) {
      starts.push(from);
      ends.push(at);
    }
    built += clean;
  }
  return built === cleaned ? { starts, ends } : null;
}

function codePointsBefore(text: string, index: number): number {
  let count = 0;
  for (let unit = 0; unit < index; unit++) {
    const code = text.charCodeAt(unit);
    // A low surrogate after its high one is the same code point.
    if (!(code >= 0xdc00 && code <= 0xdfff && unit > 0 && isHigh(text.charCodeAt(unit - 1)))) count++;
  }
  return count;
}

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * `read` is the message as the readers took it (normalised from the cleaned text, trimmed); `sent` is what
 * the client sent, when known, else the cleaned text is taken for it.
 */
export function sentText(read: NormalizedText, cleaned: string, sent: string = cleaned): SentText {
  const leading = cleaned.length - cleaned.trimStart().length;
  const map = sent === cleaned ? null : retrace(sent, cleaned);
  const original = map === null ? cleaned : sent;
  return {
    span(from, to) {
      let start = read.offsets[from]! + leading;
      let end = read.offsets[to - 1]! + 1 + leading;
      if (map !== null) {
        start = map.starts[start]!;
        end = map.ends[end - 1]!;
      }
      return {
        start: codePointsBefore(original, start),
        end: codePointsBefore(original, end),
        text: original.slice(start, end),
      };
    },
  };
}
