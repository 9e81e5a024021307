// What the readers note for an explanation (`"explain": true`, docs/explain.md) while they read: spans of
// the folded text of one message, readings they set aside and why, and the steps of the confidence. The
// notes exist only when the request asks for an explanation: every reader takes them as an optional
// argument, so a request without `explain` pays one check per reader and builds nothing.
import type { TemporalExpression } from "../temporal/types.js";
import { EXPLAINED_FIELDS } from "../web/public/static/explained-fields.js";

/** The answer's fields a span can be read for (`previous.*` for a reschedule's or cancel's old slot). */
export { EXPLAINED_FIELDS };
export type ExplainedField = (typeof EXPLAINED_FIELDS)[number];

/** Why a reading was set aside: stable codes, listed with their meaning in docs/explain.md. */
export const DROP_REASONS = [
  "corrected",
  "negated",
  "not_a_time",
  "name_word",
  "rejected_offer",
  "superseded",
] as const;
export type DropReason = (typeof DROP_REASONS)[number];

/** A span of one message's folded text: [from, to) in NormalizedText.folded. */
export interface FoldedSpan {
  field: ExplainedField;
  /** The message's index in a conversation; null for a single text. */
  message: number | null;
  from: number;
  to: number;
}

/** A span the rules read a value from: the value lets the answer pick the place its own value came from. */
export interface ReadSpan extends FoldedSpan {
  value: string;
}

export interface DroppedSpan extends FoldedSpan {
  reason: DropReason;
  detail: string;
}

/**
 * A reading set aside by the conversation's fold: the expression kept its span but not its message, which
 * the explanation finds among the messages up to `upTo`.
 */
export interface DroppedExpression {
  field: ExplainedField;
  expression: TemporalExpression;
  upTo: number;
  reason: DropReason;
  detail: string;
}

export interface ConfidenceStep {
  step: string;
  /** The confidence after this step. */
  value: number;
  detail: string;
  /** For the rules step: each signal's value and fitted weight. */
  signals?: { name: string; value: number; weight: number }[];
}

/** Everything noted for one request's explanation; arrays the readers append to. */
export interface ExplanationNotes {
  read: ReadSpan[];
  dropped: (DroppedSpan | DroppedExpression)[];
  confidence: ConfidenceStep[];
}

export function emptyNotes(): ExplanationNotes {
  return { read: [], dropped: [], confidence: [] };
}

/** What one message's reader notes: its spans and drops, already tagged with the message. */
export interface MessageNotes {
  readonly message: number | null;
  readonly notes: ExplanationNotes;
}

export function noteRead(
  sink: MessageNotes,
  field: ExplainedField,
  span: readonly [number, number],
  value: string,
) {
  sink.notes.read.push({ field, message: sink.message, from: span[0], to: span[1], value });
}

export function noteDropped(
  sink: MessageNotes,
  field: ExplainedField,
  span: readonly [number, number],
  reason: DropReason,
  detail: string,
) {
  sink.notes.dropped.push({ field, message: sink.message, from: span[0], to: span[1], reason, detail });
}
