// Latent readings, returned only when a Duckling client asks for them (`latent: true`): a bare number as
// an hour ("7"), a four-digit number as a year ("1974"), "the 24", a month name alone ("May"), "night",
// "the week". Duckling marks these latent because they are guesses without a time word around them. They
// read Spanish and English words together, like the range parsers; each locale picks the ones it runs.
import type { Parser } from "../../temporal/types.js";
import { MONTHS as ENGLISH_MONTHS } from "../en/temporal/words.js";
import { MONTHS as SPANISH_MONTHS } from "../es/temporal/words.js";

const MONTHS: Record<string, number> = { ...SPANISH_MONTHS, ...ENGLISH_MONTHS };
const FULL_MONTHS =
  "january|february|march|april|may|june|july|august|september|october|november|december|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre";

export const genericLatentParsers: readonly Parser[] = [
  {
    name: "latent/year",
    pattern: /\b(1\d{3}|20\d{2})\b(?![:/.-]\d)/g,
    extract: (match) => ({ date: { kind: "year", year: Number(match[1]) }, latent: true }),
  },
  {
    name: "latent/hour",
    pattern: /(?<![\d:/.-])\b(\d{1,2})\b(?![:/.-]\d)/g,
    extract: (match) => {
      const hour = Number(match[1]);
      return hour <= 23 ? { time: { hour, minute: 0 }, latent: true } : null;
    },
  },
  {
    name: "latent/day",
    pattern: /\b(?:the|el) (\d{1,2})\b(?![:/.-]\d)/g,
    extract: (match) => {
      const day = Number(match[1]);
      return day >= 1 && day <= 31 ? { date: { kind: "calendar", day }, latent: true } : null;
    },
  },
  {
    name: "latent/month",
    pattern: new RegExp(`\\b(${FULL_MONTHS})\\b`, "g"),
    extract: (match) => ({ date: { kind: "month", month: MONTHS[match[1]!]! }, latent: true }),
  },
  {
    name: "latent/night",
    pattern: /\b(night|noche)\b/g,
    extract: () => ({ partOfDay: "night", latent: true }),
  },
  {
    name: "latent/week",
    pattern: /\bthe week\b/g,
    extract: () => ({
      date: { kind: "cycle", unit: "week", offset: 0 },
      boundary: { part: "rest" },
      latent: true,
    }),
  },
];

/** What a parser reads here is latent, whatever the parser says. */
export function latent(parser: Parser): Parser {
  return {
    ...parser,
    extract: (match, options) => {
      const fields = parser.extract(match, options);
      return fields && { ...fields, latent: true };
    },
  };
}
