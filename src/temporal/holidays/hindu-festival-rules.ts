// How the festivals of hindu-holidays.ts are dated: a tithi kept on the day whose sunrise (or midday,
// afternoon, evening, moonrise or midnight) holds it, in the regular month after an adhika one; the
// bhadra-free evening of Holika Dahan and afternoon of Raksha Bandhan; Vijayadashami's aparahna; Vesak;
// forenoon observances; the runs of days around Navaratri and Durga Puja.
import { civilDate } from "./civil-date.js";
import {
  ASHVIN,
  type DayMoment,
  forenoonDay,
  type LunarMonth,
  lunarMonths,
  momentOf,
  nakshatraAt,
  observanceDay,
  PHALGUNA,
  PURNIMA,
  SHRAVANA,
  tithiSpan,
  VAISHAKHA,
} from "./hindu-calendar.js";
import { dayHoliday, daySpan, type HolidayDefinition, type HolidayNames } from "./holiday-definition.js";
import { localDay, NEW_DELHI, sunrise, sunset } from "./sun-times.js";

/** Shravana (Thiruvonam), the 22nd nakshatra. */
const SHRAVANA_NAKSHATRA = 22;

/** The dark half's tithis: krishna 1 is tithi 16, krishna 14 is tithi 29. */
export const krishna = (tithi: number) => 15 + tithi;

export function inYear(year: number, days: readonly number[]): number[] {
  return days.filter((day) => civilDate(day).year === year);
}

/** The regular (not adhika) months of a name overlapping a Gregorian year. */
function regularMonths(year: number, month: number): LunarMonth[] {
  return lunarMonths(year).filter((lunar) => lunar.month === month && !lunar.leap);
}

/** Days a tithi of a month is kept in or around a year, by the moment of the day it must hold. */
function tithiDays(year: number, month: number, tithi: number, moment: DayMoment): number[] {
  return regularMonths(year, month).map((lunar) => {
    const [start, end] = tithiSpan(lunar, tithi);
    return observanceDay(start, end, moment);
  });
}

export function tithiHoliday(
  id: string,
  names: HolidayNames,
  month: number,
  tithi: number,
  moment: DayMoment = "sunrise",
): HolidayDefinition {
  return dayHoliday(id, names, (year) => inYear(year, tithiDays(year, month, tithi, moment)));
}

/**
 * Rites of a Purnima that shun Bhadra (Vishti, the first half of the tithi): the first day whose `moment`
 * holds Purnima past Bhadra; failing one, the day Purnima ends on if it lasts there past a share of the
 * daytime, else the day before, once Bhadra is over.
 */
function bhadraFreeDays(year: number, month: number, moment: DayMoment, lastDayShare: number): number[] {
  return regularMonths(year, month).map((lunar) => {
    const [start, end] = tithiSpan(lunar, PURNIMA);
    const bhadraEnd = (start + end) / 2;
    for (let day = localDay(start, NEW_DELHI) - 1; ; day++) {
      const instant = momentOf(day, moment);
      if (instant >= end) break;
      if (instant >= bhadraEnd) return day;
    }
    const lastDay = localDay(end, NEW_DELHI);
    const rise = sunrise(lastDay, NEW_DELHI);
    return end > rise + (sunset(lastDay, NEW_DELHI) - rise) * lastDayShare ? lastDay : lastDay - 1;
  });
}

/** Holika Dahan: the evening bonfire; on the second day only when Purnima fills three quarters of it. */
export const holikaDahanDays = (year: number) => bhadraFreeDays(year, PHALGUNA, "evening", 0.75);
/** Raksha Bandhan: the afternoon; the second day's morning when Purnima lasts three muhurtas into it. */
export const rakshaBandhanDays = (year: number) => bhadraFreeDays(year, SHRAVANA, "afternoon", 0.2);

/**
 * Vijayadashami: Dashami in the afternoon (aparahna); when Dashami also holds the next sunrise and Shravana
 * nakshatra that afternoon, the next day.
 */
function vijayadashamiDay(lunar: LunarMonth): number {
  const [start, end] = tithiSpan(lunar, 10);
  const afternoonDay = observanceDay(start, end, "afternoon");
  const sunriseDay = observanceDay(start, end, "sunrise");
  const dashamiAtSunrise = sunrise(sunriseDay, NEW_DELHI) >= start;
  return sunriseDay > afternoonDay &&
    dashamiAtSunrise &&
    nakshatraAt(momentOf(sunriseDay, "afternoon")) === SHRAVANA_NAKSHATRA
    ? sunriseDay
    : afternoonDay;
}

/**
 * Vesak, as Sri Lanka keeps it: the full moon of Vaishakha on the civil day holding the middle of the
 * Purnima tithi (India's Buddha Purnima takes the sunrise, a day later in some years; Singapore and Malaysia
 * follow the Chinese calendar and Thailand its own, a month later in some years).
 */
export function vesakDays(year: number): number[] {
  return regularMonths(year, VAISHAKHA).map((lunar) => {
    const [start, end] = tithiSpan(lunar, PURNIMA);
    return localDay((start + end) / 2, NEW_DELHI);
  });
}

export const vijayadashamiDays = (year: number) => regularMonths(year, ASHVIN).map(vijayadashamiDay);

/** Festivals kept in the forenoon, on the first day it has their tithi. */
export function forenoonHoliday(
  id: string,
  names: HolidayNames,
  month: number,
  tithi: number,
): HolidayDefinition {
  return dayHoliday(id, names, (year) =>
    inYear(
      year,
      regularMonths(year, month).map((lunar) => forenoonDay(...tithiSpan(lunar, tithi))),
    ),
  );
}

/** A run of days from a tithi of Ashvin's bright half up to Vijayadashami (or through it). */
export function ashvinRun(
  id: string,
  names: HolidayNames,
  fromTithi: number,
  throughDashami: boolean,
): HolidayDefinition {
  return {
    id,
    kind: "holiday",
    names,
    occurrences: (year) =>
      regularMonths(year, ASHVIN)
        .map((lunar) => {
          const [start, end] = tithiSpan(lunar, fromTithi);
          const last = vijayadashamiDay(lunar);
          return daySpan(observanceDay(start, end, "sunrise"), throughDashami ? last + 1 : last);
        })
        .filter((occurrence) => occurrence.start.year === year),
  };
}
