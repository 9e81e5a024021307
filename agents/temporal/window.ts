// Clock times that bound an appointment rather than name it (rule 20): a window the user gives ("between 3
// and 5pm", "after 5pm", "antes de las 10") is an expression with an interval of times and no time of its
// own. Each end reads by the same rules as any time (bare hours, am/pm, a part of the day said beside it),
// so the Parsing agent measures a range with them and the Negotiation agent lists free slots inside.
import { resolveAppointmentTime } from "../../src/temporal/appointment-policy.js";
import type { PartOfDay, TemporalExpression, TimeSpec } from "../../src/temporal/types.js";

const DAY_MINUTES = 1440;

/** Whether the expression is a window of clock times (one end or both), not a time or a date. */
export function isWindow(expression: TemporalExpression): boolean {
  const interval = expression.interval;
  return (
    expression.time === undefined &&
    interval !== undefined &&
    (interval.from?.time !== undefined || interval.to?.time !== undefined)
  );
}

/** Minutes after midnight of a time as the appointment policy reads it, with the part of the day said. */
export function clockMinutes(time: TimeSpec, partOfDay: PartOfDay | undefined): number {
  const resolved = resolveAppointmentTime({
    expressions: [{ parser: "window", index: 0, end: 0, text: "", certainty: 1, time, partOfDay }],
    now: 0,
    zone: "UTC",
    durationMinutes: null,
    defaultLengthMinutes: 0,
  });
  const [hour, minute] = resolved.time!.split(":").map(Number) as [number, number];
  return hour * 60 + minute;
}

/** [from, to) in minutes of the day: an open end reaches the day's start or end. */
export function windowMinutes(
  expression: TemporalExpression,
  partOfDay: PartOfDay | undefined,
): [number, number] {
  const { from, to } = expression.interval ?? {};
  return [
    from?.time === undefined ? 0 : clockMinutes(from.time, partOfDay),
    to?.time === undefined ? DAY_MINUTES : clockMinutes(to.time, partOfDay),
  ];
}
