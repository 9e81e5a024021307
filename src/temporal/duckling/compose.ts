// Composition (chrono's merge refiners): adjacent expressions joined by a connector become one reading
// ("tomorrow" + "at 3pm"), and two readings joined by a range word become an interval ("from 3 to 5pm").
import type { NormalizedText } from "../text.js";
import type { ExpressionParts, TemporalExpression } from "../types.js";

const JOINER = /^(?:,? ?(?:at|on|the|of|a las|a la|a|el|del|de|en|in|around|about|for|por|para|,)?)? ?$/;
const RANGE =
  /^ ?(?:-|–|to|till|til|until|untill|through|thru|a|al|hasta|y|and|-?>) ?(?:the |el |las |la )?$/;
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

function compatible(first: TemporalExpression, second: TemporalExpression): boolean {
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
    partOfDay: first.partOfDay ?? second.partOfDay,
    parser: `${first.parser}+${second.parser}`,
    index: first.index,
    end: second.end,
    text: text.original.slice(text.offsets[first.index], text.offsets[second.end - 1]! + 1),
    certainty: Math.min(first.certainty, second.certainty),
  };
}

/** Merges what belongs together, then pairs readings into intervals. */
export function compose(
  expressions: readonly TemporalExpression[],
  text: NormalizedText,
): TemporalExpression[] {
  const merged: TemporalExpression[] = [];
  for (const expression of expressions) {
    const previous = merged[merged.length - 1];
    if (
      previous &&
      compatible(previous, expression) &&
      JOINER.test(text.folded.slice(previous.end, expression.index))
    ) {
      merged[merged.length - 1] = merge(previous, expression, text);
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
      RANGE.test(text.folded.slice(first.end, second.index))
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
    result.push(first);
  }
  return result;
}

export const COMPOSE_PATTERNS: readonly RegExp[] = [JOINER, RANGE, RANGE_START];
