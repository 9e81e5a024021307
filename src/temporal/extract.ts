// Finds date, time, part-of-day and duration expressions in text: runs the locale's parsers, keeps the
// best non-overlapping matches, and asks chrono-node for a date or time when our parsers found none.
import { type Language, LOCALES } from "../locales/index.js";
import { HOLIDAY_PARSERS } from "./appointment-holidays.js";
import { chronoDate, hasDateHintOutside } from "./chrono-fallback.js";
import { openParsers } from "./parser-gates.js";
import { type NormalizedText, originalSlice } from "./text.js";
import type { ExpressionFields, Parser, ParserOptions, TemporalExpression } from "./types.js";
import { joinWeekdaysToWeeks } from "./week-weekday.js";

/** The language whose parsers read the text, and how numeric dates read in the request. */
export interface ExtractOptions extends ParserOptions {
  language: Language;
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
  // Named holidays (rule 26) come last: on an identical span, any other reading wins.
  const parsers = [...extra, ...own, HOLIDAY_PARSERS[options.language]];
  // The extra parsers and the holidays always run; the locale's own when the text has what their gate asks for.
  const open = openParsers(options.language, text);
  const candidates: Candidate[] = [];
  for (let rank = 0; rank < parsers.length; rank++) {
    const ownRank = rank - extra.length;
    if (ownRank >= 0 && ownRank < own.length && (open & (1 << ownRank)) === 0) continue;
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
    const fallback = chronoDate(
      text,
      LOCALES[options.language].temporal.chrono(options.dayFirst),
      now,
      selected,
    );
    if (fallback !== null) selected.push(fallback);
    selected.sort((a, b) => a.index - b.index);
  }
  // Duckling's reading composes its own neighbours (duckling/compose.ts); appointments join a weekday to
  // its week here.
  return extra.length === 0 ? joinWeekdaysToWeeks(text, selected) : selected;
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
