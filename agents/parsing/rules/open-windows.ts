// Rule 20's open windows: a time after a window word ("after 5pm", "antes de las 10", "a partir de las 4",
// "not before 10") or before one ("5pm or later", "a las 5 en adelante") bounds the slot on one side
// instead of naming its time. The words are per language (src/locales/<code>/fields.ts, `choices`).
import type { TemporalExpression } from "../../../src/temporal/types.js";
import {
  WINDOW_AFTER,
  WINDOW_AFTER_FOLLOWING,
  WINDOW_BEFORE,
  WINDOW_BEFORE_FOLLOWING,
  wordsBefore,
  wordsFrom,
} from "./choice-words.js";

/** Words between a window word and its hour: "después de las 5", "after the 3". */
const BEFORE_HOUR = new Set(["las", "la", "the", "at", "a"]);

/** A time after a window word ("after 5pm", "antes de las 10", "from 5 on") is that window's bound. */
export function openWindow(folded: string, expression: TemporalExpression): TemporalExpression {
  const { time, ...rest } = expression;
  if (time === undefined) return expression;
  const digit = folded.slice(expression.index, expression.end).search(/\d/);
  if (digit === -1) return expression;
  const before = wordsBefore(folded, expression.index + digit);
  while (before.length > 0 && BEFORE_HOUR.has(before[before.length - 1]!)) before.pop();
  const side = longestEnding(before) ?? following(wordsFrom(folded, expression.end));
  if (side === null) return expression;
  return {
    ...rest,
    interval: side === "after" ? { open: "after", from: { time } } : { open: "before", to: { time } },
  };
}

/** The side of the longest window phrase the words end with ("not before" wins over "before"). */
function longestEnding(words: readonly string[]): "after" | "before" | null {
  for (let length = words.length; length > 0; length--) {
    const phrase = words.slice(-length).join(" ");
    if (WINDOW_AFTER.has(phrase)) return "after";
    if (WINDOW_BEFORE.has(phrase)) return "before";
  }
  return null;
}

/** "from 5pm on", "a las 5 o más tarde": a window phrase that ends the clause right after the time. */
function following(words: readonly string[]): "after" | "before" | null {
  const phrase = words.join(" ");
  if (WINDOW_AFTER_FOLLOWING.has(phrase)) return "after";
  if (WINDOW_BEFORE_FOLLOWING.has(phrase)) return "before";
  return null;
}
