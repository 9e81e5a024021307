// The weekend: "this weekend", "next week-end", "last wkend", "this past weekend".
import type { Parser } from "../../../temporal/types.js";

const OFFSET: Record<string, number> = { this: 0, coming: 0, next: 1, last: -1, past: -1, "this past": -1 };

export const weekendParser: Parser = {
  name: "en/weekend",
  gate: { words: ["week", "weekend", "wkend"] },
  pattern: /\b(?:(this past|this|coming|next|last|past|the) )?(?:week-end|weekend|week end|wkend)\b/g,
  extract(match) {
    return { date: { kind: "weekend", offset: OFFSET[match[1] ?? "this"] ?? 0 } };
  },
};
