// Finds date, time, part-of-day and duration expressions in text: runs the locale's parsers, keeps the
// best non-overlapping matches, and asks chrono-node for a date or time when our parsers found none.
import { type Language, LOCALES, perLanguage } from "../locales/index.js";
import { type NormalizedText, originalSlice } from "./text.js";
import type { ExpressionFields, Parser, ParserOptions, TemporalExpression, Weekday } from "./types.js";

/** The language whose parsers read the text, and how numeric dates read in the request. */
export interface ExtractOptions extends ParserOptions {
  language: Language;
}

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

const CHRONO_CERTAINTY = 0.75;
/** A number as dates write it: "3/4", "2026.01", "23rd", "3 de", "3 of", "3 jan". */
const DATE_HINT = /\d(?:[/.-]\d|st\b|nd\b|rd\b|th\b| de | of | [a-z]{3})/g;

function hasDateHintOutside(folded: string, spans: readonly TemporalExpression[]): boolean {
  DATE_HINT.lastIndex = 0;
  for (let match = DATE_HINT.exec(folded); match !== null; match = DATE_HINT.exec(folded)) {
    const at = match.index;
    if (!spans.some((span) => at >= span.index && at < span.end)) return true;
  }
  return false;
}

/**
 * Expressions in `text`. `extra` parsers join the locale's core ones: a policy that reads more (Duckling's
 * quarters, seasons, spans) brings its own, so appointment requests do not pay for them.
 */
export function extractExpressions(
  text: NormalizedText,
  options: ExtractOptions,
  now: Date,
  extra: readonly Parser[] = [],
): TemporalExpression[] {
  const own = LOCALES[options.language].temporal.parsers;
  const parsers = extra.length === 0 ? own : [...extra, ...own];
  // The extra parsers always run; the locale's own run when the text has what their gate asks for.
  const open = openParsers(options.language, text);
  const candidates: Candidate[] = [];
  for (let rank = 0; rank < parsers.length; rank++) {
    const ownRank = rank - extra.length;
    if (ownRank >= 0 && (open & (1 << ownRank)) === 0) continue;
    const parser = parsers[rank]!;
    const pattern = parser.pattern;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text.folded); match !== null; match = pattern.exec(text.folded)) {
      if (match[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      const fields = parser.extract(match, options);
      if (fields === null) continue;
      candidates.push({
        fields,
        parser: parser.name,
        index: match.index,
        end: match.index + match[0].length,
        rank,
      });
    }
  }
  const selected = selectNonOverlapping(text, candidates);
  // chrono (about a millisecond a call) is asked only where a date our parsers missed could hide: the
  // dates it adds hold a number written like part of a date, outside what our parsers already read.
  if (
    hasDateHintOutside(text.folded, selected) &&
    !selected.some((expression) => expression.date !== undefined || expression.offsetMinutes !== undefined)
  ) {
    const fallback = chronoDate(text, options, now, selected);
    if (fallback !== null) selected.push(fallback);
    selected.sort((a, b) => a.index - b.index);
  }
  return selected;
}

/** A parser's match before the overlaps are settled; the expression is built only for the ones kept. */
interface Candidate {
  fields: ExpressionFields;
  parser: string;
  index: number;
  end: number;
  /** The parser's place in the list: the earlier wins between two matches of the same span. */
  rank: number;
}

/** The earliest match wins, then the longest, then the earlier parser's; a match overlapping a kept one goes. */
function selectNonOverlapping(text: NormalizedText, candidates: Candidate[]): TemporalExpression[] {
  candidates.sort((a, b) => a.index - b.index || b.end - b.index - (a.end - a.index) || a.rank - b.rank);
  const selected: TemporalExpression[] = [];
  let reached = 0;
  for (const candidate of candidates) {
    const { index, end } = candidate;
    if (index < reached) continue;
    selected.push({
      certainty: 1,
      ...candidate.fields,
      parser: candidate.parser,
      index,
      end,
      text: originalSlice(text, index, end),
    });
    reached = end;
  }
  return selected;
}

/** chrono-node as one more component: certain calendar values it finds where our parsers found no date. */
function chronoDate(
  text: NormalizedText,
  options: ExtractOptions,
  now: Date,
  found: readonly TemporalExpression[],
): TemporalExpression | null {
  const engine = LOCALES[options.language].temporal.chrono(options.dayFirst);
  for (const result of engine.parse(text.original, now)) {
    const start = result.start;
    if (!start.isCertain("day") || !start.isCertain("month")) continue;
    const index = result.index;
    const end = index + result.text.length;
    const originalOffsets = found.map((expression) => [
      text.offsets[expression.index]!,
      text.offsets[expression.end - 1]! + 1,
    ]);
    if (originalOffsets.some(([from, to]) => index < to! && end > from!)) continue;
    const weekday = start.isCertain("weekday")
      ? ((((start.get("weekday")! + 6) % 7) + 1) as Weekday)
      : undefined;
    return {
      parser: "chrono",
      index: foldedIndex(text, index),
      end: foldedIndex(text, end),
      text: result.text,
      date: {
        kind: "calendar",
        day: start.get("day")!,
        month: start.get("month")!,
        year: start.isCertain("year") ? start.get("year")! : undefined,
        weekday,
      },
      certainty: CHRONO_CERTAINTY,
    };
  }
  return null;
}

function foldedIndex(text: NormalizedText, originalIndex: number): number {
  const position = text.offsets.findIndex((offset) => offset >= originalIndex);
  return position === -1 ? text.folded.length : position;
}

export const EXTRACT_PATTERNS: readonly RegExp[] = [DATE_HINT, DIGIT];
