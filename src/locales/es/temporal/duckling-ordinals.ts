// Ordinal quarters: "el segundo trimestre de 2014", "T3". Ordinal weekdays ("el tercer martes de
// octubre") are a core parser, ordinal-weekday.ts, that appointments read too.
import type { Parser } from "../../../temporal/types.js";
import { ORDINALS } from "./ordinal-weekday.js";

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
