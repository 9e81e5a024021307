// Ordinal weekdays (conventions, rule 17): "el primer lunes de abril", "el 1er lunes de julio", "el último
// viernes del mes", "el tercer martes de octubre de 2026", "el segundo jueves del mes que viene". "Del mes"
// is this month; a month named without a year is resolved by the policy (the first year not before today).
import type { Parser } from "../../../temporal/types.js";
import { ANY_WEEKDAY, weekdayOf } from "./duckling-weekdays.js";
import { MONTH_PATTERN, MONTHS } from "./words.js";

/** Spanish ordinals as people write them, typed forms included ("1er", "1ero", "2do", "ultimo"). */
export const ORDINALS: Record<string, number> = {
  primer: 1,
  primero: 1,
  "1er": 1,
  "1ero": 1,
  "1ro": 1,
  segundo: 2,
  "2do": 2,
  tercer: 3,
  tercero: 3,
  "3er": 3,
  "3ro": 3,
  cuarto: 4,
  "4to": 4,
  quinto: 5,
  "5to": 5,
  ultimo: -1,
  penultimo: -2,
};
const ORDINAL =
  "primero|primer|1ero|1er|1ro|segundo|2do|tercero|tercer|3er|3ro|cuarto|4to|quinto|5to|ultimo|penultimo";
const MONTH_OFFSETS: Record<string, number> = {
  "del mes": 0,
  "de este mes": 0,
  "del mes que viene": 1,
  "del proximo mes": 1,
  "del mes proximo": 1,
  "del mes pasado": -1,
};
const MONTH_OFFSET = "del mes que viene|del proximo mes|del mes proximo|del mes pasado|de este mes|del mes";

export const ordinalWeekdayParser: Parser = {
  name: "es/ordinal-weekday",
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
