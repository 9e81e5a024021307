// Weekdays: "el lunes", "el próximo lunes", "el jueves que viene", "este miércoles" (the first occurrence
// after today); "el lunes de la semana que viene" and "la semana que viene, el martes" (next calendar
// week); "el lunes pasado" (the last one).
import type { Parser } from "../../../temporal/types.js";
import { WEEKDAY_PATTERN, WEEKDAYS } from "./words.js";

const NEXT_WEEK = "de la semana que viene|de la proxima semana|de la semana proxima|de la otra semana";

export const weekdayParser: Parser = {
  name: "es/weekday",
  gate: { words: WEEKDAY_PATTERN.split("|") },
  pattern: new RegExp(
    `\\b(?:(el|este|esta|el proximo|proximo|la proxima) )?(${WEEKDAY_PATTERN})(?: (que viene|proximo|pasado|de esta semana|de la semana pasada|${NEXT_WEEK}))?\\b`,
    "g",
  ),
  extract(match) {
    const [, prefix, name, suffix] = match;
    const weekday = WEEKDAYS[name!]!;
    if (suffix === "pasado") return { date: { kind: "weekday", weekday, week: "last" } };
    if (suffix === "de esta semana") return { date: { kind: "weekday", weekday, week: "this" } };
    if (suffix === "de la semana pasada") return { date: { kind: "weekday", weekday, week: "previous" } };
    if (suffix?.startsWith("de la")) return { date: { kind: "weekday", weekday, week: "next" } };
    // "el próximo viernes", "el jueves que viene": the first one after today for appointments; Duckling's
    // reading skips the nearest (skipNearest), so the parser records what was said.
    const skipNearest = prefix?.includes("proxim") === true || suffix === "que viene" || suffix === "proximo";
    return { date: { kind: "weekday", weekday, ...(skipNearest ? { skipNearest } : {}) } };
  },
};

export const nextWeekWeekdayParser: Parser = {
  name: "es/next-week-weekday",
  gate: { words: WEEKDAY_PATTERN.split("|") },
  pattern: new RegExp(
    `\\b(?:la semana que viene|la proxima semana|la semana proxima),? (?:el )?(${WEEKDAY_PATTERN})\\b`,
    "g",
  ),
  extract(match) {
    return { date: { kind: "weekday", weekday: WEEKDAYS[match[1]!]!, week: "next" } };
  },
};
