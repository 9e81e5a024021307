// Composition (chrono's merge refiners): adjacent expressions joined by a connector become one reading
// ("tomorrow" + "at 3pm"), and two readings joined by a range word become an interval ("from 3 to 5pm").
import type { NormalizedText } from "../text.js";
import type { ExpressionParts, TemporalExpression } from "../types.js";
import { withZone } from "./zone-after.js";

const JOINER = /^(?:,? ?(?:at|on|the|of|a las|a la|a|el|del|de|en|in|around|about|for|por|para|,)?)? ?$/;
const RANGE =
  /^ ?(?:-|–|to|till|til|until|untill|through|thru|a|al|hasta|y|and|-?>) ?(?:the |el |las |la )?$/;
/** A range word the second reading took into its own span ("9:30 till 11:00"). */
const RANGE_LEAD = /^(?:to|till|til|until|untill|through|thru|hasta) /;
const RANGE_START = /(?:\b(?:from|between|de|desde|entre)|\bdel) ?$/;

function parts(expression: TemporalExpression): ExpressionParts {
  const result: ExpressionParts = {};
  if (expression.date) result.date = expression.date;
  if (expression.time) result.time = expression.time;
  if (expression.partOfDay) result.partOfDay = expression.partOfDay;
  return result;
}

function isTimeReading(expression: TemporalExpression): boolean {
  return (
    expression.durationMinutes === undefined &&
    expression.interval === undefined &&
    (expression.date !== undefined || expression.time !== undefined || expression.partOfDay !== undefined)
  );
}

/** A date said next to a range holds for both ends: "this Thu 9-11am", "9:30 - 11:00 on Thursday". */
function datedRange(
  first: TemporalExpression,
  second: TemporalExpression,
  text: NormalizedText,
): TemporalExpression | null {
  const [range, dated] = first.interval ? [first, second] : [second, first];
  const interval = range.interval;
  if (!interval || dated.interval || !dated.date || dated.time || dated.shift || dated.span) return null;
  if (interval.from?.date || interval.to?.date) return null;
  const from = interval.from && { ...interval.from, date: dated.date };
  const to = interval.to && { ...interval.to, date: dated.date };
  return {
    ...range,
    parser: `${first.parser}+${second.parser}`,
    index: first.index,
    end: second.end,
    text: text.original.slice(text.offsets[first.index], text.offsets[second.end - 1]! + 1),
    interval: { ...interval, ...(from ? { from } : {}), ...(to ? { to } : {}) },
  };
}

/** A whole-day (or longer) shift and a clock time: "in 7 days at 5pm", "at 7 in 3 years". */
function shiftedTime(first: TemporalExpression, second: TemporalExpression): boolean {
  const [shifted, timed] = first.shift ? [first, second] : [second, first];
  if (!shifted.shift || shifted.within || shifted.date || shifted.time || shifted.interval) return false;
  if (!timed.time || timed.date || timed.shift || timed.interval) return false;
  return ["day", "week", "month", "quarter", "year"].includes(shifted.shift.unit);
}

function compatible(first: TemporalExpression, second: TemporalExpression): boolean {
  if (shiftedTime(first, second)) return true;
  if (!isTimeReading(first) || !isTimeReading(second)) return false;
  if (first.shift || second.shift || first.span || second.span) return false;
  if (first.date && second.date) return false;
  if (first.time && second.time) return false;
  if (first.partOfDay && second.partOfDay) return false;
  return true;
}

function merge(
  first: TemporalExpression,
  second: TemporalExpression,
  text: NormalizedText,
): TemporalExpression {
  return {
    ...first,
    ...second,
    date: first.date ?? second.date,
    time: first.time ?? second.time,
    shift: first.shift ?? second.shift,
    partOfDay: first.partOfDay ?? second.partOfDay,
    parser: `${first.parser}+${second.parser}`,
    index: first.index,
    end: second.end,
    text: text.original.slice(text.offsets[first.index], text.offsets[second.end - 1]! + 1),
    certainty: Math.min(first.certainty, second.certainty),
  };
}

const OPEN_BEFORE =
  /^(?:(?:anytime |sometime |sometimes )?(after|since|from|later than|starting|as of|despues de|despues del|despues|a partir de|a partir del|desde)|(?:anytime |sometime |sometimes )?(before|until|untill|till|til|through|thru|prior to|earlier than|antes de|antes del|antes|hasta)|(by)) /;
