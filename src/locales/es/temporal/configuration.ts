// Spanish parsers in priority order. Overlapping matches are settled by position first (the earliest
// start wins, then the longest), and by this order only when two matches cover the same span.

import type { Parser } from "../../../temporal/types.js";
import { dottedDateParser, isoDateParser, numericDateParser } from "../../common/numeric-date.js";
import { approximateTimeParser, timeSpanParser } from "../../common/time-spans.js";
import { calendarDateParser, dayOfMonthParser } from "./calendar-date.js";
import { durationParser, durationPhraseParser } from "./duration.js";
import { ordinalWeekdayParser } from "./ordinal-weekday.js";
import { partOfDayParser, partThenHourParser } from "./part-of-day.js";
import { relativeDayParser } from "./relative-day.js";
import { relativeOffsetParser, weekFromDayParser } from "./relative-offset.js";
import { noonParser, timeParser } from "./time.js";
import { nextWeekWeekdayParser, weekdayParser } from "./weekday.js";
import { weekendParser } from "./weekend.js";
import { weekCycleParser } from "./weeks.js";

export const spanishParsers: readonly Parser[] = [
  isoDateParser,
  dottedDateParser,
  numericDateParser,
  calendarDateParser,
  dayOfMonthParser,
  weekFromDayParser,
  relativeDayParser,
  relativeOffsetParser,
  ordinalWeekdayParser,
  nextWeekWeekdayParser,
  weekCycleParser,
  weekdayParser,
  // Two clock times joined (rules 20, 27) read as one phrase, before the clock parser reads one of them.
  timeSpanParser,
  approximateTimeParser,
  // Before the clock parser: "1h30" said alone is a length, while "10h30" stays a time.
  durationPhraseParser,
  noonParser,
  timeParser,
  partThenHourParser,
  partOfDayParser,
  weekendParser,
  durationParser,
];
