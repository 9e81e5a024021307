// Spanish: what Cita needs to read Spanish requests and answer in Spanish (one part of ../locale.ts each).
import * as chrono from "chrono-node";
import { genericLatentParsers, latent } from "../common/latent.js";
import { rangeParsers } from "../common/ranges.js";
import type { Locale } from "../locale.js";
import { detection } from "./detection.js";
import { dialogue } from "./dialogue.js";
import { fields } from "./fields.js";
import { messages } from "./messages.js";
import { spanishParsers } from "./temporal/configuration.js";
import { spanishDucklingParsers } from "./temporal/duckling.js";
import { MONTHS, WEEKDAYS } from "./temporal/words.js";

export const spanish = {
  code: "es",
  englishName: "Spanish",
  intlLocale: "es-ES",
  // Spanish writes day first everywhere (conventions, rule 5).
  dayFirst: () => true,
  ducklingLocales: ["es", "es_ES", "es_MX", "es_AR", "es_CL", "es_CO", "es_PE", "es_VE", "es_US"],
  detection,
  fields,
  dialogue,
  messages,
  temporal: {
    parsers: spanishParsers,
    months: MONTHS,
    weekdays: WEEKDAYS,
    chrono: () => chrono.es,
    duckling: {
      parsers: [...spanishDucklingParsers, ...rangeParsers],
      latentParsers: genericLatentParsers.map(latent),
      // Spanish mornings start at 4, as Duckling reads "la mañana".
      partsOfDay: {
        dawn: [0, 6],
        morning: [4, 12],
        noon: [12, 14],
        afternoon: [12, 19],
        evening: [18, 24],
        night: [18, 24],
        lateNight: [21, 24],
      },
      clockRangesEndExactly: true,
    },
  },
} as const satisfies Locale;
