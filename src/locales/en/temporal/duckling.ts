// English parsers that only Duckling's reading rules need (POST /parse): cycles, quarters, spans, years,
// shifts, spelled-out times... Listed before the core parsers: on an identical span, these win.

import type { Parser } from "../../../temporal/types.js";
import {
  cycleAfterNextParser,
  cycleParser,
  nowParser,
  spanParser,
  upcomingCycleParser,
} from "./duckling-cycles.js";
import { englishLatentDucklingParsers } from "./duckling-latent.js";
import {
  idesParser,
  lastDayOfMonthParser,
  monthOrdinalParser,
  onTheOrdinalParser,
  ordinalOfMonthParser,
} from "./duckling-month-days.js";
import { monthParser, numericMonthParser, openYearParser, yearParser } from "./duckling-months.js";
import { asapParser, lunchParser, nightParser } from "./duckling-parts.js";
import {
  partOfDayIshParser,
  partOfMonthParser,
  partOfWeekParser,
  partOfYearParser,
  restOfWeekParser,
  yearRangeParser,
} from "./duckling-periods.js";
import { ordinalQuarterParser, quarterCodeParser } from "./duckling-quarters.js";
import { dayOfRelativeMonthParser, weekdaysFromNowParser } from "./duckling-relative-days.js";
import { inMarkShiftParser, inMinutesParser, inShiftParser, relativeShiftParser } from "./duckling-shifts.js";
import { minutesFromHourParser, spelledClockParser } from "./duckling-spelled-times.js";
import {
  clockParser,
  compactClockParser,
  hourBeforeDayParser,
  hourMarkParser,
  hourRangeParser,
  meridiemHourParser,
  midDayParser,
  spacedClockParser,
} from "./duckling-times.js";
import {
  nextWeekdayParser,
  shortWeekdayParser,
  tomorrowsParser,
  weekdayOfWeekParser,
} from "./duckling-weekdays.js";
import {
  lateLastNightParser,
  monthInYearsParser,
  nthWeekendParser,
  nthWeekParser,
} from "./duckling-weeks.js";
import {
  compactDayMonthParser,
  compactMonthDayParser,
  dateThenWeekdayParser,
  dayMonthShortYearParser,
  spacedNumericDateParser,
} from "./duckling-written-dates.js";

export { englishLatentDucklingParsers };

export const englishDucklingParsers: readonly Parser[] = [
  nowParser,
  asapParser,
  // A span ("next 3 weeks") and an upcoming cycle ("upcoming 2 weeks") start where a cycle would.
  spanParser,
  upcomingCycleParser,
  cycleAfterNextParser,
  cycleParser,
  inShiftParser,
  inMarkShiftParser,
  inMinutesParser,
  relativeShiftParser,
  ordinalQuarterParser,
  quarterCodeParser,
  lastDayOfMonthParser,
  ordinalOfMonthParser,
  monthOrdinalParser,
  idesParser,
  dateThenWeekdayParser,
  compactDayMonthParser,
  compactMonthDayParser,
  dayMonthShortYearParser,
  onTheOrdinalParser,
  spacedNumericDateParser,
  numericMonthParser,
  partOfMonthParser,
  partOfYearParser,
  partOfWeekParser,
  restOfWeekParser,
  yearRangeParser,
  openYearParser,
  yearParser,
  monthParser,
  nextWeekdayParser,
  weekdayOfWeekParser,
  shortWeekdayParser,
  tomorrowsParser,
  partOfDayIshParser,
  nightParser,
  lunchParser,
  // A range that shares one am/pm ("3-4pm") before the clocks, which would read its ends apart.
  hourRangeParser,
  minutesFromHourParser,
  clockParser,
  hourMarkParser,
  compactClockParser,
  spacedClockParser,
  spelledClockParser,
  meridiemHourParser,
  midDayParser,
  hourBeforeDayParser,
  dayOfRelativeMonthParser,
  weekdaysFromNowParser,
  nthWeekParser,
  nthWeekendParser,
  monthInYearsParser,
  lateLastNightParser,
];
