// A zone abbreviation said after a time ("4pm CET", "9:30 - 11:00 (CST)"): the time is read in that
// offset, and the reading's span takes the abbreviation in.
import type { NormalizedText } from "../text.js";
import type { ExpressionParts, TemporalExpression } from "../types.js";

const ZONE_AFTER = /^ \(?(gmt|utc|cet|cest|cst|cdt|est|edt|pst|pdt|mst|mdt|ist|bst|wet|eet)\)?(?![a-z])/;
const ZONE_OFFSETS: Record<string, number> = {
  gmt: 0,
  utc: 0,
  wet: 0,
  bst: 60,
  cet: 60,
  cest: 120,
  eet: 120,
  ist: 330,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
};

/** A zone abbreviation after a time ("4pm CET"): the time is read in that offset. */
export function withZone(expression: TemporalExpression, text: NormalizedText): TemporalExpression {
  const zone = ZONE_AFTER.exec(text.folded.slice(expression.end));
  if (!zone) return expression;
  const utcOffset = ZONE_OFFSETS[zone[1]!]!;
  const zoned = (parts: ExpressionParts | undefined) =>
    parts?.time ? { ...parts, time: { ...parts.time, utcOffset } } : parts;
  if (!expression.time && !expression.interval) return expression;
  const end = expression.end + zone[0].length;
  return {
    ...expression,
    ...(expression.time ? { time: { ...expression.time, utcOffset, minuteGiven: true } } : {}),
    ...(expression.interval
      ? {
          interval: {
            ...expression.interval,
            from: zoned(expression.interval.from),
            to: zoned(expression.interval.to),
          },
        }
      : {}),
    end,
    text: text.original.slice(text.offsets[expression.index], text.offsets[end - 1]! + 1),
  };
}

export const ZONE_AFTER_PATTERNS: readonly RegExp[] = [ZONE_AFTER];
