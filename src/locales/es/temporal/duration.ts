// Durations, only what the user said: "por una hora", "de 45 minutos", "media hora", "hora y media",
// "2 horas", "1h30", "por 2 hs".
import type { Parser } from "../../../temporal/types.js";
import { COUNT_WORD_PATTERN, numberValue } from "./words.js";

const UNIT = "minutos|minuto|mins|min|horas|hora|hrs|hr|hs|h";

export const durationParser: Parser = {
  name: "es/duration",
  pattern: new RegExp(
    `\\b(?:(por|de|durante|x) )?(?:(\\d{1,3})|(${COUNT_WORD_PATTERN})) ?(${UNIT})\\b(?: y (media|cuarto|\\d{1,2} ?(?:minutos|min)))?`,
    "g",
  ),
  extract(match) {
    const [, prefix, digits, word, unit, extra] = match;
    const amount = numberValue(digits ?? word!);
    if (amount === null || amount === 0) return null;
    const isHour = unit!.startsWith("h");
    // "15 hs" and "10h" are clock times; a short unit is a duration only after a prefix.
    if ((unit === "hs" || unit === "h" || unit === "hr" || unit === "hrs") && prefix === undefined)
      return null;
    if (digits === undefined && prefix === undefined && word !== "una" && word !== "un" && !isHour)
      return null;
    let minutes = isHour ? amount * 60 : amount;
    if (extra !== undefined) {
      if (!isHour) return null;
      minutes += extra === "media" ? 30 : extra === "cuarto" ? 15 : Number.parseInt(extra, 10);
    }
    return minutes <= 24 * 60 ? { durationMinutes: minutes } : null;
  },
};

export const durationPhraseParser: Parser = {
  name: "es/duration-phrase",
  gate: { digit: true, words: ["hora"] },
  pattern: new RegExp(
    `\\b(?:(?:por|de|durante) )?(?:(media hora)|(?:(\\d{1,2}|${COUNT_WORD_PATTERN}) )?hora y media|([1-3])h([0-5]\\d))\\b`,
    "g",
  ),
  extract(match) {
    if (match[1] !== undefined) return { durationMinutes: 30 };
    if (match[3] !== undefined) return { durationMinutes: Number(match[3]) * 60 + Number(match[4]) };
    const hours = match[2] !== undefined ? numberValue(match[2]) : 1;
    return hours === null ? null : { durationMinutes: hours * 60 + 30 };
  },
};
