// Holidays for the temporal engine: names found in folded text, and dates for any Gregorian year.
export { HOLIDAY_IDS } from "./catalog.js";
export type { CivilDate } from "./civil-date.js";
export { findHolidays, HOLIDAY_PATTERNS, type HolidayMatch } from "./find-holidays.js";
export type { HolidayGrain, HolidayInstant, HolidayKind, HolidayOccurrence } from "./holiday-definition.js";
export { nextOccurrence, type OccurrenceDirection } from "./next-occurrence.js";
export { holidayOccurrence, holidayOccurrences } from "./occurrence.js";
export { seasonPeriod } from "./seasons.js";
