// Easter Sunday by the computus: the Gregorian one of the Western churches (the anonymous algorithm in
// Meeus, "Astronomical Algorithms", ch. 8) and the Julian one of the Orthodox churches, whose Julian date
// is then carried to the Gregorian calendar.
import { type CivilDate, civilDate, dayNumber } from "./civil-date.js";

export function westernEaster(year: number): CivilDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

export function orthodoxEaster(year: number): CivilDate {
  const a = year % 4;
  const b = year % 7;
  const c = year % 19;
  const d = (19 * c + 15) % 30;
  const e = (2 * a + 4 * b - d + 34) % 7;
  const month = Math.floor((d + e + 114) / 31);
  const day = ((d + e + 114) % 31) + 1;
  return civilDate(julianDayNumber({ year, month, day }));
}

/** Days since 1970-01-01 of a date in the Julian calendar. */
function julianDayNumber(date: CivilDate): number {
  const year = date.month <= 2 ? date.year - 1 : date.year;
  const monthFromMarch = (date.month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + date.day - 1;
  const days = year * 365 + Math.floor(year / 4) + dayOfYear;
  // 0000-03-01 (Julian) is two days before 0000-03-01 (proleptic Gregorian).
  return days + dayNumber({ year: 0, month: 3, day: 1 }) - 2;
}
