// The weekend as Duckling reads it (Friday 18:00 to Monday): "este fin de semana", "el próximo finde",
// "el fin de semana pasado", "este weekend".
import type { Parser } from "../../../temporal/types.js";

const OFFSETS: Record<string, number> = {
  este: 0,
  proximo: 1,
  siguiente: 1,
  "que viene": 1,
  pasado: -1,
  anterior: -1,
};

export const weekendParser: Parser = {
  name: "es/duckling-weekend",
  pattern:
    /\b(?:(?:el|al) )?(?:(este|proximo|siguiente|pasado) )?(?:fin de semana|finde|weekend)(?: (que viene|proximo|siguiente|pasado|anterior))?\b/g,
  extract(match) {
    const word = match[1] ?? match[2];
    return { date: { kind: "weekend", offset: word === undefined ? 0 : OFFSETS[word]! } };
  },
};
