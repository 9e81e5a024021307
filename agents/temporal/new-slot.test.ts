// What a reschedule's new slot keeps of the existing appointment: its day when the new slot names none, its
// hour or part of the day when it names neither, its month for a day of the month alone; and nothing for
// anything but a reschedule, or for a new slot that names nothing at all.
import { describe, expect, it } from "vitest";
import { type Draft, previousAppointment } from "../../src/coordinator/agent.js";
import type { TemporalExpression } from "../../src/temporal/types.js";
import { newSlotExpressions } from "./new-slot.js";

function expression(fields: Partial<TemporalExpression>): TemporalExpression {
  return { parser: "test", index: 0, end: 0, text: "", certainty: 1, ...fields };
}

const TOMORROW = expression({ date: { kind: "relative", days: 1 }, text: "tomorrow" });
const THREE_PM = expression({ time: { hour: 3, minute: 0, meridiem: "pm" }, text: "3pm" });
const AFTERNOON = expression({ partOfDay: "afternoon", text: "afternoon" });
const FRIDAY = expression({ date: { kind: "weekday", weekday: 5 }, text: "Friday" });
const HALF_FOUR = expression({ time: { hour: 4, minute: 30 }, text: "4:30" });
const MORNING = expression({ partOfDay: "morning", text: "morning" });

function reschedule(
  next: TemporalExpression[],
  previous: TemporalExpression[],
): Pick<Draft, "intent" | "previous" | "expressions"> {
  return {
    intent: "reschedule",
    expressions: next,
    previous: previousAppointment({ contact: null, service: null, expressions: previous }),
  };
}

/** What each kept expression says, without where it was read. */
const said = (expressions: TemporalExpression[]) =>
  expressions.map(({ date, time, partOfDay }) => ({ date, time, partOfDay }));

describe("a reschedule's new slot", () => {
  it("keeps the day when it names only an hour", () => {
    const kept = newSlotExpressions(reschedule([HALF_FOUR], [THREE_PM, TOMORROW]));
    expect(said(kept)).toEqual(said([HALF_FOUR, expression({ date: TOMORROW.date })]));
  });

  it("keeps the hour when it names only a day, its own day first", () => {
    const kept = newSlotExpressions(reschedule([FRIDAY], [THREE_PM, TOMORROW]));
    expect(said(kept)).toEqual(said([FRIDAY, expression({ time: THREE_PM.time })]));
  });

  it("keeps the part of the day with the hour, and the part alone when there is no hour", () => {
    const withHour = newSlotExpressions(reschedule([FRIDAY], [TOMORROW, AFTERNOON, THREE_PM]));
    expect(said(withHour).slice(1)).toEqual(said([AFTERNOON, THREE_PM]));
    const partOnly = newSlotExpressions(reschedule([FRIDAY], [TOMORROW, AFTERNOON]));
    expect(said(partOnly)).toEqual(said([FRIDAY, AFTERNOON]));
  });

  it("keeps no hour when it names a part of the day of its own", () => {
    const kept = newSlotExpressions(reschedule([MORNING], [TOMORROW, THREE_PM]));
    expect(said(kept)).toEqual(said([MORNING, expression({ date: TOMORROW.date })]));
  });

  it("takes only the day from an expression that says more", () => {
    const tonight = expression({ date: { kind: "relative", days: 0 }, partOfDay: "night" });
    const kept = newSlotExpressions(reschedule([HALF_FOUR], [tonight]));
    expect(said(kept)).toEqual(said([HALF_FOUR, expression({ date: tonight.date })]));
  });

  it("puts a day of the month alone in the existing appointment's month and year", () => {
    const march = expression({ date: { kind: "calendar", day: 15, month: 3, year: 2027 } });
    const twentieth = expression({ date: { kind: "calendar", day: 20 } });
    const [kept] = newSlotExpressions(reschedule([twentieth], [march]));
    expect(kept?.date).toEqual({ kind: "calendar", day: 20, month: 3, year: 2027 });
    const [ownMonth] = newSlotExpressions(
      reschedule([expression({ date: { kind: "calendar", day: 20, month: 4 } })], [march]),
    );
    expect(ownMonth?.date).toEqual({ kind: "calendar", day: 20, month: 4 });
  });

  it("borrows nothing when it names nothing, nor for other intents", () => {
    expect(newSlotExpressions(reschedule([], [THREE_PM, TOMORROW]))).toEqual([]);
    const booking = { ...reschedule([HALF_FOUR], [TOMORROW]), intent: "book" as const };
    expect(newSlotExpressions(booking)).toEqual([HALF_FOUR]);
    expect(newSlotExpressions({ ...reschedule([HALF_FOUR], []), previous: null })).toEqual([HALF_FOUR]);
  });
});
