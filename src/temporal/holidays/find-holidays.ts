// Finds holiday names in folded text (lower case, no accents, single spaces). Each holiday has one
// regular expression per language, built from its name variants and bounded so that a name never starts
// or ends inside a word. Overlaps are settled as the temporal parsers settle theirs: the earliest start
// wins, then the longest ("orthodox good friday" over "good friday", "new year's eve" over "new year's").
import { LANGUAGES, type Language, perLanguage } from "../../locales/index.js";
import { HOLIDAYS } from "./catalog.js";

export interface HolidayMatch {
  id: string;
  /** Span in the folded text, end exclusive. */
  index: number;
  end: number;
}

interface HolidayPattern {
  id: string;
  pattern: RegExp;
}

function buildPattern(names: readonly string[]): RegExp {
  // A typographic apostrophe survives folding; let every ASCII one in a name match it too.
  const alternatives = names.map((name) => name.replaceAll("'", "['\u2019]"));
  return new RegExp(`(?<![a-z0-9])(?:${alternatives.join("|")})(?![a-z0-9])`, "g");
}

function patternsFor(language: Language): HolidayPattern[] {
  return HOLIDAYS.flatMap(({ id, names }) => {
    const variants = names[language];
    return variants === undefined || variants.length === 0 ? [] : [{ id, pattern: buildPattern(variants) }];
  });
}

const PATTERNS_BY_LANGUAGE: Readonly<Record<Language, readonly HolidayPattern[]>> = perLanguage(patternsFor);

/** Every regular expression run on user text, for the ReDoS gate. */
export const HOLIDAY_PATTERNS: readonly RegExp[] = LANGUAGES.flatMap((language) =>
  PATTERNS_BY_LANGUAGE[language].map(({ pattern }) => pattern),
);

export function findHolidays(folded: string, language: Language): HolidayMatch[] {
  const candidates: HolidayMatch[] = [];
  for (const { id, pattern } of PATTERNS_BY_LANGUAGE[language]) {
    for (const match of folded.matchAll(pattern)) {
      if (match[0].length > 0)
        candidates.push({ id, index: match.index, end: match.index + match[0].length });
    }
  }
  candidates.sort((a, b) => a.index - b.index || b.end - a.end);
  const accepted: HolidayMatch[] = [];
  let covered = 0;
  for (const candidate of candidates) {
    if (candidate.index < covered) continue;
    accepted.push(candidate);
    covered = candidate.end;
  }
  return accepted;
}
