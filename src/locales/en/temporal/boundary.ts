// Parts of a period: "the end of the month", "beginning of next week", "at the end of April", "end of
// 2012", "EOM", "BOY", "by EOY" (from now until then).
import type { DateSpec, Parser } from "../../../temporal/types.js";
import { MONTH_PATTERN, MONTHS } from "./words.js";

const OFFSETS: Record<string, number> = {
  this: 0,
  current: 0,
  coming: 1,
  next: 1,
  "the following": 1,
  "around next": 1,
  last: -1,
  past: -1,
  previous: -1,
};
const SHORT: Record<string, ["beginning" | "end", "day" | "month" | "year"]> = {
  bom: ["beginning", "month"],
  eom: ["end", "month"],
  boy: ["beginning", "year"],
  eoy: ["end", "year"],
  eod: ["end", "day"],
};

export const boundaryParser: Parser = {
  name: "en/boundary",
  pattern: new RegExp(
    `\\b(?:(by) )?(?:(?:at|by) )?(?:the )?(?:(beginning|start|end) of (?:the )?(?:(this|current|coming|next|the following|around next|last|past|previous) )?(?:(week|month|year)|(${MONTH_PATTERN})|(\\d{4}))|(bom|eom|boy|eoy|eod))\\b`,
    "g",
  ),
  extract(match) {
    const [, by, word, which, unit, month, year, short] = match;
    let part: "beginning" | "end";
    let date: DateSpec;
    if (short !== undefined) {
      const [shortPart, shortUnit] = SHORT[short]!;
      part = shortPart;
      date =
        shortUnit === "day" ? { kind: "relative", days: 0 } : { kind: "cycle", unit: shortUnit, offset: 0 };
    } else {
      part = word === "end" ? "end" : "beginning";
      if (unit !== undefined)
        date = {
          kind: "cycle",
          unit: unit as "week" | "month" | "year",
          offset: OFFSETS[which ?? "this"] ?? 0,
        };
      else if (month !== undefined) date = { kind: "month", month: MONTHS[month]! };
      else date = { kind: "year", year: Number(year) };
    }
    return { date, boundary: { part, ...(by !== undefined ? { by: true } : {}) } };
  },
};
