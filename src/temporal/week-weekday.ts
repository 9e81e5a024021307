// A weekday said with a week is one date (conventions, rule 18): "in 3 weeks on a Thursday", "dentro de dos
// semanas, el martes", "el martes de la semana siguiente a la próxima", "Tuesday the week after next" name
// that weekday of the calendar week N weeks on. The parsers read the two apart; they are joined here when
// only joining words stand between them, so every reader of the expressions (the appointment policy, the
// conversation slots, the LLM's grounding) sees a single date.
import { type NormalizedText, originalSlice } from "./text.js";
import type { DateSpec, TemporalExpression, Weekday } from "./types.js";

/** Words that may stand between a weekday and its week: "on a", "el", "de la", "of the". */
const JOINING = new Set(["on", "a", "the", "of", "in", "el", "de", "la", "en"]);
const MAX_GAP = 16;

export function joinWeekdaysToWeeks(
  text: NormalizedText,
  expressions: TemporalExpression[],
): TemporalExpression[] {
  const joined: TemporalExpression[] = [];
  for (const expression of expressions) {
    const previous = joined[joined.length - 1];
    const date = previous === undefined ? null : weekdayOfWeek(previous, expression, text.folded);
    if (previous === undefined || date === null) {
      joined.push(expression);
      continue;
    }
    joined[joined.length - 1] = {
      parser: "week-weekday",
      index: previous.index,
      end: expression.end,
      text: originalSlice(text, previous.index, expression.end),
      date,
      certainty: Math.min(previous.certainty, expression.certainty),
    };
  }
  return joined;
}

/** The joined date of two neighbouring expressions, one a plain weekday and the other a week; else null. */
function weekdayOfWeek(
  first: TemporalExpression,
  second: TemporalExpression,
  folded: string,
): DateSpec | null {
  if (!onlyDate(first) || !onlyDate(second) || !joining(folded.slice(first.end, second.index))) return null;
  for (const [day, week] of [
    [first, second],
    [second, first],
  ] as const) {
    const weekday = plainWeekday(day.date);
    const weeks = weeksOn(week.date);
    if (weekday !== null && weeks !== null) return { kind: "weekday", weekday, weeksAhead: weeks };
  }
  return null;
}

function onlyDate(expression: TemporalExpression): boolean {
  const { date, time, partOfDay, offsetMinutes, durationMinutes, interval, shift, span } = expression;
  return (
    date !== undefined &&
    [time, partOfDay, offsetMinutes, durationMinutes, interval, shift, span].every(
      (part) => part === undefined,
    )
  );
}

function joining(gap: string): boolean {
  return (
    gap.length <= MAX_GAP &&
    gap
      .replaceAll(",", " ")
      .split(" ")
      .every((word) => word === "" || JOINING.has(word))
  );
}

/** A weekday not already tied to a week ("el martes", not "Monday next week" nor "last Monday"). */
function plainWeekday(spec: DateSpec | undefined): Weekday | null {
  if (spec?.kind !== "weekday") return null;
  const tied = spec.week !== undefined || spec.weeksAhead !== undefined || spec.occurrence !== undefined;
  return tied ? null : spec.weekday;
}

/** The calendar weeks a date moves on by: "next week" 1, "in 3 weeks" 3; null for any other date. */
function weeksOn(spec: DateSpec | undefined): number | null {
  if (spec?.kind === "cycle" && spec.unit === "week" && spec.offset > 0) return spec.offset;
  if (spec?.kind === "relative" && spec.weeks !== undefined) return spec.weeks;
  return null;
}
