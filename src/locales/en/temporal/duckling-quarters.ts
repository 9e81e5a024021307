// Quarters of a year: "the third quarter", "3rd qtr", "Q4 2018", "the 4th qtr of 2018", "2018Q4", "18q4".
import type { Parser } from "../../../temporal/types.js";
import { yearOf } from "../../common/numeric-date.js";
import { ORDINAL_PATTERN, ordinalValue } from "./duckling-words.js";

export const ordinalQuarterParser: Parser = {
  name: "en/duckling-ordinal-quarter",
  pattern: new RegExp(
    `\\b(?:the )?(${ORDINAL_PATTERN}|last) (?:quarter|qtr)\\b(?:,? (?:of |in )?(?:the year )?(\\d{4})\\b)?`,
    "g",
  ),
  extract(match) {
    const quarter = match[1] === "last" ? 4 : ordinalValue(match[1]!);
    if (quarter === null || quarter < 1 || quarter > 4) return null;
    const year = match[2] !== undefined ? Number(match[2]) : undefined;
    return { date: { kind: "quarter", quarter, year } };
  },
};

/** "Q3", "q4 2018", "2018Q4", "2018-Q4", "18q4". */
export const quarterCodeParser: Parser = {
  name: "en/duckling-quarter-code",
  pattern: /\b(?:(\d{4}|\d{2}) ?-?q([1-4])|q([1-4])(?:[ -](\d{4}))?)\b/g,
  extract(match) {
    const [, yearBefore, quarterAfter, quarterBefore, yearAfter] = match;
    const year = yearOf(yearBefore ?? yearAfter);
    return { date: { kind: "quarter", quarter: Number(quarterAfter ?? quarterBefore), year } };
  },
};
