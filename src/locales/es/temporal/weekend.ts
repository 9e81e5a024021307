// El fin de semana: "este fin de semana", "el finde", "el fin de semana que viene", "el pasado fin de semana".
import type { Parser } from "../../../temporal/types.js";

export const weekendParser: Parser = {
  name: "es/weekend",
  gate: { words: ["fin", "finde", "weekend"] },
  pattern:
    /\b(?:(este|el proximo|el pasado|el|este proximo) )?(?:fin de semana|finde|weekend)(?: (que viene|pasado|proximo))?\b/g,
  extract(match) {
    const [, before, after] = match;
    const next =
      before === "el proximo" || before === "este proximo" || after === "que viene" || after === "proximo";
    const last = before === "el pasado" || after === "pasado";
    return { date: { kind: "weekend", offset: next ? 1 : last ? -1 : 0 } };
  },
};
