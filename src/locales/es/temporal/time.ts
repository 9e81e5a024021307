// Clock times: "a las 10", "a las 3 de la tarde", "10am", "15 hs", "10:30", "a las diez y media",
// "a las 4 menos cuarto", "tipo 5", "mediodía", "medianoche". A bare number is a time only after a
// clock prefix ("a las", "tipo") or with a suffix (am/pm, hs, a part of the day). "y 20" adds minutes
// only to an hour without them: "12:30 y 18:00" lists two times.
import type { Parser, TimeSpec } from "../../../temporal/types.js";
import { HOUR_WORD_PATTERN, MINUTE_WORD_PATTERN, MINUTE_WORDS, numberValue } from "./words.js";

const PREFIX =
  "a las|a la|sobre las|sobre la|tipo|a eso de las|a eso de la|para las|para la|desde las|de las|las|la";
const PART = "de la manana|de la madrugada|de la tarde|de la noche|del mediodia|de la noche";

export const timeParser: Parser = {
  name: "es/time",
  pattern: new RegExp(
    `\\b(?:(${PREFIX}) )?(\\d{1,2}|${HOUR_WORD_PATTERN})(?:(:|h|\\.)(\\d{2}))?(?:(?<![:h.]\\d\\d) (y|menos) (${MINUTE_WORD_PATTERN}|\\d{1,2})(?: minutos)?)?(?: ?(am|pm|a\\.m\\.?|p\\.m\\.?|hs|hrs|hr|h)(?![a-z])| (${PART}))?(?: en punto)?`,
    "g",
  ),
  extract(match) {
    const [, prefix, hourText, separator, minuteText, sign, offsetText, suffix, part] = match;
    const hour = numberValue(hourText!);
    if (hour === null || hour > 24) return null;
    const isDigits = /^\d/.test(hourText!);
    // "la una" and "las diez" need the article; a number needs a prefix, minutes or a suffix.
    if (
      prefix === undefined &&
      (!isDigits || (minuteText === undefined && suffix === undefined && part === undefined))
    ) {
      return null;
    }
    // "10.30" alone may be a price: a dotted time needs a prefix or a suffix.
    if (separator === "." && prefix === undefined && suffix === undefined && part === undefined) return null;
    if ((prefix === "la" || prefix === "de las") && !isDigits && hourText !== "una") return null;
    const minute = minuteText !== undefined ? Number(minuteText) : 0;
    if (minute > 59) return null;
    const time: TimeSpec = { hour, minute };
    if (minuteText !== undefined || sign !== undefined) time.minuteGiven = true;
    if (sign !== undefined) {
      const offset = MINUTE_WORDS[offsetText!] ?? Number(offsetText);
      if (offset > 59 || minute + offset > 59) return null;
      if (sign === "y") time.minute += offset;
      else time.minutesBefore = offset;
    }
    if (suffix !== undefined) {
      if (suffix.startsWith("a")) time.meridiem = "am";
      else if (suffix.startsWith("p")) time.meridiem = "pm";
      else time.clock24 = true;
    } else if (part !== undefined) {
      time.meridiem = part.endsWith("manana") || part.endsWith("madrugada") ? "am" : "pm";
      if (part.endsWith("noche") && hour === 12) {
        time.meridiem = "am";
        time.midnight = true;
      }
    } else if (isDigits && hourText!.length === 2 && hourText!.startsWith("0")) {
      time.clock24 = true;
    }
    if (time.meridiem !== undefined && (hour > 12 || hour === 0)) delete time.meridiem;
    return { time };
  },
};

export const noonParser: Parser = {
  name: "es/noon",
  gate: { words: ["mediodia", "medio", "medianoche", "media"] },
  pattern:
    /\b(?:al |a |el |del |a las 12 del |a las doce del )?(mediodia|medio dia|medianoche|media noche)\b/g,
  extract(match) {
    if (match[1]!.startsWith("medio")) return { time: { hour: 12, minute: 0, clock24: true } };
    return { time: { hour: 0, minute: 0, clock24: true, midnight: true } };
  },
};
