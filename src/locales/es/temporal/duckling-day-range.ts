// Ranges of days in one month: "13 a 15 de julio", "del 13 al 15 de julio de 2013", "entre el 3 y el 5 de
// mayo", "13 - 15 de julio". A bare first day is no reading of its own, so the range is read whole.
import type { Parser } from "../../../temporal/types.js";
import { DAY, dayOf, YEAR, yearOf } from "./duckling-dates.js";
import { MONTH_PATTERN, MONTHS } from "./words.js";

export const dayRangeParser: Parser = {
  name: "es/duckling-day-range",
  pattern: new RegExp(
    `\\b(?:(?:del|de|desde el|entre el|el) )?(?:${DAY})(?: ?- ?| a | al | hasta el | y el )(?:${DAY})(?: de)? (${MONTH_PATTERN})\\b\\.?${YEAR}`,
    "g",
  ),
  extract(match) {
    const [, firstDigits, firstWord, lastDigits, lastWord, monthText, yearText] = match;
    const first = dayOf(firstDigits, firstWord);
    const last = dayOf(lastDigits, lastWord);
    const year = yearOf(yearText);
    if (first === null || last === null || year === null) return null;
    const month = MONTHS[monthText!]!;
    // "28 al 3 de marzo" starts in the month before.
    const wraps = first > last;
    const fromMonth = wraps ? (month === 1 ? 12 : month - 1) : month;
    const fromYear = wraps && month === 1 && year !== undefined ? year - 1 : year;
    return {
      interval: {
        from: { date: { kind: "calendar", day: first, month: fromMonth, year: fromYear } },
        to: { date: { kind: "calendar", day: last, month, year } },
      },
    };
  },
};