const LEAD_BEFORE =
  /((?:anytime |sometime |sometimes )?(?:after|since|from|later than|starting|as of|before|until|untill|till|til|through|thru|prior to|earlier than|by|despues de|despues del|despues|a partir de|a partir del|desde|antes de|antes del|antes|hasta)) $/;
const LEAD_INSIDE =
  /^((?:anytime |sometime |sometimes )?(?:after|since|from|later than|before|until|untill|till|til|through|thru|by|desde|hasta)) /;

/**
 * "after 2 pm", "since 2014", "before 11 am", "by 2:00pm": a reading open on one side. The word must lead
 * the reading (said just before it, or the first word of its span), not sit inside it ("day after tomorrow").
 */
function openInterval(expression: TemporalExpression, text: NormalizedText): TemporalExpression {
  if (!isTimeReading(expression) || expression.boundary) return expression;
  const before = LEAD_BEFORE.exec(text.folded.slice(Math.max(0, expression.index - 24), expression.index));
  const inside = before ? null : LEAD_INSIDE.exec(text.folded.slice(expression.index, expression.end));
  const lead = before?.[1] ?? inside?.[1];
  if (lead === undefined) return expression;
  const match = OPEN_BEFORE.exec(`${lead} `);
  if (!match) return expression;
  const index = before ? expression.index - before[0].length : expression.index;
  const base = {
    ...expression,
    index,
    text: text.original.slice(text.offsets[index], text.offsets[expression.end - 1]! + 1),
  };
  const reading = parts(expression);
  if (match[1]) return { ...base, interval: { from: reading, open: "after" } };
  if (match[2]) return { ...base, interval: { to: reading, open: "before" } };
  return { ...base, interval: { to: reading, open: "by" } };
}

/** Merges what belongs together, then pairs readings into intervals. */
export function compose(
  expressions: readonly TemporalExpression[],
  text: NormalizedText,
): TemporalExpression[] {
  const merged: TemporalExpression[] = [];
  for (const found of expressions) {
    const expression = withZone(found, text);
    const previous = merged[merged.length - 1];
    const gap = previous ? text.folded.slice(previous.end, expression.index) : "";
    const dated = previous && JOINER.test(gap) ? datedRange(previous, expression, text) : null;
    if (dated) merged[merged.length - 1] = dated;
    else if (previous && compatible(previous, expression) && JOINER.test(gap)) {
      merged[merged.length - 1] = merge(previous, expression, text);
    } else if (
      previous &&
      isTimeReading(previous) &&
      expression.durationMinutes !== undefined &&
      /^ ?$/.test(gap)
    ) {
      // "4pm for 30 mins": a start and a length.
      merged[merged.length - 1] = {
        parser: `${previous.parser}+${expression.parser}`,
        index: previous.index,
        end: expression.end,
        text: text.original.slice(text.offsets[previous.index], text.offsets[expression.end - 1]! + 1),
        interval: { from: parts(previous), minutes: expression.durationMinutes },
        certainty: Math.min(previous.certainty, expression.certainty),
      };
    } else {
      merged.push(expression);
    }
  }
  const result: TemporalExpression[] = [];
  for (let index = 0; index < merged.length; index++) {
    const first = merged[index]!;
    const second = merged[index + 1];
    if (
      second &&
      isTimeReading(first) &&
      isTimeReading(second) &&
      (RANGE.test(text.folded.slice(first.end, second.index)) ||
        (/^ ?$/.test(text.folded.slice(first.end, second.index)) &&
          RANGE_LEAD.test(text.folded.slice(second.index, second.end))))
    ) {
      const lead = RANGE_START.exec(text.folded.slice(Math.max(0, first.index - 8), first.index));
      const start = lead ? first.index - lead[0].length : first.index;
      result.push({
        parser: "range",
        index: start,
        end: second.end,
        text: text.original.slice(text.offsets[start], text.offsets[second.end - 1]! + 1),
        interval: { from: parts(first), to: parts(second) },
        certainty: Math.min(first.certainty, second.certainty),
      });
      index++;
      continue;
    }
    result.push(openInterval(first, text));
  }
  return result;
}

export const COMPOSE_PATTERNS: readonly RegExp[] = [
  RANGE_LEAD,
  JOINER,
  RANGE,
  RANGE_START,
  OPEN_BEFORE,
  LEAD_BEFORE,
  LEAD_INSIDE,
];
