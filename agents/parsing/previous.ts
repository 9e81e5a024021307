// The appointment a reschedule or a cancel refers to, as the model and the rules read it: which one the
// answer keeps, and how much the two readings differ (one field of docs/confidence.md's count).
import {
  type AgentContext,
  type Draft,
  type PreviousAppointment,
  previousAppointment,
} from "../../src/coordinator/agent.js";
import type { PreviousExtraction } from "../../src/llm/extraction-schema.js";
import { resolvePrevious } from "../temporal/index.js";
import { difference, modelValue } from "./agreement.js";
import type { Grounding } from "./grounding.js";

export interface PreviousReading {
  /** The model's previous appointment for the answer: its phrases first, the rules' expressions after. */
  previous: PreviousAppointment | null;
  /** The model's own reading of it, its phrases' expressions alone: what is compared with the rules'. */
  own: PreviousAppointment | null;
  /** Its contact or service was not where the model may take it from: the rules' stands (1 each). */
  invented: number;
}

/** The model's `previous`, its values checked like the answer's own and its phrases read as expressions. */
export function readModelPrevious(
  model: PreviousExtraction | null,
  ruled: PreviousAppointment | null,
  grounding: Grounding,
): PreviousReading {
  if (model === null) return { previous: null, own: null, invented: 0 };
  const contact = modelValue(model.contact, ruled?.contact ?? null, grounding);
  const service = modelValue(model.service, ruled?.service ?? null, grounding);
  const ruledExpressions = ruled?.expressions ?? [];
  const phrased = grounding.expressions([model.dateText, model.timeText], ruledExpressions);
  const fields = { contact: contact.value, service: service.value };
  return {
    // As for the new slot, the model's phrases come first and the rules' fill what it left out.
    previous: previousAppointment({ ...fields, expressions: [...phrased, ...ruledExpressions] }),
    own: previousAppointment({ ...fields, expressions: phrased }),
    invented: Number(contact.invented) + Number(service.invented),
  };
}

/**
 * 0 when the readings name the same appointment (or neither names one), 0.5 when only one names one or
 * a value only one of them found, 1 when they name a different day, time, person or service. Each is
 * resolved from its own expressions, so "el martes" and "Tuesday" agree.
 */
export function previousDifference(
  context: AgentContext,
  base: Draft,
  model: PreviousAppointment | null,
  ruled: PreviousAppointment | null,
): number {
  if (model === null || ruled === null) return difference(model, ruled, () => true);
  const [byModel, byRules] = [model, ruled].map(
    (previous) => resolvePrevious(context, { ...base, previous }, base.timezone)!,
  ) as [PreviousAppointment, PreviousAppointment];
  const parts = [
    difference(byModel.date, byRules.date, (a, b) => a === b),
    difference(byModel.time, byRules.time, (a, b) => a === b),
    difference(model.contact, ruled.contact),
    difference(model.service, ruled.service),
  ];
  return Math.max(...parts);
}
