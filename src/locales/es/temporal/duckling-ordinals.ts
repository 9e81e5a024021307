// Ordinals: "el tercer martes de octubre", "el último viernes del mes", "el primer lunes del mes que
// viene" (a weekday counted in a month), "el segundo trimestre de 2014" (a quarter).
import type { Parser } from "../../../temporal/types.js";
import { ANY_WEEKDAY, weekdayOf } from "./duckling-weekdays.js";
import { MONTH_PATTERN, MONTHS } from "./words.js";

const ORDINALS: Record<string, number> = {
  primer: 1,
  primero: 1,
  "1er": 1,
  segundo: 2,
  tercer: 3,
  tercero: 3,
  cuarto: 4,
  quinto: 5,
  ultimo: -1,
};
const ORDINAL = "primero|primer|1er|segundo|tercero|tercer|cuarto|quinto|ultimo";
const MONTH_OFFSETS: Record<string, number> = {
  "del mes": 0,
  "de este mes": 0,
  "del mes que viene": 1,
  "del proximo mes": 1,
  "del mes pasado": -1,
};
const MONTH_OFFSET = "del mes que viene|del proximo mes|del mes pasado|de este mes|del mes";

export const nthWeekdayParser: Parser = {
  name: "es/duckling-nth-weekday",
  pattern: new RegExp(
    `\\b(?:el )?(${ORDINAL}) (${ANY_WEEKDAY}) (?:de (${MONTH_PATTERN})\\b(?:,? (?:de |del )?(\\d{4}))?|(${MONTH_OFFSET})\\b)`,
    "g",
  ),
  extract(match) {
    const [, ordinalText, weekdayText, monthText, yearText, offsetText] = match;
    const weekday = weekdayOf(weekdayText!);
    if (weekday === null) return null;
    const ordinal = ORDINALS[ordinalText!]!;
    if (offsetText !== undefined)
      return { date: { kind: "nthWeekday", ordinal, weekday, monthOffset: MONTH_OFFSETS[offsetText]! } };
    const year = yearText !== undefined ? Number(yearText) : undefined;
    return { date: { kind: "nthWeekday", ordinal, weekday, month: MONTHS[monthText!]!, year } };
  },
};

export const quarterParser: Parser = {
  name: "es/duckling-quarter",
  pattern:
    /\b(?:el )?(?:(primer|1er|segundo|tercer|cuarto) trimestre|t([1-4]))(?:,? (?:de |del )?(\d{4}))?\b/g,
  extract(match) {
    const quarter = match[2] !== undefined ? Number(match[2]) : ORDINALS[match[1]!]!;
    if (quarter < 1 || quarter > 4) return null;
    const year = match[3] !== undefined ? Number(match[3]) : undefined;
    return { date: { kind: "quarter", quarter, year } };
  },
};
