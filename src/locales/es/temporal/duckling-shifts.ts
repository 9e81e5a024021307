// Shifts of the reference by whole units: "en 2 minutos", "en una semana", "hace tres meses", "2 días
// atrás", "en media hora"; "dentro de tres horas" is the interval from now to the shifted instant.
import type { CycleUnit, ExpressionFields, Parser } from "../../../temporal/types.js";
import { COUNT, countOf, UNIT_WORD, unitOf } from "./duckling-words.js";

function shift(
  countText: string | undefined,
  unitText: string | undefined,
  fraction: string | undefined,
): { amount: number; unit: CycleUnit } | null {
  if (countText === undefined) {
    // "media hora", "un cuarto de hora"
    return { amount: fraction === "media hora" ? 30 : 15, unit: "minute" };
  }
  const amount = countOf(countText);
  const unit = unitOf(unitText!);
  if (amount === null || unit === null) return null;
  if (fraction === undefined) return { amount, unit };
  // "una hora y media": only hours split into minutes exactly.
  if (unit !== "hour") return null;
  return { amount: amount * 60 + (fraction === "media" ? 30 : 15), unit: "minute" };
}

function fields(
  lead: string,
  amount: { amount: number; unit: CycleUnit } | null,
  past: boolean,
): ExpressionFields | null {
  if (amount === null) return null;
  const result: ExpressionFields = {
    shift: { amount: past ? -amount.amount : amount.amount, unit: amount.unit },
  };
  if (lead === "dentro de") result.within = true;
  return result;
}

const AMOUNT = `(?:(media hora|un cuarto de hora)|(${COUNT}) (${UNIT_WORD})(?: y (media|cuarto))?)`;

/** "en 3 días", "dentro de una hora", "hace dos años". */
export const leadingShiftParser: Parser = {
  name: "es/duckling-shift",
  pattern: new RegExp(`\\b(en|dentro de|hace) ${AMOUNT}\\b`, "g"),
  extract(match) {
    const [, lead, fraction, countText, unitText, extra] = match;
    return fields(lead!, shift(countText, unitText, fraction ?? extra), lead === "hace");
  },
};

/** "2 días atrás", "tres horas más tarde". */
export const trailingShiftParser: Parser = {
  name: "es/duckling-shift-trailing",
  pattern: new RegExp(`\\b${AMOUNT} (atras|mas tarde|despues)\\b`, "g"),
  extract(match) {
    const [, fraction, countText, unitText, extra, trail] = match;
    return fields("", shift(countText, unitText, fraction ?? extra), trail === "atras");
  },
};
