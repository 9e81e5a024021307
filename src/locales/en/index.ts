// English: what Cita needs to read English requests and answer in English (one part of ../locale.ts each).
import * as chrono from "chrono-node";
import { genericLatentParsers, latent } from "../common/latent.js";
import { rangeParsers } from "../common/ranges.js";
import type { Locale } from "../locale.js";
import { detection } from "./detection.js";
import { dialogue } from "./dialogue.js";
import { fields } from "./fields.js";
import { messages } from "./messages.js";
import { boundaryParser } from "./temporal/boundary.js";
import { englishParsers } from "./temporal/configuration.js";
import { englishDucklingParsers, englishLatentDucklingParsers } from "./temporal/duckling.js";
import { MONTHS, WEEKDAYS } from "./temporal/words.js";

export const english = {
  code: "en",
  englishName: "English",
  intlLocale: "en-US",
  // Month first in the US and for a bare "en" (Duckling's own default is en_US); day first elsewhere.
  dayFirst: (region: string | null) => region !== null && region !== "US",
  ducklingLocales: ["en", "en_US", "en_GB", "en_AU", "en_CA", "en_IE", "en_IN", "en_NZ", "en_ZA"],
  detection,
  fields,
  dialogue,
  messages,
  temporal: {
    parsers: englishParsers,
    months: MONTHS,
    weekdays: WEEKDAYS,
    chrono: (dayFirst: boolean) => (dayFirst ? chrono.en.GB : chrono.en),
    duckling: {
      parsers: [...rangeParsers, boundaryParser, ...englishDucklingParsers],
      // English reads a bare hour its own way ("7p", "815": bareHourParser), not as the generic one.
      latentParsers: [
        ...englishLatentDucklingParsers,
        ...genericLatentParsers.filter((parser) => parser.name !== "latent/hour"),
      ].map(latent),
      partsOfDay: {
        dawn: [0, 9],
        morning: [0, 12],
        noon: [12, 14],
        afternoon: [12, 19],
        evening: [18, 24],
        night: [18, 24],
        lateNight: [21, 24],
      },
      clockRangesEndExactly: false,
    },
  },
} as const satisfies Locale;
