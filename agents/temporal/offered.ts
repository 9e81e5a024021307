// Several slots to choose from: alternatives the user offers (rule 27) or options an assistant listed that
// the user accepted without picking one (C4). Each option is resolved alone, with the slot's other
// expressions for what it leaves out; the appointment keeps what they all share, and each part on which
// they differ is an ambiguity whose options are the readings of that part.
import type { Ambiguity } from "../../src/coordinator/agent.js";
import { type Language, localize } from "../../src/locales/index.js";
import {
  type PolicyInput,
  type ResolvedTime,
  resolveAppointmentTime,
} from "../../src/temporal/appointment-policy.js";
import type { TemporalExpression } from "../../src/temporal/types.js";

/** Each option resolved, its own expressions first: resolution takes the first date and time it finds. */
export function resolveOptions(
  offered: readonly (readonly TemporalExpression[])[],
  input: PolicyInput,
): ResolvedTime[] {
  return offered.map((option) =>
    resolveAppointmentTime({ ...input, expressions: [...option, ...input.expressions] }),
  );
}

/** Whether the options name more than one slot: "at 10 or at 10:00" names one. */
export function differ(readings: readonly ResolvedTime[]): boolean {
  return new Set(readings.map((reading) => `${reading.date} ${reading.time}`)).size > 1;
}

/** What every option shares, and an ambiguity on each part where they differ. */
export function sharedReading(
  readings: readonly ResolvedTime[],
  language: Language,
): Pick<ResolvedTime, "date" | "time" | "start" | "end"> & { ambiguities: Ambiguity[] } {
  const ambiguities: Ambiguity[] = [];
  const shared = { date: null as string | null, time: null as string | null };
  for (const part of ["date", "time"] as const) {
    const values = readings.map((reading) => reading[part]);
    if (new Set(values).size === 1) {
      shared[part] = values[0] ?? null;
      continue;
    }
    ambiguities.push({
      field: part,
      issue: "ambiguous",
      message: localize(language, "optionNotPicked"),
      options: [...new Set(values.filter((value) => value !== null))] as string[],
    });
  }
  const first = readings[0];
  const whole = shared.date !== null && shared.time !== null;
  return {
    ...shared,
    start: whole ? (first?.start ?? null) : null,
    end: whole ? (first?.end ?? null) : null,
    ambiguities,
  };
}
