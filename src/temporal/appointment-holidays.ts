// Named holidays in appointment requests (conventions, rule 26): the holidays people book around, found by
// the names the holidays engine (./holidays) already knows, plus a few typed forms, and "el día después de
// Navidad" / "the day after Christmas" (one day on). Which day each is in the appointment's country is
// regional-holidays.ts. Duckling's reading has its own, wider holiday finder (duckling/holidays.ts). The
// parser runs after each locale's own (extract.ts): a locale cannot import it, as the holidays engine's
// types import the locale registry.
import { type Language, perLanguage } from "../locales/index.js";
import { holidayDefinition } from "./holidays/catalog.js";
import type { Parser } from "./types.js";

/** The holidays an appointment request may name: the ones the conventions list, and a few as common. */
const BOOKED_AROUND = [
  "christmas-eve",
  "christmas",
  "new-years-eve",
  "new-years-day",
  "epiphany",
  "thanksgiving",
  "mothers-day",
  "fathers-day",
  "valentines-day",
  "halloween",
] as const;

/** Spellings people type that the engine's names leave out (regular-expression sources, folded text). */
const TYPED: Readonly<Record<Language, Partial<Record<(typeof BOOKED_AROUND)[number], string[]>>>> = {
  en: { christmas: ["chrismas", "x-mas"], "new-years-eve": ["nye"], "mothers-day": ["moms'? day"] },
  // "Reyes" alone is a surname too ("con Reyes"): only after "en" or "para" is it the day.
  es: {
    epiphany: ["(?:en|para) reyes"],
    thanksgiving: ["thanks?giving"],
    "mothers-day": ["dia de (?:la|las) mamas?"],
  },
};

/** "el día después de", "the day before": the prefix and its shift in days. */
const SHIFT: Readonly<Record<Language, string>> = {
  en: "(?:the )?day (after|before) ",
  es: "(?:el )?dia (despues|antes|siguiente) (?:de |a )(?:la |el )?",
};
const SHIFT_DAYS: Readonly<Record<string, number>> = {
  after: 1,
  despues: 1,
  siguiente: 1,
  before: -1,
  antes: -1,
};

function holidayPattern(language: Language): { pattern: RegExp; ids: string[] } {
  const ids: string[] = [];
  const groups: string[] = [];
  for (const id of BOOKED_AROUND) {
    const names = [...(holidayDefinition(id)?.names[language] ?? []), ...(TYPED[language][id] ?? [])];
    if (names.length === 0) continue;
    ids.push(id);
    groups.push(`(${names.map((name) => name.replaceAll("'", "['\u2019]")).join("|")})`);
  }
  const source = `(?<![a-z0-9])(?:${SHIFT[language]})?(?:${groups.join("|")})(?![a-z0-9])`;
  // extract finds the holiday by its group: a name with a capturing group of its own would shift them.
  if (new RegExp(`${source}|`).exec("")!.length !== ids.length + 2)
    throw new Error("holiday names must use non-capturing groups");
  return { pattern: new RegExp(source, "g"), ids };
}

function holidayParser(language: Language): Parser {
  const { pattern, ids } = holidayPattern(language);
  return {
    name: `${language}/holiday`,
    pattern,
    extract(match) {
      const at = match.findIndex((group, index) => index > 1 && group !== undefined);
      const id = ids[at - 2];
      if (id === undefined) return null;
      const days = match[1] === undefined ? 0 : SHIFT_DAYS[match[1]]!;
      return { date: { kind: "holiday", id, ...(days !== 0 ? { days } : {}) } };
    },
  };
}

/** Each language's holiday parser. */
export const HOLIDAY_PARSERS: Readonly<Record<Language, Parser>> = perLanguage(holidayParser);
