// Spanish parsers that only Duckling's reading rules need (POST /parse): ciclos ("la semana que viene"),
// años, "próximos 3 días", "hace dos horas", números en palabras... Listed before the core parsers: on an
// identical span, these win.
import type { Parser } from "../../../temporal/types.js";
import { clockParser } from "./duckling-clock.js";
import { cycleParser } from "./duckling-cycles.js";
import {
  dashDateParser,
  dayWordParser,
  monthFirstParser,
  spelledCalendarParser,
  weekdayDayParser,
  yearParser,
} from "./duckling-dates.js";
import { dayRangeParser } from "./duckling-day-range.js";
import { nowParser } from "./duckling-now.js";
import { quarterParser } from "./duckling-ordinals.js";
import { leadingShiftParser, trailingShiftParser } from "./duckling-shifts.js";
import { leadingSpanParser, middleSpanParser, trailingSpanParser } from "./duckling-spans.js";
import { nextWeekdayParser, weekdayAbbreviationParser, weekdayOfWeekParser } from "./duckling-weekdays.js";
import { weekendParser } from "./duckling-weekend.js";

export const spanishDucklingParsers: readonly Parser[] = [
  // Ranges before dates: "13 a 15 de julio" and "15 de julio" can start at the same day.
  dayRangeParser,
  spelledCalendarParser,
  monthFirstParser,
  weekdayDayParser,
  dayWordParser,
  dashDateParser,
  yearParser,
  quarterParser,
  weekdayOfWeekParser,
  nextWeekdayParser,
  weekdayAbbreviationParser,
  weekendParser,
  cycleParser,
  leadingSpanParser,
  middleSpanParser,
  trailingSpanParser,
  leadingShiftParser,
  trailingShiftParser,
  nowParser,
  clockParser,
];
