// Islamic holidays from the Hijri calendar through Intl. The reading is the Umm al-Qura calendar (Saudi
// Arabia's official one, in its present form since 1 Muharram 1420 = 17 April 1999) from that day on, and
// the astronomical Islamic calendar before it, whose dates match the ones observed then more closely than
// ICU's back-projection of Umm al-Qura. Both read 17 April 1999 as 1 Muharram 1420, so the seam is clean.
import { type CalendarReading, daysWithDate, intlReading } from "./calendar-scan.js";
import { dayNumber, weekdayOf } from "./civil-date.js";
import { dayHoliday, daySpan, type HolidayDefinition, type HolidayNames } from "./holiday-definition.js";

const UMM_AL_QURA_SINCE = dayNumber({ year: 1999, month: 4, day: 17 });
const ummAlQura = intlReading("islamic-umalqura");
const astronomical = intlReading("islamic");

export const HIJRI: CalendarReading = {
  name: "hijri",
  dayOf: (days) => (days >= UMM_AL_QURA_SINCE ? ummAlQura : astronomical).dayOf(days),
};

const MUHARRAM = 1;
const RABI_AL_AWWAL = 3;
const RAJAB = 7;
const RAMADAN = 9;
const SHAWWAL = 10;
const DHU_AL_HIJJAH = 12;
const FRIDAY = 5;

function yearBounds(year: number): [number, number] {
  return [dayNumber({ year, month: 1, day: 1 }), dayNumber({ year: year + 1, month: 1, day: 1 })];
}

/** Days of the Gregorian year on the Hijri date `month`/`day` (an Islamic year is 354 or 355 days long). */
function hijriDays(year: number, month: number, day: number): number[] {
  const [first, next] = yearBounds(year);
  return daysWithDate(HIJRI, String(month), day, first, next);
}

function hijriHoliday(id: string, names: HolidayNames, month: number, day: number): HolidayDefinition {
  return dayHoliday(id, names, (year) => hijriDays(year, month, day));
}

/** Ramadan: from 1 Ramadan up to Eid al-Fitr (exclusive), 29 or 30 days. */
const ramadan: HolidayDefinition = {
  id: "ramadan",
  kind: "holiday",
  names: { en: ["rama[dt]h?an", "ramzaa?n"], es: ["rama[dt]h?an"] },
  occurrences(year) {
    return hijriDays(year, RAMADAN, 1).map((start) => {
      const [eid] = daysWithDate(HIJRI, String(SHAWWAL), 1, start + 28, start + 31);
      return daySpan(start, eid ?? start + 30);
    });
  },
};

/** Jumu'atul-Wida: the last Friday of Ramadan, the last Friday before Eid al-Fitr. */
const lastFridayOfRamadan = dayHoliday(
  "jumuatul-wida",
  {
    en: ["jumu'atul-widaa?'?", "jamat[- ]ul[- ]vida"],
    es: ["jumu'atul-widaa?'?", "ultimo viernes de ramadan"],
  },
  (year) => {
    const [first, next] = yearBounds(year);
    return daysWithDate(HIJRI, String(SHAWWAL), 1, first, next + 7)
      .map((eid) => eid - 1 - ((weekdayOf(eid - 1) - FRIDAY + 7) % 7))
      .filter((friday) => friday >= first && friday < next);
  },
);

export const ISLAMIC_HOLIDAYS: readonly HolidayDefinition[] = [
  hijriHoliday(
    "islamic-new-year",
    {
      en: ["(?:arabic|hijri|islamic) new year", "amun jadid", "muharram"],
      es: ["ano nuevo (?:islamico|musulman|hegira|hijri)"],
    },
    MUHARRAM,
    1,
  ),
  hijriHoliday("ashura", { en: ["(?:day of )?ashura"], es: ["(?:dia de )?ashura"] }, MUHARRAM, 10),
  hijriHoliday(
    "mawlid",
    {
      en: [
        "mawlid(?: al-nab(?:awi|i al-sharif))?",
        "mevli[dt]",
        "mulud",
        "birth(?:day)? of (?:the )?prophet(?: muhammad)?",
        "(?:the )?prophet'?s birthday",
      ],
      es: ["mawlid(?: al-nabawi)?", "nacimiento del profeta(?: mahoma)?"],
    },
    RABI_AL_AWWAL,
    12,
  ),
  hijriHoliday(
    "isra-and-miraj",
    {
      en: [
        "isra and mi'?raj",
        "(?:the )?prophet'?s'? ascension",
        "(?:the )?ascension to heaven",
        "the night journey",
      ],
      es: ["isra y mi'?raj", "el viaje nocturno"],
    },
    RAJAB,
    27,
  ),
  ramadan,
  hijriHoliday(
    "laylat-al-qadr",
    {
      en: ["laylat al[- ][qk]adr", "night of (?:destiny|measures|power|value)"],
      es: ["laylat al[- ][qk]adr", "noche del (?:destino|poder)"],
    },
    RAMADAN,
    27,
  ),
  lastFridayOfRamadan,
  hijriHoliday(
    "eid-al-fitr",
    {
      en: ["e?id (?:al|ul)[- ]fitr"],
      es: ["e?id (?:al|ul)[- ]fitr", "fiesta del fin del (?:ramadan|ayuno)"],
    },
    SHAWWAL,
    1,
  ),
  hijriHoliday(
    "eid-al-adha",
    {
      en: ["bakr[- ]e?id", "e?id [au]l[- ]adha", "sacrifice feast", "feast of (?:the )?sacrifice"],
      es: ["e?id [au]l[- ]adha", "fiesta del (?:cordero|sacrificio)"],
    },
    DHU_AL_HIJJAH,
    10,
  ),
];
