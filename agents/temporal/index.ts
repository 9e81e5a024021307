// Temporal agent: resolves the Parsing agent's date and time expressions into the appointment's local
// date, time, start and end in its zone, with the conventions' rules and daylight-saving checks.
import {
  type Agent,
  type AgentContext,
  type Ambiguity,
  aboutAppointment,
  type Draft,
} from "../../src/coordinator/agent.js";
import { type Language, localize } from "../../src/locales/index.js";
import { resolveAppointmentTime, type TemporalIssue } from "../../src/temporal/appointment-policy.js";
import type { TemporalExpression } from "../../src/temporal/types.js";
import { countryOfZone } from "../geo/gazetteer.js";
import { newSlotExpressions } from "./new-slot.js";
import { differ, resolveOptions, sharedReading } from "./offered.js";
import { isWindow } from "./window.js";

/** Length of an appointment when the user gives none (a calendar's slot length replaces it). */
export const DEFAULT_LENGTH_MINUTES = 30;

export const temporalAgent: Agent = {
  name: "temporal",
  failureField: "date",
  run(context, draft): Draft {
    if (!aboutAppointment(draft)) return draft;
    const resolved = resolveDraftTime(context, draft, draft.timezone);
    return {
      ...draft,
      previous: resolvePrevious(context, draft, draft.timezone),
      date: resolved.date,
      time: resolved.time,
      start: resolved.start,
      end: resolved.end,
      certainty: Math.min(draft.certainty, resolved.certainty),
      ambiguities: [...draft.ambiguities, ...resolved.ambiguities],
    };
  },
};

/** The draft's time fields as one resolution reads them; its ambiguities are the ones it raises. */
export type DraftTime = Pick<Draft, "date" | "time" | "start" | "end" | "certainty" | "ambiguities">;

/**
 * The draft's expressions resolved in `zone` (a reschedule's new slot with what it keeps of the existing
 * one). The Geo agent calls it again with the place's zone when the appointment is somewhere else, so both
 * agents read times the same way.
 */
export function resolveDraftTime(context: AgentContext, draft: Draft, zone: string): DraftTime {
  const expressions = newSlotExpressions(draft);
  const input = {
    expressions,
    now: context.now,
    zone,
    country: holidayCountry(expressions, zone),
    durationMinutes: draft.durationMinutes,
    defaultLengthMinutes: DEFAULT_LENGTH_MINUTES,
  };
  const options = resolveOptions(draft.offered ?? [], input);
  if (options.length > 1 && differ(options)) {
    // Several slots to choose from (rule 27, C4): what they share, and which one for each part they do not.
    const { ambiguities, ...shared } = sharedReading(options, context.language);
    const issues = unique(options.flatMap((option) => option.issues)).filter(
      (issue) => !ambiguities.some((ambiguity) => ambiguity.field === issue.field),
    );
    return {
      ...shared,
      certainty: Math.min(...options.map((option) => option.certainty)),
      ambiguities: [...issues.map((issue) => toAmbiguity(issue, context.language)), ...ambiguities],
    };
  }
  const resolved = resolveAppointmentTime(input);
  const ambiguities = resolved.issues.map((issue) => toAmbiguity(issue, context.language));
  // A window ("between 3 and 5", "after 5pm") names no time: which one is the user's to say (rule 20).
  if (resolved.time === null && input.expressions.some(isWindow) && !ambiguities.some(isOnTime)) {
    ambiguities.push({
      field: "time",
      issue: "ambiguous",
      message: localize(context.language, "timeWindow"),
    });
  }
  return {
    date: resolved.date,
    time: resolved.time,
    start: resolved.start,
    end: resolved.end,
    certainty: resolved.certainty,
    ambiguities,
  };
}

function isOnTime(ambiguity: Ambiguity): boolean {
  return ambiguity.field === "time";
}

/** Each issue once: every option raises the same one for a part they share. */
function unique(issues: readonly TemporalIssue[]): TemporalIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.field} ${issue.issue} ${issue.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The appointment a reschedule or a cancel refers to, resolved by the same rules in the same zone; its
 * issues are not the new appointment's, so none is raised.
 */
export function resolvePrevious(context: AgentContext, draft: Draft, zone: string): Draft["previous"] {
  const { previous } = draft;
  if (previous === null || previous.expressions.length === 0) return previous;
  const resolved = resolveAppointmentTime({
    expressions: previous.expressions,
    now: context.now,
    zone,
    durationMinutes: null,
    defaultLengthMinutes: DEFAULT_LENGTH_MINUTES,
  });
  return { ...previous, date: resolved.date, time: resolved.time, start: resolved.start };
}

/** The zone's country, asked only when a holiday is named (its day may differ by country, rule 26). */
function holidayCountry(expressions: readonly TemporalExpression[], zone: string): string | undefined {
  return expressions.some((expression) => expression.date?.kind === "holiday")
    ? countryOfZone(zone)
    : undefined;
}

function toAmbiguity(issue: TemporalIssue, language: Language): Ambiguity {
  const key = {
    weekday_mismatch: "weekdayMismatch",
    invalid_date: "invalidDate",
    part_of_day: "partOfDay",
    repeated_time: "repeatedTime",
    nonexistent_time: "nonexistentTime",
    whole_week: "wholeWeek",
    midnight: "midnight",
  } as const;
  const ambiguity: Ambiguity = {
    field: issue.field,
    issue: issue.issue,
    message: localize(language, key[issue.reason]),
  };
  if ("options" in issue && issue.options) ambiguity.options = issue.options;
  return ambiguity;
}
