// Holidays with a rule of their own: Chinese New Year (Intl "chinese"), Earth Hour, King's Day in the
// Netherlands and the Parsi (Shahenshahi) New Year.
import { daysWithDate, intlReading } from "./calendar-scan.js";
import { civilDate, dayNumber, nthWeekdayOfMonth, weekdayOf } from "./civil-date.js";
import { westernEaster } from "./computus.js";
import { dayHoliday, type HolidayDefinition } from "./holiday-definition.js";

const CHINESE = intlReading("chinese");
const SATURDAY = 6;
const SUNDAY = 7;

/** Earth Hour: the last Saturday of March, or the one before when that is Holy Saturday. */
export function earthHourDay(year: number): number {
  const lastSaturday = dayNumber(nthWeekdayOfMonth(year, 3, SATURDAY, -1)!);
  const holySaturday = dayNumber(westernEaster(year)) - 1;
  return lastSaturday === holySaturday ? lastSaturday - 7 : lastSaturday;
}

const earthHour: HolidayDefinition = {
  id: "earth-hour",
  kind: "holiday",
  names: { en: ["earth hour"], es: ["(?:la )?hora del planeta"] },
  occurrences(year) {
    const date = civilDate(earthHourDay(year));
    return [
      { start: { ...date, hour: 20, minute: 30 }, end: { ...date, hour: 21, minute: 30 }, grain: "minute" },
    ];
  },
};

// The Shahenshahi calendar has 365 days and no leap day, so its new year moves a day every four years.
const PARSI_NEW_YEAR_2020 = dayNumber({ year: 2020, month: 8, day: 16 });

export const SPECIAL_HOLIDAYS: readonly HolidayDefinition[] = [
  dayHoliday(
    "chinese-new-year",
    {
      en: ["chinese (?:lunar )?new year'?s?(?: day)?", "lunar new year'?s?(?: day)?", "spring festival"],
      es: ["ano nuevo (?:chino|lunar)"],
    },
    (year) =>
      daysWithDate(
        CHINESE,
        "1",
        1,
        dayNumber({ year, month: 1, day: 1 }),
        dayNumber({ year: year + 1, month: 1, day: 1 }),
      ),
  ),
  earthHour,
  // 27 April, or 26 April when the 27th is a Sunday.
  dayHoliday("kings-day", { en: ["king'?s day", "koningsdag"], es: ["koningsdag"] }, (year) => {
    const day = dayNumber({ year, month: 4, day: 27 });
    return [weekdayOf(day) === SUNDAY ? day - 1 : day];
  }),
  dayHoliday(
    "parsi-new-year",
    { en: ["parsi new year", "jamshedi navroz"], es: ["ano nuevo parsi"] },
    (year) => {
      const first = dayNumber({ year, month: 1, day: 1 });
      const next = dayNumber({ year: year + 1, month: 1, day: 1 });
      const result: number[] = [];
      let day = PARSI_NEW_YEAR_2020 + Math.ceil((first - PARSI_NEW_YEAR_2020) / 365) * 365;
      for (; day < next; day += 365) result.push(day);
      return result;
    },
  ),
];
