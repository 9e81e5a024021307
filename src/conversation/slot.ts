// A conversation's slot: the date and the time of an appointment kept apart, so that a later message can
// replace one and keep the other (conventions, C2). Each part is an expression as the temporal parsers
// found it, so the Temporal agent resolves the folded slot exactly as it resolves a single text.
import { isWindow } from "../../agents/temporal/window.js";
import { resolveAppointmentTime } from "../temporal/appointment-policy.js";
import type { PartOfDay, TemporalExpression } from "../temporal/types.js";

export interface Slot {
  /** What names the day: a date, or an offset from now ("in 2 hours"). */
  date: TemporalExpression | null;
  /** What names the time: a clock time with its part of the day, or a part of the day alone. */
  time: TemporalExpression | null;
}

export const EMPTY_SLOT: Slot = { date: null, time: null };

function isDate(expression: TemporalExpression): boolean {
  return expression.date !== undefined || expression.offsetMinutes !== undefined;
}

/** The date part of an expression: everything but its time of day. */
function datePart(expression: TemporalExpression): TemporalExpression {
  const { time: _time, partOfDay: _partOfDay, ...rest } = expression;
  return rest;
}

/**
 * The time part of an expression: its clock and part of the day, or the window of hours it gives (rule
 * 20), nothing that names a day.
 */
function timePart(expression: TemporalExpression, partOfDay: PartOfDay | undefined): TemporalExpression {
  const { parser, index, end, text, certainty, time } = expression;
  return {
    parser,
    index,
    end,
    text,
    certainty,
    ...(time !== undefined ? { time } : {}),
    ...(isWindow(expression) ? { interval: expression.interval } : {}),
    ...(partOfDay !== undefined ? { partOfDay } : {}),
  };
}

/** The slot one message states, as the resolver would read its expressions (the first of each kind). */
export function slotOf(expressions: readonly TemporalExpression[]): Slot {
  const date = expressions.find(isDate);
  const clock = expressions.find((expression) => expression.time !== undefined || isWindow(expression));
  const partOfDay = expressions.find((expression) => expression.partOfDay !== undefined);
  let time: TemporalExpression | null = null;
  if (clock !== undefined) time = timePart(clock, clock.partOfDay ?? partOfDay?.partOfDay);
  else if (partOfDay !== undefined) time = timePart(partOfDay, partOfDay.partOfDay);
  return { date: date === undefined ? null : datePart(date), time };
}

export function isEmpty(slot: Slot): boolean {
  return slot.date === null && slot.time === null;
}

/** `base` with every part `change` names replaced (C2: a correction replaces only what it names). */
export function mergeSlot(base: Slot, change: Slot): Slot {
  return { date: change.date ?? base.date, time: change.time ?? base.time };
}

export function slotExpressions(slot: Slot): TemporalExpression[] {
  const expressions: TemporalExpression[] = [];
  if (slot.date !== null) expressions.push(slot.date);
  if (slot.time !== null) expressions.push(slot.time);
  return expressions;
}

/** The local date and time a slot names, for comparing a user's pick with listed options. */
export function resolveSlot(
  slot: Slot,
  now: number,
  zone: string,
): { date: string | null; time: string | null } {
  const { date, time } = resolveAppointmentTime({
    expressions: slotExpressions(slot),
    now,
    zone,
    durationMinutes: null,
    defaultLengthMinutes: 30,
  });
  return { date, time };
}

/**
 * The options one message lists ("el jueves a las 10 o el viernes a las 11", "10am, 11am or 3pm on
 * Friday"), in order: a new option starts where a part repeats, and a part said once is shared by all.
 */
export function optionSlots(expressions: readonly TemporalExpression[]): Slot[] {
  const groups: Slot[] = [];
  let current: Slot = EMPTY_SLOT;
  for (const expression of expressions) {
    const part = slotOf([expression]);
    if (isEmpty(part)) continue;
    const repeats =
      (part.date !== null && current.date !== null) || (part.time !== null && current.time !== null);
    if (repeats) {
      groups.push(current);
      current = EMPTY_SLOT;
    }
    current = mergeSlot(current, part);
  }
  if (!isEmpty(current)) groups.push(current);
  const dates = groups.filter((group) => group.date !== null);
  const times = groups.filter((group) => group.time !== null);
  return groups.map((group) => ({
    date: group.date ?? (dates.length === 1 ? dates[0]!.date : null),
    time: group.time ?? (times.length === 1 ? times[0]!.time : null),
  }));
}
