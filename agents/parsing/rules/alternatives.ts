// Rule 27: the slots a user offers as alternatives ("el jueves a las 10 o el viernes a las 2", "lunes o
// martes por la mañana", "3 or 4pm"). They are grouped as the conversation reader groups the options an
// assistant lists (src/conversation/slot.ts): a new option starts where a part repeats, and a part said
// once is every option's. The Temporal agent resolves each and asks which one when they differ.
import { optionSlots, slotExpressions } from "../../../src/conversation/slot.js";
import type { NormalizedText } from "../../../src/temporal/text.js";
import type { TemporalExpression } from "../../../src/temporal/types.js";
import { NOT_ALTERNATIVE, OR, spansOf, wordsFrom } from "./choice-words.js";

/** Each option's expressions, in order; none when the slot is not joined by "o"/"or" into alternatives. */
export function offeredOptions(
  text: NormalizedText,
  slot: readonly TemporalExpression[],
): TemporalExpression[][] {
  if (slot.length < 2) return [];
  const [from, to] = [slot[0]!.index, slot[slot.length - 1]!.end];
  const joined = spansOf(OR, text).some(
    ([index, end]) => index > from && index < to && !joinsNoAlternative(text.folded, end),
  );
  if (!joined) return [];
  const options = optionSlots(slot);
  return options.length > 1 ? options.map(slotExpressions) : [];
}

/** "o sea", "or rather", "or so", "o algo así": an "or" that offers nothing else. */
function joinsNoAlternative(folded: string, end: number): boolean {
  const words = wordsFrom(folded, end, 3);
  return words.some((_, length) => NOT_ALTERNATIVE.has(words.slice(0, length + 1).join(" ")));
}
