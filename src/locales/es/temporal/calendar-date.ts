// Dates with a month name: "el 3 de enero", "viernes 29 de mayo de 2027", "1º de marzo", "el día 15 de
// octubre"; and a day alone: "el 28", "el día 15", "el viernes 29".
import type { Parser } from "../../../temporal/types.js";
import { MONTH_PATTERN, MONTHS, WEEKDAY_PATTERN, WEEKDAYS } from "./words.js";

const DAY = "(\\d{1,2})(?:º|°|o|ro)?";

export const calendarDateParser: Parser = {
  name: "es/calendar-date",
  gate: { words: MONTH_PATTERN.split("|") },
  pattern: new RegExp(
    `\\b(?:el )?(?:(${WEEKDAY_PATTERN}),? )?(?:el )?(?:dia )?(?:${DAY}|(primero))(?: de)? (${MONTH_PATTERN})\\b\\.?(?:,? (?:de |del )?(\\d{4}))?`,
    "g",
  ),
  extract(match) {
    const day = match[3] !== undefined ? 1 : Number(match[2]);
    const month = MONTHS[match[4]!]!;
    const weekday = match[1] !== undefined ? WEEKDAYS[match[1]] : undefined;
    const year = match[5] !== undefined ? Number(match[5]) : undefined;
    return { date: { kind: "calendar", day, month, year, weekday } };
  },
};

export const dayOfMonthParser: Parser = {
  name: "es/day-of-month",
  gate: { digit: true },
  pattern: new RegExp(
    `\\b(?:(?:el )?(${WEEKDAY_PATTERN}) (?:el )?(?:dia )?|el (?:dia )?|dia )(\\d{1,2})(?:º|°|o|ro)?\\b(?![:/.-]\\d|:| ?(?:hs|h|hrs|am|pm)\\b| (?:de la|del|menos|horas|minutos|min)\\b| y (?:media|cuarto|cinco|diez|veinte|veinticinco|\\d))`,
    "g",
  ),
  extract(match) {
    const day = Number(match[2]);
    if (day < 1 || day > 31) return null;
    const weekday = match[1] !== undefined ? WEEKDAYS[match[1]] : undefined;
    return { date: { kind: "calendar", day, weekday } };
  },
};
