// today, tonight, tomorrow (tmrw, tmr, 2moro), the day after tomorrow, yesterday.
import type { Parser } from "../../../temporal/types.js";

const DAYS: Record<string, number> = {
  today: 0,
  tdy: 0,
  tomorrow: 1,
  tomorow: 1,
  tommorow: 1,
  tommorrow: 1,
  tmrw: 1,
  tmr: 1,
  tmw: 1,
  "2moro": 1,
  "2morrow": 1,
  yesterday: -1,
};

export const relativeDayParser: Parser = {
  name: "en/relative-day",
  gate: {
    digit: true,
    words: [
      "tomorrow",
      "tmrw",
      "yesterday",
      "today",
      "tdy",
      "tomorow",
      "tommorow",
      "tommorrow",
      "tmr",
      "tmw",
    ],
  },
  pattern:
    /\b(?:(?:the )?day after (tomorrow|tmrw)|(?:the )?day before (yesterday)|(today|tdy|tomorrow|tomorow|tommorow|tommorrow|tmrw|tmr|tmw|2moro|2morrow|yesterday))\b/g,
  extract(match) {
    if (match[1] !== undefined) return { date: { kind: "relative", days: 2 } };
    if (match[2] !== undefined) return { date: { kind: "relative", days: -2 } };
    return { date: { kind: "relative", days: DAYS[match[3]!]! } };
  },
};
