// Calendar dates Duckling reads beyond the core ones: days and years in words ("el uno de marzo", "cuatro
// de mayo de mil novecientos noventa", "día quince"), the month first ("marzo 3", "mayo 5 del 2013"),
// abbreviated weekdays with a day ("jue 15") and day-month with a dash ("17-2", "el 3-3").
import type { Parser, Weekday } from "../../../temporal/types.js";
import { ANY_WEEKDAY, weekdayOf } from "./duckling-weekdays.js";
import { DAY_WORD, spanishNumber, YEAR_WORD } from "./duckling-words.js";
import { MONTH_PATTERN, MONTHS } from "./words.js";

/** A day of the month in digits ("3", "1º", "1ro") or in words ("tres", "primero"). */
export const DAY = `(\\d{1,2})(?:º|°|o|ro)?|(${DAY_WORD})`;
/** A year after a date, in digits or words: ", 2013", " de 2013", " del mil novecientos noventa". */
export const YEAR = `(?:,? (?:de |del )?(\\d{4}|${YEAR_WORD}))?`;

export function dayOf(digits: string | undefined, word: string | undefined): number | null {
  const day = spanishNumber(digits ?? word!);
  return day !== null && day >= 1 && day <= 31 ? day : null;
}

export function yearOf(text: string | undefined): number | undefined | null {
  if (text === undefined) return undefined;
  const year = spanishNumber(text);
  return year !== null && year >= 1000 ? year : null;
}

/** "el cinco de mayo", "viernes, 3 de marzo de 2014", "jue 15 de agosto", "4 de mayo de mil novecientos". */
export const spelledCalendarParser: Parser = {
  name: "es/duckling-calendar",
  pattern: new RegExp(
    `\\b(?:el )?(?:(${ANY_WEEKDAY}),? )?(?:el )?(?:dia )?(?:${DAY})(?: de)? (${MONTH_PATTERN})\\b\\.?${YEAR}`,
    "g",
  ),
  extract(match) {
    const [, weekdayText, digits, word, monthText, yearText] = match;
    const day = dayOf(digits, word);
    const year = yearOf(yearText);
    if (day === null || year === null) return null;
    let weekday: Weekday | undefined;
    if (weekdayText !== undefined) weekday = weekdayOf(weekdayText) ?? undefined;
    return { date: { kind: "calendar", day, month: MONTHS[monthText!]!, year, weekday } };
  },
};

/** "marzo 3", "mayo 5 del 2013". */
export const monthFirstParser: Parser = {
  name: "es/duckling-month-first",
  pattern: new RegExp(
    `\\b(?:el )?(${MONTH_PATTERN})\\.? (\\d{1,2})\\b(?![:.]\\d| ?(?:am|pm|h|hs|horas)\\b)(?:,? (?:de |del )?(\\d{4}))?`,
    "g",
  ),
  extract(match) {
    const day = Number(match[2]);
    if (day < 1 || day > 31) return null;
    const year = match[3] !== undefined ? Number(match[3]) : undefined;
    return { date: { kind: "calendar", day, month: MONTHS[match[1]!]!, year } };
  },
};

/** "jue 15", "el sábado dieciséis": a day of the month on that weekday. */
export const weekdayDayParser: Parser = {
  name: "es/duckling-weekday-day",
  pattern: new RegExp(
    `\\b(?:el )?(${ANY_WEEKDAY}),? (?:el )?(?:dia )?(?:${DAY})\\b(?![:/.-]\\d|:| ?(?:hs|h|hrs|am|pm)\\b| (?:de la|del|y|menos|horas|minutos|min)\\b)`,
    "g",
  ),
  extract(match) {
    const weekday = weekdayOf(match[1]!);
    const day = dayOf(match[2], match[3]);
    if (weekday === null || day === null) return null;
    return { date: { kind: "calendar", day, weekday } };
  },
};

/** "día quince", "el día nueve": a day of the month in words. */
export const dayWordParser: Parser = {
  name: "es/duckling-day-word",
  pattern: new RegExp(`\\b(?:el )?dia (${DAY_WORD})\\b(?! (?:de la|y|menos)\\b)`, "g"),
  extract(match) {
    const day = dayOf(undefined, match[1]);
    return day === null ? null : { date: { kind: "calendar", day } };
  },
};

/** "17-2", "el 3-3": day and month with a dash (day first in Spanish). */
export const dashDateParser: Parser = {
  name: "es/duckling-dash-date",
  pattern: /\b(?:el )?(\d{1,2})-(\d{1,2})\b(?!-\d|[:.]\d| ?(?:am|pm|h|hs|horas)\b| de )/g,
  extract(match, options) {
    const first = Number(match[1]);
    const second = Number(match[2]);
    const [day, month] = options.dayFirst ? [first, second] : [second, first];
    if (month < 1 || month > 12 || day < 1 || day > 31) return null;
    return { date: { kind: "calendar", day, month } };
  },
};

/** What a thousand counts when it is no year: "dos mil pesos", "mil personas". */
const AMOUNT_UNIT = "euros|pesos|dolares|personas|metros|kilometros|km|veces|gracias";

/** "mil novecientos noventa", "el año 2014", "en el año dos mil": a whole year. */
export const yearParser: Parser = {
  name: "es/duckling-year",
  pattern: new RegExp(
    `\\b(?:(?:en el ano|el ano|del ano|ano) (\\d{4}|${YEAR_WORD})|(${YEAR_WORD}))\\b(?! (?:${AMOUNT_UNIT})\\b)`,
    "g",
  ),
  extract(match) {
    const text = match[1] ?? match[2]!;
    // A year in words is Duckling's integer from 1000 to 2100; "mil" alone is "a thousand".
    if (text === "mil") return null;
    const year = yearOf(text);
    if (year === null || year === undefined || (!/^\d/.test(text) && year > 2100)) return null;
    return { date: { kind: "year", year } };
  },
};
