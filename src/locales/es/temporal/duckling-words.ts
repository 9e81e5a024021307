// Spanish numbers in words for Duckling's readings, folded: "cuarenta y cinco", "veinticuatro", years such
// as "mil novecientos noventa" and "dos mil trece"; and the units that cycles, spans and shifts count in.
import type { CycleUnit } from "../../../temporal/types.js";
import { NUMBERS } from "./words.js";

/** One to twenty come from the core vocabulary; Duckling's readings add zero and 21–29. */
const SMALL: Record<string, number> = {
  ...Object.fromEntries(Object.entries(NUMBERS).filter(([, value]) => value <= 20)),
  cero: 0,
  zero: 0,
  veintiun: 21,
  veintiuno: 21,
  veintiuna: 21,
  veintidos: 22,
  veintitres: 23,
  veinticuatro: 24,
  veinticinco: 25,
  veintiseis: 26,
  veintisiete: 27,
  veintiocho: 28,
  veintinueve: 29,
};

const TENS: Record<string, number> = {
  treinta: 30,
  cuarenta: 40,
  cincuenta: 50,
  sesenta: 60,
  setenta: 70,
  ochenta: 80,
  noventa: 90,
};

const HUNDREDS: Record<string, number> = {
  cien: 100,
  ciento: 100,
  doscientos: 200,
  trescientos: 300,
  cuatrocientos: 400,
  quinientos: 500,
  seiscientos: 600,
  setecientos: 700,
  ochocientos: 800,
  novecientos: 900,
};

const WORDS: Record<string, number> = { ...SMALL, ...TENS, ...HUNDREDS };

const DIGIT_WORD = "uno|una|un|dos|tres|cuatro|cinco|seis|siete|ocho|nueve";
const TEEN_WORD =
  "diez|once|doce|trece|catorce|quince|dieciseis|diecisiete|dieciocho|diecinueve|veinte|veintiuno|veintiuna|veintiun|veintidos|veintitres|veinticuatro|veinticinco|veintiseis|veintisiete|veintiocho|veintinueve";
const TENS_WORD = "treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa";
const HUNDREDS_WORD =
  "cien|ciento|doscientos|trescientos|cuatrocientos|quinientos|seiscientos|setecientos|ochocientos|novecientos";

/** 1 to 99 in words: "tres", "quince", "veintiuno", "cuarenta y cinco". */
export const NUMBER_WORD = `(?:${TENS_WORD})(?: y (?:${DIGIT_WORD}))?|${TEEN_WORD}|${DIGIT_WORD}`;

/** 1 to 31 in words, for days of the month. */
export const DAY_WORD = `treinta(?: y (?:uno|un))?|${TEEN_WORD}|${DIGIT_WORD}|primero`;

/** A year in words from 1000 to 2999: "mil novecientos noventa", "dos mil trece", "dos mil". */
export const YEAR_WORD = `(?:dos )?mil(?: (?:${HUNDREDS_WORD}))?(?: (?:${NUMBER_WORD}))?`;

/** Hours in words, 1 to 24. */
export const HOUR_WORD = `${TEEN_WORD}|${DIGIT_WORD}`;

/** The value of a number in digits or in words ("mil novecientos noventa y nueve" is 1999), or null. */
export function spanishNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (text === "primero") return 1;
  let total = 0;
  let current = 0;
  for (const word of text.split(" ")) {
    if (word === "y") continue;
    if (word === "mil") {
      total += (current || 1) * 1000;
      current = 0;
      continue;
    }
    const value = WORDS[word];
    if (value === undefined) return null;
    current += value;
  }
  return total + current;
}

/** Counted units, singular and plural: "3 semanas", "un mes", "2 años". */
export const UNIT_WORD =
  "segundos|segundo|segs|seg|minutos|minuto|mins|min|horas|hora|hrs|hr|dias|dia|semanas|semana|meses|mes|trimestres|trimestre|anos|ano";

export function unitOf(word: string): CycleUnit | null {
  if (word.startsWith("seg")) return "second";
  if (word.startsWith("min")) return "minute";
  if (word.startsWith("h")) return "hour";
  if (word.startsWith("dia")) return "day";
  if (word.startsWith("semana")) return "week";
  if (word.startsWith("mes")) return "month";
  if (word.startsWith("trimestre")) return "quarter";
  if (word.startsWith("ano")) return "year";
  return null;
}

/** A count in digits, in words, or "un par de" (2). */
export const COUNT = `\\d{1,4}|un par de|${NUMBER_WORD}`;

export function countOf(text: string): number | null {
  return text === "un par de" ? 2 : spanishNumber(text);
}
