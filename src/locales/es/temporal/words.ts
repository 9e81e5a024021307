// Spanish vocabulary for dates and times, folded (lower case, no accents).

export const WEEKDAYS: Record<string, 1 | 2 | 3 | 4 | 5 | 6 | 7> = {
  lunes: 1,
  martes: 2,
  miercoles: 3,
  jueves: 4,
  viernes: 5,
  sabado: 6,
  domingo: 7,
};
export const WEEKDAY_PATTERN = "lunes|martes|miercoles|jueves|viernes|sabado|domingo";

export const MONTHS: Record<string, number> = {
  enero: 1,
  ene: 1,
  febrero: 2,
  feb: 2,
  marzo: 3,
  mar: 3,
  abril: 4,
  abr: 4,
  mayo: 5,
  may: 5,
  junio: 6,
  jun: 6,
  julio: 7,
  jul: 7,
  agosto: 8,
  ago: 8,
  septiembre: 9,
  setiembre: 9,
  sept: 9,
  sep: 9,
  set: 9,
  octubre: 10,
  oct: 10,
  noviembre: 11,
  nov: 11,
  diciembre: 12,
  dic: 12,
};
export const MONTH_PATTERN =
  "enero|ene|febrero|feb|marzo|mar|abril|abr|mayo|may|junio|jun|julio|jul|agosto|ago|septiembre|setiembre|sept|sep|set|octubre|oct|noviembre|nov|diciembre|dic";

export const NUMBERS: Record<string, number> = {
  un: 1,
  una: 1,
  uno: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  once: 11,
  doce: 12,
  trece: 13,
  catorce: 14,
  quince: 15,
  dieciseis: 16,
  diecisiete: 17,
  dieciocho: 18,
  diecinueve: 19,
  veinte: 20,
  veinticinco: 25,
  treinta: 30,
  cuarenta: 40,
  cuarentaicinco: 45,
  noventa: 90,
};
/** Hours in words, for "a las diez". */
export const HOUR_WORD_PATTERN = "una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce";
export const COUNT_WORD_PATTERN =
  "un|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|quince|veinte|treinta|cuarenta|noventa";

/** Minutes after "y" / before "menos": "y cuarto", "menos diez", "y media". */
export const MINUTE_WORDS: Record<string, number> = {
  cuarto: 15,
  media: 30,
  cinco: 5,
  diez: 10,
  veinte: 20,
  veinticinco: 25,
  quince: 15,
  treinta: 30,
};
export const MINUTE_WORD_PATTERN = "cuarto|media|veinticinco|cinco|diez|veinte|quince|treinta";

export function numberValue(word: string): number | null {
  if (/^\d+$/.test(word)) return Number(word);
  return NUMBERS[word] ?? null;
}
