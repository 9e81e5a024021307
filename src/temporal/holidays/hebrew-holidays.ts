// Jewish holidays from the Hebrew calendar (Intl "hebrew"). As in Duckling, a holiday is dated by its eve:
// the Gregorian day at whose sunset it begins (Rosh Hashanah 5779, 1 Tishri = 10 September 2018, is
// 2018-09-09), and a multi-day one runs from that eve. Israeli observances move off the Sabbath by law.

import { type CalendarReading, daysWithDate, intlReading } from "./calendar-scan.js";
import { dayNumber, weekdayOf } from "./civil-date.js";
import { dayHoliday, type HolidayDefinition, type HolidayNames } from "./holiday-definition.js";

/** ICU's English month names (and common spellings) to one name per month. */
const MONTH_NAMES: Readonly<Record<string, string>> = {
  tishri: "tishri",
  tishrei: "tishri",
  heshvan: "heshvan",
  cheshvan: "heshvan",
  marcheshvan: "heshvan",
  kislev: "kislev",
  tevet: "tevet",
  teveth: "tevet",
  shevat: "shevat",
  shvat: "shevat",
  "adar i": "adar i",
  adar: "adar",
  "adar ii": "adar ii",
  nisan: "nisan",
  iyar: "iyar",
  iyyar: "iyar",
  sivan: "sivan",
  tamuz: "tamuz",
  tammuz: "tamuz",
  av: "av",
  elul: "elul",
};

const intlHebrew = intlReading("hebrew");

export const HEBREW: CalendarReading = {
  name: "hebrew",
  dayOf(days) {
    const date = intlHebrew.dayOf(days);
    return { ...date, month: MONTH_NAMES[date.month] ?? date.month };
  },
};

/** How an observance moves when its date falls on a given weekday: days to add. */
type Shift = (weekday: number, hebrewYear: number) => number;

const FRIDAY = 5;
const SATURDAY = 6;
const SUNDAY = 7;
const MONDAY = 1;

/** Eves falling in the Gregorian year of the Hebrew date `month`/`day` (in any of `months`). */
function eves(year: number, months: readonly string[], day: number, shift?: Shift): number[] {
  const first = dayNumber({ year, month: 1, day: 1 });
  const next = dayNumber({ year: year + 1, month: 1, day: 1 });
  const result: number[] = [];
  for (const month of months) {
    // A week of margin on both sides: a shifted date may cross into the year.
    for (const days of daysWithDate(HEBREW, month, day, first - 7, next + 7)) {
      const observed = shift === undefined ? days : days + shift(weekdayOf(days), HEBREW.dayOf(days).year);
      const eve = observed - 1;
      if (eve >= first && eve < next) result.push(eve);
    }
  }
  return result.sort((a, b) => a - b);
}

function hebrewHoliday(
  id: string,
  names: HolidayNames,
  months: readonly string[],
  day: number,
  length = 1,
  shift?: Shift,
): HolidayDefinition {
  return dayHoliday(id, names, (year) => eves(year, months, day, shift), length);
}

// Purim is in Adar, which is Adar II in a leap year.
const ADAR = ["adar", "adar ii"] as const;

/** Yom HaAtzmaut (5 Iyar): Friday or Saturday back to Thursday; Monday on to Tuesday since 5764 (2004). */
const independenceShift: Shift = (weekday, hebrewYear) =>
  weekday === FRIDAY ? -1 : weekday === SATURDAY ? -2 : weekday === MONDAY && hebrewYear >= 5764 ? 1 : 0;
/** Yom HaShoah (27 Nisan): Friday back to Thursday, Sunday on to Monday. */
const shoahShift: Shift = (weekday) => (weekday === FRIDAY ? -1 : weekday === SUNDAY ? 1 : 0);
/** Tisha B'Av (9 Av): a fast that falls on the Sabbath is kept on Sunday. */
const sabbathFastShift: Shift = (weekday) => (weekday === SATURDAY ? 1 : 0);

export const HEBREW_HOLIDAYS: readonly HolidayDefinition[] = [
  // 1-2 Tishri.
  hebrewHoliday(
    "rosh-hashanah",
    { en: ["rosh hashann?ah?", "yom teruah"], es: ["rosh hashann?ah?", "ano nuevo judio"] },
    ["tishri"],
    1,
    3,
  ),
  hebrewHoliday("yom-kippur", { en: ["yom kipp?ur"], es: ["yom kipp?ur", "dia del perdon"] }, ["tishri"], 10),
  // 15-22 Tishri, Shemini Atzeret included.
  hebrewHoliday(
    "sukkot",
    {
      en: ["feast of (?:booths|tabernacles|the ingathering)", "su[ck]{2}o[st]"],
      es: ["su[ck]{1,2}o[st]", "fiesta de (?:las cabanas|los tabernaculos)"],
    },
    ["tishri"],
    15,
    9,
  ),
  hebrewHoliday("shemini-atzeret", { en: ["shemini atzeret"], es: ["shemini atzeret"] }, ["tishri"], 22),
  hebrewHoliday("simchat-torah", { en: ["simc?hat torah"], es: ["simc?hat torah?"] }, ["tishri"], 23),
  // Eight days from 25 Kislev.
  hebrewHoliday(
    "hanukkah",
    { en: ["c?hann?ukk?ah"], es: ["c?hann?ukk?ah", "januca", "janukah?", "fiesta de las luces"] },
    ["kislev"],
    25,
    8,
  ),
  hebrewHoliday("tu-bishvat", { en: ["tu b[i']?shvat"], es: ["tu b[i']?shvat"] }, ["shevat"], 15),
  hebrewHoliday("purim", { en: ["purim"], es: ["purim"] }, ADAR, 14),
  hebrewHoliday("shushan-purim", { en: ["shushan purim"], es: ["shushan purim"] }, ADAR, 15),
  // 15-22 Nisan.
  hebrewHoliday(
    "passover",
    { en: ["passover", "pesa[ck]?h"], es: ["pesaj", "pesa[ck]?h", "pascua judia"] },
    ["nisan"],
    15,
    9,
  ),
  hebrewHoliday(
    "yom-hashoah",
    {
      en: ["yom hashoah", "yom hazikaron lashoah ve-lag'vurah", "holocaust (?:remembrance )?day"],
      es: ["yom hashoah", "dia del recuerdo del holocausto"],
    },
    ["nisan"],
    27,
    1,
    shoahShift,
  ),
  hebrewHoliday(
    "yom-haatzmaut",
    { en: ["yom ha'?atzmaut"], es: ["yom ha'?atzmaut", "dia de la independencia de israel"] },
    ["iyar"],
    5,
    1,
    independenceShift,
  ),
  hebrewHoliday("lag-baomer", { en: ["lag b[a']?omer"], es: ["lag b[a']?omer"] }, ["iyar"], 18),
  // 6-7 Sivan.
  hebrewHoliday(
    "shavuot",
    { en: ["feast of weeks", "shavu'?oth?", "shovuos"], es: ["shavu'?oth?", "fiesta de las semanas"] },
    ["sivan"],
    6,
    3,
  ),
  hebrewHoliday("tisha-bav", { en: ["tisha b'?av"], es: ["tisha b'?av"] }, ["av"], 9, 1, sabbathFastShift),
];
