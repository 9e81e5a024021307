// Weekdays: "el lunes", "el próximo lunes", "el jueves que viene", "este miércoles" (the first occurrence
// after today); "el lunes de la semana que viene" and "la semana que viene, el martes" (next calendar
// week); "el lunes pasado" (the last one).
import type { Parser } from "../../types.js";
import { WEEKDAY_PATTERN, WEEKDAYS } from "./words.js";

const NEXT_WEEK = "de la semana que viene|de la proxima semana|de la semana proxima|de la otra semana";

export const weekdayParser: Parser = {
  name: "es/weekday",
  pattern: new RegExp(
    `\\b(?:(?:el|este|esta|el proximo|proximo|la proxima) )?(${WEEKDAY_PATTERN})(?: (que viene|proximo|pasado|${NEXT_WEEK}))?\\b`,
    "g",
  ),
  extract(match) {
    const weekday = WEEKDAYS[match[1]!]!;
    const suffix = match[2];
    if (suffix === "pasado") return { date: { kind: "weekday", weekday, week: "last" } };
    if (suffix?.startsWith("de la")) return { date: { kind: "weekday", weekday, week: "next" } };
    return { date: { kind: "weekday", weekday } };
  },
};

export const nextWeekWeekdayParser: Parser = {
  name: "es/next-week-weekday",
  pattern: new RegExp(
    `\\b(?:la semana que viene|la proxima semana|la semana proxima),? (?:el )?(${WEEKDAY_PATTERN})\\b`,
    "g",
  ),
  extract(match) {
    return { date: { kind: "weekday", weekday: WEEKDAYS[match[1]!]!, week: "next" } };
  },
};
