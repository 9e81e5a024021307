// The day a holiday falls on in the appointment's country, where countries differ (conventions, rule 26):
// Thanksgiving is Canada's second Monday of October and the United States' fourth Thursday of November;
// Mother's Day is 10 May in Mexico, the first Sunday of May in Spain, the third Sunday of October in
// Argentina, Mothering Sunday (three weeks before Easter) in the United Kingdom and Ireland, and the second
// Sunday of May elsewhere (the holidays engine's rule); Father's Day is 19 March in Spain and the first
// Sunday of September in Australia. Everything else is the engine's one date.
import { type CivilDate, civilDate, dayNumber, nthWeekdayOfMonth } from "./holidays/civil-date.js";
import { westernEaster } from "./holidays/computus.js";
import { holidayOccurrence } from "./holidays/index.js";

const MONDAY = 1;
const SUNDAY = 7;

type YearRule = (year: number) => CivilDate | null;

const fixed =
  (month: number, day: number): YearRule =>
  (year) => ({ year, month, day });
const nth =
  (month: number, weekday: 1 | 7, n: number): YearRule =>
  (year) =>
    nthWeekdayOfMonth(year, month, weekday, n);
const mothering: YearRule = (year) => civilDate(dayNumber(westernEaster(year)) - 21);

/** By holiday id, then ISO 3166-1 country: the countries whose day differs from the engine's. */
const REGIONAL: Readonly<Record<string, Readonly<Record<string, YearRule>>>> = {
  thanksgiving: { CA: nth(10, MONDAY, 2) },
  "mothers-day": {
    MX: fixed(5, 10),
    GT: fixed(5, 10),
    SV: fixed(5, 10),
    ES: nth(5, SUNDAY, 1),
    PT: nth(5, SUNDAY, 1),
    AR: nth(10, SUNDAY, 3),
    GB: mothering,
    IE: mothering,
    BO: fixed(5, 27),
    PY: fixed(5, 15),
    NI: fixed(5, 30),
    CR: fixed(8, 15),
    PA: fixed(12, 8),
    DO: nth(5, SUNDAY, -1),
  },
  // The engine's is the third Sunday of June; Saint Joseph's day in Spain, Portugal and Bolivia.
  "fathers-day": {
    ES: fixed(3, 19),
    PT: fixed(3, 19),
    BO: fixed(3, 19),
    AU: nth(9, SUNDAY, 1),
    NZ: nth(9, SUNDAY, 1),
  },
};

/** The holiday's day in `year` for `country` (the engine's day when the country keeps no other). */
export function holidayDay(id: string, year: number, country: string | undefined): CivilDate | null {
  const regional = country === undefined ? undefined : REGIONAL[id]?.[country];
  if (regional !== undefined) return regional(year);
  const occurrence = holidayOccurrence(id, year);
  if (occurrence === null) return null;
  const { start } = occurrence;
  return { year: start.year, month: start.month, day: start.day };
}
