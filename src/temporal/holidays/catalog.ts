// Every holiday the module knows, by id. The order is only the order of HOLIDAY_PATTERNS.
import { EASTER_HOLIDAYS } from "./easter-holidays.js";
import { FIXED_HOLIDAYS } from "./fixed-holidays.js";
import { HEBREW_HOLIDAYS } from "./hebrew-holidays.js";
import { HINDU_HOLIDAYS } from "./hindu-holidays.js";
import type { HolidayDefinition } from "./holiday-definition.js";
import { INDIAN_SOLAR_HOLIDAYS } from "./indian-solar-holidays.js";
import { ISLAMIC_HOLIDAYS } from "./islamic-holidays.js";
import { SEASON_HOLIDAYS } from "./seasons.js";
import { SPECIAL_HOLIDAYS } from "./special-holidays.js";
import { WEEKDAY_HOLIDAYS } from "./weekday-holidays.js";
import { WORLD_DAY_HOLIDAYS } from "./world-days.js";

export const HOLIDAYS: readonly HolidayDefinition[] = [
  ...FIXED_HOLIDAYS,
  ...WORLD_DAY_HOLIDAYS,
  ...WEEKDAY_HOLIDAYS,
  ...EASTER_HOLIDAYS,
  ...HEBREW_HOLIDAYS,
  ...ISLAMIC_HOLIDAYS,
  ...HINDU_HOLIDAYS,
  ...INDIAN_SOLAR_HOLIDAYS,
  ...SPECIAL_HOLIDAYS,
  ...SEASON_HOLIDAYS,
];

const BY_ID = new Map(HOLIDAYS.map((holiday) => [holiday.id, holiday]));

export function holidayDefinition(id: string): HolidayDefinition | undefined {
  return BY_ID.get(id);
}

export const HOLIDAY_IDS: readonly string[] = HOLIDAYS.map((holiday) => holiday.id);
