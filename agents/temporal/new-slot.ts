// A reschedule's new slot keeps what the user does not change: "move my 3pm tomorrow to 4:30" is tomorrow
// at 16:30, "move my 3pm tomorrow to Friday" is Friday at 15:00, "pasar mi turno del martes a la tarde al
// jueves" is Thursday afternoon (the hour still to ask). The existing appointment lends its day when the
// new slot names none, and its hour or part of the day when the new slot names neither; a new slot that
// names nothing at all ("I need to reschedule") is not the old one again, so it borrows nothing. A day of
// the month alone ("del 15 de marzo al 20") is in the existing appointment's month.
import type { Draft } from "../../src/coordinator/agent.js";
import type { TemporalExpression } from "../../src/temporal/types.js";

export function newSlotExpressions(
  draft: Pick<Draft, "intent" | "previous" | "expressions">,
): TemporalExpression[] {
  const { expressions, previous } = draft;
  if (draft.intent !== "reschedule" || previous === null || expressions.length === 0) return expressions;
  const borrowed: TemporalExpression[] = [];
  const own = expressions.map((expression) => withMonthOf(expression, previous.expressions));
  if (!expressions.some(namesDay)) {
    for (const expression of previous.expressions) {
      if (expression.date !== undefined) borrowed.push({ ...origin(expression), date: expression.date });
    }
  }
  if (!expressions.some(namesHour)) {
    for (const expression of previous.expressions) {
      const { time, partOfDay } = expression;
      if (time === undefined && partOfDay === undefined) continue;
      borrowed.push({
        ...origin(expression),
        ...(time !== undefined ? { time } : {}),
        ...(partOfDay !== undefined ? { partOfDay } : {}),
      });
    }
  }
  // The new slot's own words come first: resolution takes the first date and the first hour it finds.
  return [...own, ...borrowed];
}

/** "del 15 de marzo … al 20": a day of the month alone is in the existing appointment's month and year. */
function withMonthOf(
  expression: TemporalExpression,
  previous: readonly TemporalExpression[],
): TemporalExpression {
  const { date } = expression;
  if (date?.kind !== "calendar" || date.month !== undefined || date.monthOffset !== undefined) {
    return expression;
  }
  const named = previous.find((candidate) => candidate.date?.kind === "calendar" && candidate.date.month);
  if (named?.date?.kind !== "calendar") return expression;
  const { month, year } = named.date;
  return { ...expression, date: { ...date, month, ...(year !== undefined ? { year } : {}) } };
}

function namesDay(expression: TemporalExpression): boolean {
  return expression.date !== undefined || expression.offsetMinutes !== undefined;
}

function namesHour(expression: TemporalExpression): boolean {
  return (
    expression.time !== undefined ||
    expression.partOfDay !== undefined ||
    expression.offsetMinutes !== undefined
  );
}

/** Where an expression was read and how sure that reading is, without what it says. */
function origin(expression: TemporalExpression): TemporalExpression {
  const { parser, index, end, text, certainty } = expression;
  return { parser, index, end, text, certainty };
}
