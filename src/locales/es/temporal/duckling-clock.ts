// Clock times as Duckling reads them, beyond the core time parser: minutes in words ("las once y cuarenta
// y cinco", "seis dos de la tarde", "las seis cero dos pm", "a las 6 0 2 pm"), dotted 24-hour times
// ("15.30"), minutes said as ":00" (to the minute), a word hour with a part of the day ("nueve de la
// noche") and "a 11" after a day.
import type { Parser, TimeSpec } from "../../../temporal/types.js";
import { HOUR_WORD, NUMBER_WORD, spanishNumber } from "./duckling-words.js";
import { MONTH_PATTERN } from "./words.js";

const PREFIX =
  "a las|a la|al las|al la|para las|para la|sobre las|sobre la|hacia las|hacia la|desde las|de las|las|la|a";
const DIGIT = "\\d|cero|zero|uno|una|un|dos|tres|cuatro|cinco|seis|siete|ocho|nueve";
const PART =
  "de la manana|de la madrugada|de la tarde|de la noche|del mediodia|en la manana|en la madrugada|en la tarde|en la noche";
/** What follows a number that is no time: amounts, prices, lengths, a month ("a 6 de enero"). */
const NOT_A_TIME = `de (?:${MONTH_PATTERN})|euros|euro|eur|pesos|peso|dolares|dolar|usd|%|km|kg|metros|metro|personas|minutos|minuto|min|segundos|dias|dia|semanas|meses|anos`;

export const clockParser: Parser = {
  name: "es/duckling-clock",
  pattern: new RegExp(
    `\\b(?:(${PREFIX}) )?(\\d{1,2}|${HOUR_WORD})` +
      `(?:([:.h])(\\d{2})|( y| menos) (cuarto|media|\\d{1,2}|${NUMBER_WORD})(?: minutos| minuto)?| (?:cero|zero|0) (${DIGIT})| (\\d{2}|${NUMBER_WORD}))?` +
      `(?: ?(am|pm|a\\.m\\.?|p\\.m\\.?)(?![a-z])| (hs|hrs|horas|h)\\b| (${PART})\\b)?(?: en punto)?` +
      `(?! ?(?:${NOT_A_TIME})(?![a-z]))`,
    "g",
  ),
  extract(match) {
    const [, prefix, hourText] = match;
    const [meridiem, clock, part] = match.slice(9, 12);
    const hour = spanishNumber(hourText!);
    if (hour === null || hour > 24) return null;
    const isDigits = /^\d/.test(hourText!);
    const marked =
      prefix !== undefined || meridiem !== undefined || clock !== undefined || part !== undefined;
    // "mañana a 11" is a time; in "de 9 a 11" the "a" joins a range.
    const afterNumber = /\d ?$/.test(match.input.slice(Math.max(0, match.index - 3), match.index));
    if (prefix === "a" && (!isDigits || afterNumber)) return null;
    if ((prefix === "la" || prefix === "de las") && !isDigits && hourText !== "una") return null;
    // Groups 4 to 8 are the minutes in their several forms.
    const time = minutesOf(hour, match.slice(4, 9), marked);
    if (time === null || (time.minuteGiven && hour > 23)) return null;
    if (meridiem !== undefined) time.meridiem = meridiem.startsWith("a") ? "am" : "pm";
    else if (clock !== undefined) time.clock24 = true;
    else if (part !== undefined) {
      time.meridiem = part.endsWith("manana") || part.endsWith("madrugada") ? "am" : "pm";
      if (part.endsWith("noche") && hour === 12) time.meridiem = "am";
    } else if (isDigits && hourText!.length === 2 && hourText!.startsWith("0")) time.clock24 = true;
    if (time.meridiem !== undefined && (hour > 12 || hour === 0)) delete time.meridiem;
    return { time };
  },
};

/**
 * The minutes after the hour: ":30" / ".30" / "h30", "y cuarto" / "menos diez", "cero dos", "veinte".
 * Unmarked times (no prefix, am/pm or part of the day) need ":30" or "y cuarto" / "y media".
 */
function minutesOf(
  hour: number,
  [clockMinutes, sign, signMinutes, zeroMinutes, wordMinutes]: (string | undefined)[],
  marked: boolean,
): TimeSpec | null {
  if (clockMinutes !== undefined) {
    const minute = Number(clockMinutes);
    return minute > 59 ? null : { hour, minute, minuteGiven: true };
  }
  if (sign !== undefined) {
    const offset = signMinutes === "cuarto" ? 15 : signMinutes === "media" ? 30 : spanishNumber(signMinutes!);
    if (offset === null || offset < 1 || offset > 59) return null;
    if (!marked && signMinutes !== "cuarto" && signMinutes !== "media") return null;
    return sign === " y" ? { hour, minute: offset } : { hour, minute: 0, minutesBefore: offset };
  }
  const spoken = zeroMinutes ?? wordMinutes;
  if (spoken !== undefined) {
    const minute = spanishNumber(spoken);
    return marked && minute !== null && minute <= 59 ? { hour, minute, minuteGiven: true } : null;
  }
  return marked ? { hour, minute: 0 } : null;
}
