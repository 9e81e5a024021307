// Festivals of the Indian solar calendars: each begins a sidereal solar month (hindu-calendar.ts), and
// regions begin a month on different days from the same sankranti: Tamil Nadu that day if it comes before
// sunset, Kerala if before the afternoon, Punjab on its day, Bengal on the next.
import {
  nakshatraSpanAfter,
  observanceDay,
  type SolarMonthRule,
  sankranti,
  solarMonthStart,
} from "./hindu-calendar.js";
import { dayHoliday, type HolidayDefinition, type HolidayNames } from "./holiday-definition.js";
import { localMidnight, type Place } from "./sun-times.js";

const CHENNAI: Place = { latitude: 13.0827, longitude: 80.2707, utcOffsetMinutes: 330 };
const KOCHI: Place = { latitude: 9.9312, longitude: 76.2673, utcOffsetMinutes: 330 };
const AMRITSAR: Place = { latitude: 31.634, longitude: 74.8723, utcOffsetMinutes: 330 };
const KOLKATA: Place = { latitude: 22.5726, longitude: 88.3639, utcOffsetMinutes: 330 };

const ARIES = 0;
const LEO = 4;
const VIRGO = 5;
const CAPRICORN = 9;
/** Thiruvonam, the Moon's mansion of Shravana: the 22nd nakshatra. */
const THIRUVONAM = 22;

function monthStart(year: number, sign: number, rule: SolarMonthRule, place: Place): number {
  return solarMonthStart(sankranti(year, sign), rule, place);
}

/** A day a fixed number of days from the first day of a regional solar month. */
function solarHoliday(
  id: string,
  names: HolidayNames,
  sign: number,
  rule: SolarMonthRule,
  place: Place,
  offset = 0,
): HolidayDefinition {
  return dayHoliday(id, names, (year) => [monthStart(year, sign, rule, place) + offset]);
}

/**
 * Onam: the day of Chingam (the Sun in Leo) whose morning the Moon spends in Thiruvonam; the second such
 * day when Chingam, a month longer than the Moon's round of the mansions, has two.
 */
function onamDay(year: number): number {
  const first = monthStart(year, LEO, "before-afternoon", KOCHI);
  const next = monthStart(year, VIRGO, "before-afternoon", KOCHI);
  let onam = first;
  for (let from = localMidnight(first, KOCHI); ; ) {
    const [start, end] = nakshatraSpanAfter(THIRUVONAM, from);
    const day = observanceDay(start, end, "morning", KOCHI);
    if (day >= next) return onam;
    if (day >= first) onam = day;
    // Past the mansion's end, so the next search finds the next round.
    from = end + 3_600_000;
  }
}

export const INDIAN_SOLAR_HOLIDAYS: readonly HolidayDefinition[] = [
  // Makara Sankranti: the Sun enters sidereal Capricorn; Pongal and Bhogi keep the Tamil reckoning.
  solarHoliday(
    "makar-sankranti",
    { en: ["makara? sankranth?i", "maghi", "uttarayan"] },
    CAPRICORN,
    "before-sunset",
    CHENNAI,
  ),
  solarHoliday("bhogi", { en: ["bh?ogi pandigai", "bhogi"] }, CAPRICORN, "before-sunset", CHENNAI, -1),
  solarHoliday("thai-pongal", { en: ["(?:thai )?pongal"] }, CAPRICORN, "before-sunset", CHENNAI),
  solarHoliday("mattu-pongal", { en: ["maa?ttu pongal"] }, CAPRICORN, "before-sunset", CHENNAI, 1),
  solarHoliday(
    "kaanum-pongal",
    { en: ["kaa?num pongal", "kanni pongal"] },
    CAPRICORN,
    "before-sunset",
    CHENNAI,
    2,
  ),
  // The Sun enters sidereal Aries: the solar new year.
  solarHoliday(
    "vaisakhi",
    { en: ["vaisakhi", "vaishakhi", "vasakhi", "baisakhi", "baishakhi"] },
    ARIES,
    "same-day",
    AMRITSAR,
  ),
  solarHoliday("puthandu", { en: ["puthandu", "tamil new year"] }, ARIES, "before-sunset", CHENNAI),
  solarHoliday("vishu", { en: ["vishu"] }, ARIES, "before-afternoon", KOCHI),
  solarHoliday(
    "pohela-boishakh",
    { en: ["(?:pohela|poila|pahela) (?:boishakh|baisakh)", "bengali new year"] },
    ARIES,
    "next-day",
    KOLKATA,
  ),
  // Tagore's birthday, 25 Boishakh of the Bengali calendar (West Bengal's reckoning).
  solarHoliday(
    "rabindra-jayanti",
    { en: ["rabindra(?:nath)? jayanti", "(?:rabindranath )?tagore jayanti", "pochishe boishakh"] },
    ARIES,
    "next-day",
    KOLKATA,
    24,
  ),
  dayHoliday("onam", { en: ["(?:thiru ?v?)?onam"] }, (year) => [onamDay(year)]),
];
