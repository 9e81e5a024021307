// A reschedule names two slots: the existing appointment's and the new one. Which date or time belongs to
// which is told by the words right before it ("del lunes", "from 3pm", "my Thursday" are the existing one;
// "al jueves", "para el miércoles", "to 4:30", "¿puede ser el viernes?" the new one), never by a text's
// wording as a whole. A date or time with no such word joins the one before it, unless that slot already
// has one of its kind ("de las 3 a las 5": the second hour is the other slot). The first ones, unmarked,
// are the other slot of the first marked one ("cambiar el martes por el jueves"); with none marked, the
// existing appointment's before the reschedule wording and the new one's after it. After a correction word
// ("to thursday, no wait, friday") a repeated value stays in its slot, where rule 21 replaces the earlier.
import type { Intent } from "../../../src/coordinator/agent.js";
import type { TemporalExpression } from "../../../src/temporal/types.js";
import type { Wording } from "./intent.js";
import {
  AVAILABILITY,
  AVAILABILITY_WITH_DATE,
  BOOKING,
  NEXT_SLOT,
  PREVIOUS_SLOT,
  PROPOSAL,
} from "./vocabulary.js";
import type { WordingPattern } from "./wording.js";

export type Side = "previous" | "next";

/** How far a correction word may stand before the value it brings: ", " at most ("no wait, friday"). */
const NEAR = 2;

export interface SlotSplit {
  previous: TemporalExpression[];
  next: TemporalExpression[];
}

export interface Marker {
  index: number;
  end: number;
  side: Side;
  text: string;
}

/**
 * The words that mark a slot in the text, none inside the intent wording; of two that overlap, the first,
 * and the longer of two at one place ("instead of" marks the existing slot, "instead" alone the new one).
 */
export function slotMarkers(folded: string, wording: Wording): Marker[] {
  const found: Marker[] = [];
  const add = (pattern: WordingPattern, side: Side, from = 0) => {
    for (const [index, end] of pattern.spans(folded)) {
      if (index >= from) found.push({ index, end, side, text: folded.slice(index, end) });
    }
  };
  add(PREVIOUS_SLOT, "previous");
  // "cita para el viernes, la quiero cambiar": before the wording, "para" describes the existing one.
  add(NEXT_SLOT, "next", wording.at);
  for (const pattern of [PROPOSAL, BOOKING, AVAILABILITY, AVAILABILITY_WITH_DATE]) add(pattern, "next");
  // A marker inside the wording is the wording's own word, except one that ends it and names the existing
  // appointment: "move my Friday 9am", "cambiar mi turno del lunes".
  const outsideWording = found.filter(
    (marker) =>
      !wording.spans.some(
        ([from, to]) =>
          marker.index < to && from < marker.end && !(marker.side === "previous" && marker.end === to),
      ),
  );
  outsideWording.sort((a, b) => a.index - b.index || b.end - a.end);
  const kept: Marker[] = [];
  for (const marker of outsideWording) {
    const last = kept[kept.length - 1];
    if (last === undefined || marker.index >= last.end) kept.push(marker);
  }
  return kept;
}

/**
 * The existing appointment's expressions (null when the text names none) and the new slot's: a cancel's
 * all name the existing one, a reschedule's are split.
 */
export function slotsOf(
  intent: Intent,
  expressions: TemporalExpression[],
  markers: readonly Marker[],
  wordingAt: number,
  replacements: readonly [number, number][] = [],
): { previous: TemporalExpression[] | null; next: TemporalExpression[] } {
  if (intent === "cancel") return { previous: expressions, next: [] };
  if (intent === "reschedule") return splitSlots(expressions, markers, wordingAt, replacements);
  return { previous: null, next: expressions };
}

/** The expressions of each slot, in text order. */
export function splitSlots(
  expressions: readonly TemporalExpression[],
  markers: readonly Marker[],
  wordingAt: number,
  replacements: readonly [number, number][] = [],
): SlotSplit {
  const marked = expressions.map((expression, position) => {
    const from = position === 0 ? 0 : expressions[position - 1]!.end;
    return markers.findLast((marker) => marker.index >= from && marker.index <= expression.index)?.side;
  });
  const sides: Side[] = [];
  let group: TemporalExpression[] = [];
  expressions.forEach((expression, position) => {
    const previousSide = sides[position - 1];
    let side = marked[position];
    if (side === undefined && previousSide !== undefined) {
      // "to thursday, no wait, friday": a value right after a correction word replaces one of its own slot.
      const from = expressions[position - 1]!.end;
      const replacing = replacements.some(
        ([index, end]) => index >= from && end <= expression.index && expression.index - end <= NEAR,
      );
      side = repeats(group, expression) && !replacing ? other(previousSide) : previousSide;
    }
    if (side === undefined) side = leadingSide(expressions, marked, position, wordingAt);
    if (side !== previousSide) group = [];
    group.push(expression);
    sides.push(side);
  });
  return {
    previous: expressions.filter((_, position) => sides[position] === "previous"),
    next: expressions.filter((_, position) => sides[position] === "next"),
  };
}

/**
 * The side of the first expression, unmarked: with a second slot of the same kind right after it, the
 * first is the existing one ("reprogramar el martes el jueves"); before a marked one, the other slot; with
 * none marked, the existing one before the wording and the new one after it.
 */
function leadingSide(
  expressions: readonly TemporalExpression[],
  marked: readonly (Side | undefined)[],
  position: number,
  wordingAt: number,
): Side {
  const firstMarked = marked.findIndex((side) => side !== undefined);
  const run = expressions.slice(position, firstMarked === -1 ? expressions.length : firstMarked);
  if (run.some((expression, index) => index > 0 && repeats(run.slice(0, index), expression))) {
    return "previous";
  }
  if (firstMarked !== -1) return other(marked[firstMarked]!);
  return expressions[position]!.index < wordingAt ? "previous" : "next";
}

/**
 * Whether the slot already has what the expression gives: a date, a clock time, or a part of the day (a
 * part of the day after a clock time says another slot: "de las 10 a la tarde").
 */
function repeats(slot: readonly TemporalExpression[], expression: TemporalExpression): boolean {
  const has = (kind: (candidate: TemporalExpression) => boolean) => slot.some(kind);
  if (isDate(expression) && has(isDate)) return true;
  if (expression.time !== undefined && has((candidate) => candidate.time !== undefined)) return true;
  return (
    expression.partOfDay !== undefined &&
    expression.time === undefined &&
    has((candidate) => candidate.partOfDay !== undefined || candidate.time !== undefined)
  );
}

function isDate(expression: TemporalExpression): boolean {
  return expression.date !== undefined || expression.offsetMinutes !== undefined;
}

function other(side: Side): Side {
  return side === "previous" ? "next" : "previous";
}
