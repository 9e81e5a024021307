// Holidays as Duckling reads them: a name found by ../holidays, with what modifies it around it ("last
// thanksgiving", "thanksgiving 2017", "MLK day of last year", "thanksgiving in 9 months", "3 months ago"),
// and seasons named by cycle ("this season", "last season").

import { CARDINAL_PATTERN, cardinalValue } from "../../locales/en/temporal/duckling-words.js";
import { NUMBERS as ENGLISH_NUMBERS } from "../../locales/en/temporal/words.js";
import { NUMBERS as SPANISH_NUMBERS } from "../../locales/es/temporal/words.js";
import type { Language } from "../../locales/index.js";
import { findHolidays } from "../holidays/index.js";
import { type NormalizedText, originalSlice } from "../text.js";
import type { CycleUnit, TemporalExpression } from "../types.js";

const BEFORE =
  /\b(this|next|last|upcoming|coming|past|previous|este|esta|el proximo|la proxima|el pasado|la pasada)(?: |$)$/;
const YEAR_AFTER = /^,? (?:of |in |del |de )?(?:the year )?(\d{4})\b/;
/** "two thousand ten", "two thousand and eighteen": a year of this century in words. */
const SPELLED_YEAR_AFTER = new RegExp(`^ two thousand(?: and)? (${CARDINAL_PATTERN})\\b`);
const RELATIVE_YEAR_AFTER =
  /^ (?:of|del) (this|next|last|ano que viene|ano pasado|proximo ano|este ano) ?(?:year)?\b/;
const SHIFT_AFTER =
  /^ (?:in (\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten) (years?|months?|weeks?|days?)|(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten) (years?|months?|weeks?|days?) (ago|from now|hence))\b/;
const CLOSEST = /\b(?:the )?(?:(second|2nd|third|3rd|fourth|4th) )?closest $/;
const TO_TODAY = /^ to (?:today|now)\b/;
const CLOSEST_RANK: Record<string, number> = {
  first: 1,
  second: 2,
  "2nd": 2,
  third: 3,
  "3rd": 3,
  fourth: 4,
  "4th": 4,
};
const SEASON_CYCLE = /\b(this|current|last|past|previous|next) seasons?\b/g;

const DIRECTION: Record<string, number> = {
  this: 0,
  next: 0,
  upcoming: 0,
  coming: 0,
  este: 0,
  esta: 0,
  "el proximo": 0,
  "la proxima": 0,
  last: -1,
  past: -1,
  previous: -1,
  "el pasado": -1,
  "la pasada": -1,
};

function amountOf(word: string): number | null {
  if (/^\d+$/.test(word)) return Number(word);
  return ENGLISH_NUMBERS[word] ?? SPANISH_NUMBERS[word] ?? null;
}

function unitOf(word: string): CycleUnit {
  return word.replace(/s$/, "") as CycleUnit;
}

export function holidayExpressions(text: NormalizedText, language: Language): TemporalExpression[] {
  const { folded } = text;
  const expressions: TemporalExpression[] = [];
  for (const match of findHolidays(folded, language)) {
    let index = match.index;
    let end = match.end;
    const before = BEFORE.exec(folded.slice(Math.max(0, index - 12), index));
    const closest = CLOSEST.exec(folded.slice(Math.max(0, index - 24), index));
    const toToday = closest ? TO_TODAY.exec(folded.slice(end)) : null;
    let offset = 0;
    if (closest && toToday) {
      // "the 3rd closest xmas to today": the occurrences nearest today, counted.
      const rank = CLOSEST_RANK[closest[1] ?? "first"] ?? 1;
      const from = index - closest[0].length;
      const to = end + toToday[0].length;
      expressions.push({
        parser: "holiday-closest",
        index: from,
        end: to,
        text: originalSlice(text, from, to),
        date: { kind: "holiday", id: match.id, nearest: rank - 1 },
        certainty: 1,
      });
      continue;
    }
    if (before) {
      offset = DIRECTION[before[1]!] ?? 0;
      index -= before[0].length;
    }
    const after = folded.slice(end);
    const expression: TemporalExpression = {
      parser: "holiday",
      index,
      end,
      text: "",
      date: { kind: "holiday", id: match.id, offset },
      certainty: 1,
    };
    const year = yearAfter(after);
    const relativeYear = RELATIVE_YEAR_AFTER.exec(after);
    const shift = SHIFT_AFTER.exec(after);
    if (year) {
      expression.date = { kind: "holiday", id: match.id, year: year.value };
      end += year.length;
    } else if (relativeYear) {
      const word = relativeYear[1]!;
      const years =
        word === "next" || word.includes("viene") || word.includes("proximo")
          ? 1
          : word.includes("last") || word.includes("pasado")
            ? -1
            : 0;
      expression.date = { kind: "holiday", id: match.id, yearOffset: years };
      end += relativeYear[0].length;
    } else if (shift) {
      const amount = amountOf(shift[1] ?? shift[3]!);
      if (amount !== null) {
        const sign = shift[5] === "ago" ? -1 : 1;
        expression.shift = { amount: sign * amount, unit: unitOf(shift[2] ?? shift[4]!) };
        end += shift[0].length;
      }
    }
    expression.end = end;
    expression.text = originalSlice(text, index, end);
    expressions.push(expression);
  }
  SEASON_CYCLE.lastIndex = 0;
  for (let match = SEASON_CYCLE.exec(folded); match !== null; match = SEASON_CYCLE.exec(folded)) {
    const word = match[1]!;
    const offset = word === "next" ? 1 : word === "this" || word === "current" ? 0 : -1;
    const index = match.index;
    const end = index + match[0].length;
    expressions.push({
      parser: "season-cycle",
      index,
      end,
      text: originalSlice(text, index, end),
      date: { kind: "holiday", id: "season", offset },
      certainty: 1,
    });
  }
  return expressions;
}

/** A year written after the holiday, in digits or words, and how many characters it takes. */
function yearAfter(after: string): { value: number; length: number } | null {
  const digits = YEAR_AFTER.exec(after);
  if (digits) return { value: Number(digits[1]), length: digits[0].length };
  const words = SPELLED_YEAR_AFTER.exec(after);
  const value = words ? cardinalValue(words[1]!) : null;
  return words && value !== null ? { value: 2000 + value, length: words[0].length } : null;
}

export const DUCKLING_HOLIDAY_PATTERNS: readonly RegExp[] = [
  SPELLED_YEAR_AFTER,
  CLOSEST,
  TO_TODAY,
  BEFORE,
  YEAR_AFTER,
  RELATIVE_YEAR_AFTER,
  SHIFT_AFTER,
  SEASON_CYCLE,
];
