// Hindu, Sikh, Jain and Buddhist festivals of the Indian lunisolar calendar (hindu-calendar.ts), computed
// for New Delhi in Indian Standard Time as the national almanacs and holiday lists date them. Each is a
// tithi of an amanta month, kept on the day whose sunrise (or midday, afternoon, evening, moonrise or
// midnight, as its rite requires) that tithi holds. Festivals of an adhika month are kept in the regular
// month that follows it. Months named after the purnimanta reckoning are converted: Diwali, the amavasya
// of purnimanta Kartika, is the amavasya of amanta Ashvin.
import { civilDate } from "./civil-date.js";
import {
  AMAVASYA,
  ASHADHA,
  ASHVIN,
  BHADRAPADA,
  CHAITRA,
  type DayMoment,
  forenoonDay,
  KARTIKA,
  type LunarMonth,
  lunarMonths,
  MAGHA,
  momentOf,
  nakshatraAt,
  observanceDay,
  PAUSHA,
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
const krishna = (tithi: number) => 15 + tithi;

function inYear(year: number, days: readonly number[]): number[] {
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

function tithiHoliday(
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
const holikaDahanDays = (year: number) => bhadraFreeDays(year, PHALGUNA, "evening", 0.75);
/** Raksha Bandhan: the afternoon; the second day's morning when Purnima lasts three muhurtas into it. */
const rakshaBandhanDays = (year: number) => bhadraFreeDays(year, SHRAVANA, "afternoon", 0.2);

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
function vesakDays(year: number): number[] {
  return regularMonths(year, VAISHAKHA).map((lunar) => {
    const [start, end] = tithiSpan(lunar, PURNIMA);
    return localDay((start + end) / 2, NEW_DELHI);
  });
}

const vijayadashamiDays = (year: number) => regularMonths(year, ASHVIN).map(vijayadashamiDay);

/** Festivals kept in the forenoon, on the first day it has their tithi. */
function forenoonHoliday(id: string, names: HolidayNames, month: number, tithi: number): HolidayDefinition {
  return dayHoliday(id, names, (year) =>
    inYear(
      year,
      regularMonths(year, month).map((lunar) => forenoonDay(...tithiSpan(lunar, tithi))),
    ),
  );
}

/** A run of days from a tithi of Ashvin's bright half up to Vijayadashami (or through it). */
function ashvinRun(
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

export const HINDU_HOLIDAYS: readonly HolidayDefinition[] = [
  // Spring: the lunar new year, Holi, Rama Navami.
  tithiHoliday("ugadi", { en: ["y?ugadi", "samvatsaradi", "chaitra sukh?ladi"] }, CHAITRA, 1),
  tithiHoliday("gudi-padwa", { en: ["gudi padwa"] }, CHAITRA, 1),
  tithiHoliday("rama-navami", { en: ["(?:sri |shri )?rama? navami"] }, CHAITRA, 9, "midday"),
  tithiHoliday("mahavir-jayanti", { en: ["maha[vw](?:ee|i)ra? (?:jayanti|janma kalyanak)"] }, CHAITRA, 13),
  tithiHoliday("hanuman-jayanti", { en: ["hanuman jayanti"] }, CHAITRA, PURNIMA),
  forenoonHoliday("akshaya-tritiya", { en: ["akshaya? tritiya", "akha teej"] }, VAISHAKHA, 3),
  tithiHoliday("buddha-purnima", { en: ["buddha (?:purnima|pournami|jayanti)"] }, VAISHAKHA, PURNIMA),
  dayHoliday(
    "vesak",
    { en: ["vesak", "wesak", "vaisakha", "buddha day", "visakha (?:puja|bucha)"] },
    (year) => inYear(year, vesakDays(year)),
  ),
  tithiHoliday("ratha-yatra", { en: ["rath(?:a)?[- ]yatra", "rath jatra"] }, ASHADHA, 2),
  tithiHoliday("guru-purnima", { en: ["guru purnima", "vyasa purnima"] }, ASHADHA, PURNIMA),
  dayHoliday("raksha-bandhan", { en: ["raksha bandhan", "rakhi", "rakhri"] }, (year) =>
    inYear(year, rakshaBandhanDays(year)),
  ),
  tithiHoliday(
    "krishna-janmashtami",
    { en: ["(?:sri |shri )?krishna janmashtami", "janmashtami", "gokulashtami", "krishnashtami"] },
    SHRAVANA,
    krishna(8),
    "midnight",
  ),
  tithiHoliday(
    "ganesh-chaturthi",
    { en: ["ganesh(?:a)? chaturthi", "vinayaka? chaturthi", "vinayagar chathurthi"] },
    BHADRAPADA,
    4,
    "midday",
  ),
  // Autumn: Navaratri and Durga Puja, Dussehra, then the five days of Diwali.
  ashvinRun("navaratri", { en: ["(?:sharad(?:iya)? )?nava?ratri"] }, 1, false),
  ashvinRun("durga-puja", { en: ["durga puja", "durgotsava"] }, 6, true),
  tithiHoliday("maha-saptami", { en: ["maha saptami", "durga saptami"] }, ASHVIN, 7),
  tithiHoliday("durga-ashtami", { en: ["(?:maha|durga) ashtami"] }, ASHVIN, 8),
  tithiHoliday("maha-navami", { en: ["maha navami"] }, ASHVIN, 9),
  dayHoliday(
    "vijayadashami",
    { en: ["vijaya ?dashami", "dussehra", "dussera", "dasara", "dasha?hara"] },
    (year) => inYear(year, vijayadashamiDays(year)),
  ),
  tithiHoliday(
    "valmiki-jayanti",
    { en: ["(?:maharishi )?valmiki jayanti", "pargat diwas"] },
    ASHVIN,
    PURNIMA,
  ),
  tithiHoliday(
    "karva-chauth",
    { en: ["kar[vw]a chauth", "karaka chaturthi"] },
    ASHVIN,
    krishna(4),
    "moonrise",
  ),
  tithiHoliday("dhanteras", { en: ["dhanteras", "dhana? ?trayodashi"] }, ASHVIN, krishna(13), "evening"),
  // Kali Chaudas is kept on the night Chaturdashi holds at midnight, the eve of Diwali.
  tithiHoliday(
    "naraka-chaturdashi",
    { en: ["naraka? chaturdashi", "kali chaudas", "chh?oti di[vw]ali"] },
    ASHVIN,
    krishna(14),
    "midnight",
  ),
  tithiHoliday(
    "diwali",
    { en: ["di[vw]ali", "deepa?[vw]ali", "lakshmi puja", "laxmi puja"], es: ["di[vw]ali", "deepa?[vw]ali"] },
    ASHVIN,
    AMAVASYA,
    "evening",
  ),
  tithiHoliday("kali-puja", { en: ["kali puja", "shyama puja"] }, ASHVIN, AMAVASYA, "midnight"),
  tithiHoliday("govardhan-puja", { en: ["govardhan puja", "annakut"] }, KARTIKA, 1),
  tithiHoliday(
    "bhai-dooj",
    { en: ["bhai(?:ya)? d(?:oo|u)j", "bhau beej", "bhai tika", "bhai phonta", "yama dwitiya"] },
    KARTIKA,
    2,
    "afternoon",
  ),
  tithiHoliday("chhath", { en: ["chhath(?: puja)?", "dala (?:puja|chhath)", "surya shashthi"] }, KARTIKA, 6),
  tithiHoliday(
    "guru-nanak-jayanti",
    { en: ["guru nanak(?: dev)?(?: ji)? (?:jayanti|gurpurab|birthday|prakash utsav)"] },
    KARTIKA,
    PURNIMA,
  ),
  // Winter.
  tithiHoliday(
    "guru-gobind-singh-jayanti",
    { en: ["guru go[bv]ind singh(?: ji)? (?:jayanti|birthday|gurpurab|prakash utsav)"] },
    PAUSHA,
    7,
  ),
  forenoonHoliday(
    "vasant-panchami",
    { en: ["[vb]asant(?:a)? panchami", "sh?ri panchami", "saraswati puja"] },
    MAGHA,
    5,
  ),
  tithiHoliday("guru-ravidas-jayanti", { en: ["(?:guru )?ravidass? (?:jayanti|birthday)"] }, MAGHA, PURNIMA),
  tithiHoliday(
    "dayananda-saraswati-jayanti",
    { en: ["(?:(?:maharishi |swami )?dayanand(?:a)? )?saraswati jayanti"] },
    MAGHA,
    krishna(10),
  ),
  tithiHoliday(
    "maha-shivaratri",
    { en: ["maha ?shivar?atri", "shivar?atri"] },
    MAGHA,
    krishna(14),
    "midnight",
  ),
  dayHoliday("holika-dahan", { en: ["holika dahan", "chh?oti holi", "kamudu pyre"] }, (year) =>
    inYear(year, holikaDahanDays(year)),
  ),
  dayHoliday("holi", { en: ["holi", "dhulandi", "dhuleti", "phagwah?", "rangwali holi"] }, (year) =>
    inYear(
      year,
      holikaDahanDays(year).map((day) => day + 1),
    ),
  ),
];
