// Weekdays as Duckling reads them: abbreviations ("lun.", "mié.", "mx", "jue"); "el próximo viernes" and
// "miércoles que viene" skip the nearest one; "el lunes de esta semana" and "el domingo de la semana
// pasada" name a day of a calendar week.
import type { DateSpec, Parser, Weekday } from "../../../temporal/types.js";
import { WEEKDAY_PATTERN, WEEKDAYS } from "./words.js";

const ABBREVIATIONS: Record<string, Weekday> = {
  lu: 1,
  lun: 1,
  ma: 2,
  mar: 2,
  mie: 3,
  mier: 3,
  mx: 3,
  jue: 4,
  vie: 5,
  sab: 6,
  dom: 7,
};
const ABBREVIATION_PATTERN = "lun|lu|mar|ma|mier|mie|mx|jue|vie|sab|dom";

/** A weekday, written out or abbreviated (an abbreviation may end in a dot). */
export const ANY_WEEKDAY = `${WEEKDAY_PATTERN}|(?:${ABBREVIATION_PATTERN})\\b\\.?`;

export function weekdayOf(text: string): Weekday | null {
  const word = text.endsWith(".") ? text.slice(0, -1) : text;
  return WEEKDAYS[word] ?? ABBREVIATIONS[word] ?? null;
}

export const weekdayAbbreviationParser: Parser = {
  name: "es/duckling-weekday-abbreviation",
  pattern: new RegExp(`\\b(?:el )?(${ABBREVIATION_PATTERN})\\b(\\.)?(?! ?[\\d/:-])`, "g"),
  extract(match) {
    const weekday = weekdayOf(match[1]!);
    return weekday === null ? null : { date: { kind: "weekday", weekday } };
  },
};

const WEEKS: Record<string, NonNullable<Extract<DateSpec, { kind: "weekday" }>["week"]>> = {
  "esta semana": "this",
  "la semana pasada": "previous",
  "la semana anterior": "previous",
  "la semana que viene": "next",
  "la proxima semana": "next",
  "la semana proxima": "next",
  "la siguiente semana": "next",
  "la semana siguiente": "next",
};
const WEEK_PATTERN = Object.keys(WEEKS).join("|");

export const weekdayOfWeekParser: Parser = {
  name: "es/duckling-weekday-of-week",
  pattern: new RegExp(`\\b(?:el )?(${ANY_WEEKDAY}),? (?:de|del) (${WEEK_PATTERN})\\b`, "g"),
  extract(match) {
    const weekday = weekdayOf(match[1]!);
    return weekday === null ? null : { date: { kind: "weekday", weekday, week: WEEKS[match[2]!] } };
  },
};

/** "el próximo viernes", "el viernes que viene", "el siguiente lunes": not the nearest one. */
export const nextWeekdayParser: Parser = {
  name: "es/duckling-next-weekday",
  pattern: new RegExp(
    `\\b(?:el )?(?:(?:proximo|siguiente) (${WEEKDAY_PATTERN})|(${WEEKDAY_PATTERN}) (?:que viene|proximo|siguiente))\\b`,
    "g",
  ),
  extract(match) {
    const weekday = weekdayOf(match[1] ?? match[2]!);
    return weekday === null ? null : { date: { kind: "weekday", weekday, skipNearest: true } };
  },
};
