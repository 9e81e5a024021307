// Parser gates: each locale parser may say what every match of its pattern holds (a digit, or one of its
// words), and a text without it skips the pattern. test/parser-gates.test.ts checks every gate against its
// pattern.
import { type Language, LOCALES, perLanguage } from "../locales/index.js";
import type { NormalizedText } from "./text.js";
import type { Parser } from "./types.js";

/**
 * A locale's parser gates as bit masks (bit i: the locale's parser i): which parsers a digit opens, which
 * each word opens, and which always run. A text then costs one pass over its words, not a scan per pattern.
 */
interface GateTable {
  always: number;
  digit: number;
  words: Map<string, number>;
}

function gateTable(parsers: readonly Parser[]): GateTable {
  if (parsers.length > 31) throw new Error("gate masks hold at most 31 parsers");
  const table: GateTable = { always: 0, digit: 0, words: new Map() };
  parsers.forEach((parser, index) => {
    const bit = 1 << index;
    if (parser.gate === undefined) {
      table.always |= bit;
      return;
    }
    if (parser.gate.digit) table.digit |= bit;
    for (const word of parser.gate.words ?? []) table.words.set(word, (table.words.get(word) ?? 0) | bit);
  });
  return table;
}

const GATES = perLanguage((language) => gateTable(LOCALES[language].temporal.parsers));

const DIGIT = /\d/;

/** The locale's parsers that can match `text`: those without a gate, and those whose gate it opens. */
export function openParsers(language: Language, text: NormalizedText): number {
  const table = GATES[language];
  let open = table.always;
  if (DIGIT.test(text.folded)) open |= table.digit;
  // Gate words are runs of letters: a word with an apostrophe ("week's") counts as its letter runs.
  for (const word of text.words) {
    if (!word.includes("'")) {
      open |= table.words.get(word) ?? 0;
      continue;
    }
    for (const run of word.split("'")) open |= table.words.get(run) ?? 0;
  }
  return open;
}

export const GATE_PATTERNS: readonly RegExp[] = [DIGIT];
