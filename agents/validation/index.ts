// Validation agent: required fields, the past, daylight-saving gaps, the status, and the confidence.
import {
  type Agent,
  type Ambiguity,
  aboutAppointment,
  type Draft,
  type Status,
} from "../../src/coordinator/agent.js";
import { localize } from "../../src/locales/index.js";
import { isoDate, localDate } from "../../src/temporal/civil.js";
import { computeConfidence } from "./confidence.js";
import { NO_APPOINTMENT_STEP } from "./confidence-steps.js";

export const validationAgent: Agent = {
  name: "validation",
  failureField: "date",
  run(context, draft): Draft {
    if (!aboutAppointment(draft)) {
      if (draft.notes) draft.notes.confidence = [NO_APPOINTMENT_STEP];
      // No appointment read; an agent that failed keeps its own ambiguity so the failure stays visible.
      const noAppointment: Ambiguity = {
        field: "date",
        issue: "missing",
        message: localize(context.language, "noAppointment"),
      };
      return {
        ...draft,
        status: "needs_clarification",
        confidence: 0,
        ambiguities: draft.failures.length > 0 ? draft.ambiguities : [noAppointment],
      };
    }
    if (draft.intent === "cancel") {
      // A cancel asks for no new appointment (api.md): nothing is missing, and nothing can be booked.
      const next: Draft = { ...draft, status: "needs_clarification" };
      return { ...next, confidence: computeConfidence(context, next) };
    }
    const ambiguities: Ambiguity[] = [...draft.ambiguities];
    if (draft.date === null && !isFlagged(ambiguities, "date")) {
      ambiguities.push({
        field: "date",
        issue: "missing",
        message: localize(context.language, "dateMissing"),
      });
    }
    if (draft.time === null && !isFlagged(ambiguities, "time")) {
      ambiguities.push({
        field: "time",
        issue: "missing",
        message: localize(context.language, "timeMissing"),
      });
    }
    const past = pastField(draft, context.now);
    if (past !== null)
      ambiguities.push({ field: past, issue: "past", message: localize(context.language, "past") });
    const status = statusOf(draft, ambiguities);
    const next = { ...draft, ambiguities, status };
    return { ...next, confidence: computeConfidence(context, next) };
  },
};

function isFlagged(ambiguities: readonly Ambiguity[], field: Ambiguity["field"]): boolean {
  return ambiguities.some((ambiguity) => ambiguity.field === field);
}

/** `date` when the day is before today in the appointment's zone, `time` when only the hour has passed. */
function pastField(draft: Draft, now: number): "date" | "time" | null {
  if (draft.date === null) return null;
  const today = isoDate(localDate(now, draft.timezone));
  if (draft.date < today) return "date";
  // "complete" means in the future: a start at this very instant is already too late to book.
  if (draft.start !== null && Date.parse(draft.start) <= now) return "time";
  return null;
}

function statusOf(draft: Draft, ambiguities: readonly Ambiguity[]): Status {
  if (ambiguities.some((ambiguity) => ambiguity.issue === "past" || ambiguity.issue === "nonexistent_time")) {
    return "invalid";
  }
  if (
    ambiguities.some((ambiguity) => ambiguity.issue === "conflict" || ambiguity.issue === "outside_hours")
  ) {
    return "conflict";
  }
  if (ambiguities.length > 0 || draft.start === null || draft.failures.length > 0)
    return "needs_clarification";
  return "complete";
}
