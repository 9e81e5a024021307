// Spans of whole units after or before the current one: "los próximos 3 días", "3 próximas semanas",
// "tres meses que vienen", "pasados 2 años", "dos pasados meses", "las últimas 2 horas".
import type { ExpressionFields, Parser } from "../../../temporal/types.js";
import { COUNT, countOf, UNIT_WORD, unitOf } from "./duckling-words.js";

const DIRECTION = "proximos|proximas|proximo|proxima|siguientes|pasados|pasadas|ultimos|ultimas";
const FOLLOWING = "que vienen|que viene|proximos|proximas|siguientes|pasados|pasadas";

function span(countText: string, unitText: string, directionText: string): ExpressionFields | null {
  const count = countOf(countText);
  const unit = unitOf(unitText);
  if (count === null || count < 1 || unit === null) return null;
  const direction = directionText.startsWith("pas") || directionText.startsWith("ult") ? "past" : "next";
  return { span: { count, unit, direction } };
}

/** "próximos 3 días", "los pasados dos meses". */
export const leadingSpanParser: Parser = {
  name: "es/duckling-span-leading",
  pattern: new RegExp(`\\b(?:(?:los|las) )?(${DIRECTION}) (${COUNT}) (${UNIT_WORD})\\b`, "g"),
  extract: (match) => span(match[2]!, match[3]!, match[1]!),
};

/** "3 próximas semanas", "dos pasados años". */
export const middleSpanParser: Parser = {
  name: "es/duckling-span-middle",
  pattern: new RegExp(`\\b(?:(?:los|las) )?(${COUNT}) (${DIRECTION}) (${UNIT_WORD})\\b`, "g"),
  extract: (match) => span(match[1]!, match[3]!, match[2]!),
};

/** "3 semanas que vienen", "los dos meses siguientes". */
export const trailingSpanParser: Parser = {
  name: "es/duckling-span-trailing",
  pattern: new RegExp(`\\b(?:(?:los|las) )?(${COUNT}) (${UNIT_WORD}) (${FOLLOWING})\\b`, "g"),
  extract: (match) => span(match[1]!, match[2]!, match[3]!),
};
