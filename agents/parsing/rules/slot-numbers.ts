// Numbers no temporal parser reads that a slot word makes a date or time: "push back my 3pm to 5", "lo
// paso al 20", "del 12 al 14". Read only in a reschedule or a cancel, where the slot words say which slot
// a number belongs to; elsewhere "to 5" may be anything.
import { type NormalizedText, originalSlice } from "../../../src/temporal/text.js";
import type { TemporalExpression } from "../../../src/temporal/types.js";
import type { Marker } from "./slots.js";
import { DAY_BEFORE } from "./vocabulary.js";

const BARE_NUMBER = / ([0-9]{1,2})(?::([0-5][0-9]))?(?![0-9a-z:/.,-]?[0-9a-z])/y;

/**
 * Numbers right after a slot word that no parser read: an hour ("push back my 3pm to 5"), or a day of the
 * month after a word that names days or past 24 ("lo paso al 20", "del 15"). After a word for the existing
 * appointment, an hour only when the text names a clock time ("to 5:30 instead of 4"): "my 2" is no hour.
 */
export function bareNumbers(
  text: NormalizedText,
  markers: readonly Marker[],
  expressions: readonly TemporalExpression[],
): TemporalExpression[] {
  const read: TemporalExpression[] = [];
  // Words for the new slot first: an hour there makes a number after the existing slot's word an hour too.
  const ordered = [...markers].sort((a, b) => Number(b.side === "next") - Number(a.side === "next"));
  for (const marker of ordered) {
    const days = DAY_BEFORE.has(marker.text);
    const clock = [...expressions, ...read].some((expression) => expression.time !== undefined);
    if (marker.side !== "next" && !days && !clock) continue;
    BARE_NUMBER.lastIndex = marker.end;
    const match = BARE_NUMBER.exec(text.folded);
    if (match === null) continue;
    const index = marker.end + 1;
    const end = index + match[0].length - 1;
    if (expressions.some((expression) => expression.index < end && index < expression.end)) continue;
    const number = Number(match[1]);
    const minute = match[2] === undefined ? undefined : Number(match[2]);
    const common = { index, end, text: originalSlice(text, index, end), certainty: 1 };
    if (minute === undefined && (days || number > 24)) {
      if (number >= 1 && number <= 31) {
        read.push({ ...common, parser: "rules/slot-day", date: { kind: "calendar", day: number } });
      }
    } else if (number <= 24) {
      const time = {
        hour: number % 24,
        minute: minute ?? 0,
        ...(minute !== undefined ? { minuteGiven: true } : {}),
      };
      read.push({ ...common, parser: "rules/slot-hour", time });
    }
  }
  return read.sort((a, b) => a.index - b.index);
}

export const SLOT_NUMBER_PATTERNS: readonly RegExp[] = [BARE_NUMBER];
