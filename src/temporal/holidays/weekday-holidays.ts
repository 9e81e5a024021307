// Holidays on a weekday of a month (the fourth Thursday of November, the last Monday of May) and the ones
// counted from such a day (Black Friday), as the US rules in Duckling have them, plus the Boss's Day rule.
import type { Weekday } from "../types.js";
import { type CivilDate, dayNumber, nthWeekdayOfMonth, weekdayOf } from "./civil-date.js";
import { dayHoliday, type HolidayDefinition, type HolidayNames } from "./holiday-definition.js";

const MONDAY = 1;
const TUESDAY = 2;
const THURSDAY = 4;
const SATURDAY = 6;
const SUNDAY = 7;

/** The `n`th `weekday` of `month` (n = -1: the last), shifted by `offset` days. */
function nthWeekdayHoliday(
  id: string,
  names: HolidayNames,
  month: number,
  weekday: Weekday,
  n: number,
  offset = 0,
): HolidayDefinition {
  return dayHoliday(id, names, (year) => {
    const date = nthWeekdayOfMonth(year, month, weekday, n);
    return date === null ? [] : [dayNumber(date) + offset];
  });
}

/** The weekday (Monday to Friday) closest to a date: Saturday goes back to Friday, Sunday on to Monday. */
export function closestWeekday(date: CivilDate): number {
  const days = dayNumber(date);
  const weekday = weekdayOf(days);
  return weekday === SATURDAY ? days - 1 : weekday === SUNDAY ? days + 1 : days;
}

const thanksgivingNames = { en: ["thanks?giving(?: day)?"], es: ["(?:dia de )?accion de gracias"] };

export const WEEKDAY_HOLIDAYS: readonly HolidayDefinition[] = [
  nthWeekdayHoliday(
    "mlk-day",
    {
      en: [
        "(?:mlk|martin luther king(?:'?s)?,?)(?: jr\\.?| junior)? day",
        "(?:civil|idaho human) rights day",
      ],
      es: ["dia de (?:mlk|martin luther king)(?:,? jr\\.?|,? junior)?"],
    },
    1,
    MONDAY,
    3,
  ),
  nthWeekdayHoliday(
    "presidents-day",
    { en: ["presidents?'? day", "president'?s day", "(?:george )?washington'?s? (?:birth)?day"] },
    2,
    MONDAY,
    3,
  ),
  nthWeekdayHoliday("commonwealth-day", { en: ["commonwealth day"] }, 3, MONDAY, 2),
  // Mother's Day on the second Sunday of May (United States and most of Latin America; Spain keeps the
  // first Sunday and Mexico 10 May).
  nthWeekdayHoliday(
    "mothers-day",
    { en: ["mother'?s?'? day"], es: ["dia de (?:la|las) madres?"] },
    5,
    SUNDAY,
    2,
  ),
  nthWeekdayHoliday("memorial-day", { en: ["(?:decoration|memorial) day"] }, 5, MONDAY, -1),
  nthWeekdayHoliday("fathers-day", { en: ["father'?s?'? day"], es: ["dia del padre"] }, 6, SUNDAY, 3),
  nthWeekdayHoliday(
    "international-day-of-cooperatives",
    {
      en: ["international day of co-?operatives"],
      es: ["dia internacional de las cooperativas", "dia internacional del cooperativismo"],
    },
    7,
    SATURDAY,
    1,
  ),
  nthWeekdayHoliday("labor-day", { en: ["labou?r day"] }, 9, MONDAY, 1),
  nthWeekdayHoliday("columbus-day", { en: ["columbus day", "indigenous peoples?'? day"] }, 10, MONDAY, 2),
  // The Tuesday after the first Monday of November.
  nthWeekdayHoliday("election-day", { en: ["election day"] }, 11, MONDAY, 1, TUESDAY - MONDAY),
  nthWeekdayHoliday("thanksgiving", thanksgivingNames, 11, THURSDAY, 4),
  nthWeekdayHoliday(
    "black-friday",
    { en: ["black frid?day"], es: ["viernes negro", "black friday"] },
    11,
    THURSDAY,
    4,
    1,
  ),
  nthWeekdayHoliday(
    "cyber-monday",
    { en: ["cyber monday"], es: ["cyber ?monday", "ciberlunes"] },
    11,
    THURSDAY,
    4,
    4,
  ),
  dayHoliday(
    "bosses-day",
    { en: ["boss'?s? day", "bosses'? day"], es: ["dia (?:nacional )?del jefe"] },
    (year) => [closestWeekday({ year, month: 10, day: 16 })],
  ),
];
