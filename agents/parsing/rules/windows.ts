// Rule 20: two clock times read as one phrase ("de 10 a 11:30", "between 3 and 5pm", "3 or 4pm") and a time
// after a window word ("after 5pm", "antes de las 10": ./open-windows.ts). A span first stands as its two times, so the intent
// and the slots of a reschedule read them as before ("cambiar de las 3 a las 5" moves 3 to 5); when both
// ends fall in the slot asked for, they join again: a range is its start and its length, a window stays a
// window (no time, the Temporal agent asks which), a choice is two times (rule 27 offers both).
import { spanKind, timeSpanParser } from "../../../src/locales/common/time-spans.js";
import type { ExpressionParts, TemporalExpression } from "../../../src/temporal/types.js";
import { clockMinutes } from "../../temporal/window.js";
import { openWindow } from "./open-windows.js";

const DAY_MINUTES = 1440;
/** Where a span's second time starts: its dash, or the space before its joining word. */
const JOINT = /-|–|—| (?=(?:to|till|til|until|thru|through|and|or|a|y|o|hasta) )/;
/** A range that crosses midnight ("10pm to 1am") is read when both ends say their half of the day. */
const LONGEST_OVERNIGHT_MINUTES = 720;

/** The two times of each span in `found`, the spans kept aside to join again. */
export interface SplitSpans {
  expressions: TemporalExpression[];
  spans: Map<TemporalExpression, { span: TemporalExpression; second: TemporalExpression }>;
}

export function splitSpans(folded: string, found: readonly TemporalExpression[]): SplitSpans {
  const spans: SplitSpans["spans"] = new Map();
  const expressions = found.flatMap((expression) => {
    const { interval } = expression;
    if (
      expression.parser !== timeSpanParser.name ||
      interval?.from === undefined ||
      interval.to === undefined
    )
      return [expression];
    const inner = folded.slice(expression.index, expression.end);
    // The second time starts at its joining word, where a reschedule's slot word ("a", "to") stands.
    const joint = JOINT.exec(inner.slice(1));
    const at = expression.index + 1 + (joint?.index ?? 0) + (joint?.[0] === " " ? 1 : 0);
    const first = half(expression, interval.from, expression.index, at);
    const second = half(expression, interval.to, at, expression.end);
    spans.set(first, { span: expression, second });
    return [first, second];
  });
  return { expressions, spans };
}

function half(
  span: TemporalExpression,
  parts: ExpressionParts,
  index: number,
  end: number,
): TemporalExpression {
  const { parser, text, certainty } = span;
  return { parser, index, end, text: text.slice(index - span.index, end - span.index), certainty, ...parts };
}

export interface SlotTimes {
  expressions: TemporalExpression[];
  /** A range's length, in minutes. */
  durationMinutes: number | null;
  /** A range whose end comes before its start ("de 11 a 10"): its length is for the user to say. */
  reversed: boolean;
}

/** The slot's expressions with its spans joined again and its window words read (rule 20). */
export function readWindows(
  folded: string,
  slot: readonly TemporalExpression[],
  split: SplitSpans,
): SlotTimes {
  const partOfDay = slot.find((expression) => expression.partOfDay !== undefined)?.partOfDay;
  const result: SlotTimes = { expressions: [], durationMinutes: null, reversed: false };
  const skipped = new Set<TemporalExpression>();
  for (const expression of slot) {
    if (skipped.has(expression)) continue;
    const joined = split.spans.get(expression);
    if (joined === undefined || !slot.includes(joined.second)) {
      result.expressions.push(openWindow(folded, expression));
      continue;
    }
    const { span, second } = joined;
    const kind = spanKind(folded.slice(span.index, span.end));
    if (kind === "choice") {
      result.expressions.push(expression);
      continue;
    }
    skipped.add(second);
    if (kind === "window") {
      result.expressions.push(span);
      continue;
    }
    const length = rangeMinutes(expression, second, partOfDay);
    if (length === "two times") {
      // "change from 2:15 pm to 10 am": ends that cannot bound one appointment are two times.
      result.expressions.push(expression, second);
      continue;
    }
    result.expressions.push({ ...expression, end: span.end, text: span.text });
    if (length === null) result.reversed = true;
    else result.durationMinutes ??= length;
  }
  return result;
}

/**
 * The minutes from one end to the other; null when a bare end comes first ("de 11 a 10": which one is
 * wrong is the user's to say); "two times" when both ends say their half of the day and still cannot bound
 * one appointment ("from 2:15 pm to 10 am"), while "10pm to 1am" crosses midnight.
 */
function rangeMinutes(
  from: TemporalExpression,
  to: TemporalExpression,
  partOfDay: TemporalExpression["partOfDay"],
): number | null | "two times" {
  const start = clockMinutes(from.time!, partOfDay);
  const end = clockMinutes(to.time!, partOfDay);
  if (end > start) return end - start;
  const said = (expression: TemporalExpression) =>
    expression.time!.meridiem !== undefined || expression.time!.clock24 === true;
  if (!said(from) || !said(to)) return null;
  const overnight = end + DAY_MINUTES - start;
  return overnight <= LONGEST_OVERNIGHT_MINUTES ? overnight : "two times";
}

export const WINDOW_PATTERNS: readonly RegExp[] = [JOINT];
