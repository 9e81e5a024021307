// chrono-node as one more component of the temporal engine: asked for a date only where one our parsers
// missed could hide (a number written like part of a date, outside what they read).
import { allLocales } from "../locales/index.js";
import type { ChronoParser } from "../locales/locale.js";
import type { NormalizedText } from "./text.js";
import type { TemporalExpression, Weekday } from "./types.js";

const CHRONO_CERTAINTY = 0.75;
/** The first three letters of every registered language's month names ("jan", "ene", "sep"...). */
const MONTH_STARTS = new Set(
  allLocales((locale) => Object.keys(locale.temporal.months))
    .filter((name) => /^[a-z]{3}/.test(name))
    .map((name) => name.slice(0, 3)),
);

/**
 * A number as dates write it: "3/4", "2026.01", "23rd", "3 de", "3 of", "3 jan", "3 sept". A month's first
 * three letters, not any word: "2 horas", "10 minutos", "5 with" asked chrono for nothing, at a cost.
 */
const DATE_HINT = new RegExp(
  `\\d(?:[/.-]\\d|st\\b|nd\\b|rd\\b|th\\b| de | of | (?:${[...MONTH_STARTS].sort().join("|")}))`,
  "g",
);

export function hasDateHintOutside(folded: string, spans: readonly TemporalExpression[]): boolean {
  DATE_HINT.lastIndex = 0;
  for (let match = DATE_HINT.exec(folded); match !== null; match = DATE_HINT.exec(folded)) {
    const at = match.index;
    if (!spans.some((span) => at >= span.index && at < span.end)) return true;
  }
  return false;
}

/** chrono-node as one more component: certain calendar values it finds where our parsers found no date. */
export function chronoDate(
  text: NormalizedText,
  engine: ChronoParser,
  now: Date,
  found: readonly TemporalExpression[],
): TemporalExpression | null {
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

export const CHRONO_FALLBACK_PATTERNS: readonly RegExp[] = [DATE_HINT];
