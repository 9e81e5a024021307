// English parsers in priority order. Overlapping matches are settled by position first (the earliest
// start wins, then the longest), and by this order only when two matches cover the same span.

import type { Parser } from "../../../temporal/types.js";
import { dottedDateParser, isoDateParser, numericDateParser } from "../../common/numeric-date.js";
import { approximateTimeParser, timeSpanParser } from "../../common/time-spans.js";
import { dayMonthParser, dayOfMonthParser, monthDayParser } from "./calendar-date.js";
import { durationParser, durationPhraseParser } from "./duration.js";
import { ordinalWeekdayParser } from "./ordinal-weekday.js";
import { partOfDayParser, partThenHourParser } from "./part-of-day.js";
import { relativeDayParser } from "./relative-day.js";
import { fromTodayParser, relativeOffsetParser } from "./relative-offset.js";
import { halfHourParser, noonParser, relativeTimeParser, timeParser } from "./time.js";
import { lastWeeksWeekdayParser, nextWeekWeekdayParser, weekdayParser } from "./weekday.js";
import { weekendParser } from "./weekend.js";
import { weekCycleParser, weekdayWeekParser } from "./weeks.js";

export const englishParsers: readonly Parser[] = [
  isoDateParser,
  dottedDateParser,
  numericDateParser,
  monthDayParser,
  dayMonthParser,
  dayOfMonthParser,
  fromTodayParser,
  relativeDayParser,
  relativeOffsetParser,
  ordinalWeekdayParser,
  nextWeekWeekdayParser,
  weekCycleParser,
  weekdayWeekParser,
  lastWeeksWeekdayParser,
  weekdayParser,
  // Two clock times joined (rules 20, 27) read as one phrase, before the clock parser reads one of them.
  timeSpanParser,
  approximateTimeParser,
  durationPhraseParser,
  // "quarter to 5" and "half 3" before the plain clock, which would read just the "5" or "3".
  relativeTimeParser,
  halfHourParser,
  noonParser,
  timeParser,
  partThenHourParser,
  partOfDayParser,
  weekendParser,
  durationParser,
];
