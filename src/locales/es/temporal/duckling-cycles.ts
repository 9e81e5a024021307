// Calendar cycles: "esta semana", "la semana pasada", "el mes que viene", "el próximo año", "el pasado
// trimestre", "la siguiente semana": the whole week, month, quarter or year around the reference.
import type { Parser } from "../../../temporal/types.js";
import { unitOf } from "./duckling-words.js";

const CYCLE = "semana|mes|trimestre|ano";
const BEFORE = "este|esta|proximos|proximas|proximo|proxima|siguiente|pasado|pasada|ultimo|ultima|anterior";
const AFTER = "que viene|proximo|proxima|siguiente|pasado|pasada|anterior|que paso";

function offsetOf(word: string): number {
  if (word.startsWith("est")) return 0;
  if (word.startsWith("pas") || word.startsWith("ult") || word === "anterior" || word === "que paso")
    return -1;
  return 1;
}

export const cycleParser: Parser = {
  name: "es/duckling-cycle",
  pattern: new RegExp(`\\b(?:(?:el|la|los|las) )?(?:(${BEFORE}) (${CYCLE})|(${CYCLE}) (${AFTER}))\\b`, "g"),
  extract(match) {
    const [, before, beforeUnit, afterUnit, after] = match;
    const unit = unitOf(beforeUnit ?? afterUnit!);
    if (unit === null) return null;
    return { date: { kind: "cycle", unit, offset: offsetOf(before ?? after!) } };
  },
};
