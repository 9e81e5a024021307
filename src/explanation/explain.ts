// The answer's `explanation` (`"explain": true`, docs/explain.md), built once the agents are done: where each
// field of the answer was read, the readings set aside and why, and the steps of the confidence, with
// offsets in code points of the text the client sent. Built only when the request asks for it.

import type { z } from "zod";
import { isWindow } from "../../agents/temporal/window.js";
import type { AgentContext, Draft } from "../coordinator/agent.js";
import type {
  DroppedReadingSchema,
  ExplainedSpanSchema,
  ExplanationSchema,
} from "../http/schemas/explanation.js";
import type { NormalizedText } from "../temporal/text.js";
import type { TemporalExpression } from "../temporal/types.js";
import { locateExpression, locateValue } from "./locate.js";
import {
  type ConfidenceStep,
  type ExplainedField,
  type ExplanationNotes,
  emptyNotes,
  type FoldedSpan,
} from "./notes.js";
import { sentText } from "./offsets.js";

/** The answer's explanation and its parts, as the contract's schemas (src/http/schemas/explanation.ts) say. */
export type Explanation = z.infer<typeof ExplanationSchema>;
type ExplainedSpan = z.infer<typeof ExplainedSpanSchema>;
type DroppedReading = z.infer<typeof DroppedReadingSchema>;

/** The texts as the client sent them and as the edge cleaned them, one per message (one for a text). */
export interface ExplainedTexts {
  cleaned: readonly string[];
  sent?: readonly string[];
}

/** The fields read from words of their own, with the answer's value to find where it was read. */
function valueFields(draft: Draft): [ExplainedField, string | null][] {
  return [
    ["intent", draft.intent === "none" ? null : draft.intent],
    ["contact", draft.contact],
    ["service", draft.service],
    ["location", draft.location?.text ?? null],
    ["durationMinutes", draft.durationMinutes === null ? null : String(draft.durationMinutes)],
  ];
}

function expressionFields(expression: TemporalExpression, date: ExplainedField, time: ExplainedField) {
  const fields: ExplainedField[] = [];
  if (expression.date !== undefined || expression.offsetMinutes !== undefined) fields.push(date);
  if (expression.time !== undefined || expression.partOfDay !== undefined || isWindow(expression)) {
    fields.push(time);
  }
  return fields;
}

/** Where each field of the answer was read: the latest place its value was read, in the message it came from. */
function fieldSpans(
  draft: Draft,
  notes: ExplanationNotes,
  texts: readonly NormalizedText[],
  conversation: boolean,
): FoldedSpan[] {
  const spans: FoldedSpan[] = [];
  const message = (index: number) => (conversation ? index : null);
  for (const [field, value] of valueFields(draft)) {
    if (value === null) continue;
    const read = notes.read.findLast((span) => span.field === field && span.value === value);
    if (read !== undefined) {
      spans.push({ field, message: read.message, from: read.from, to: read.to });
      continue;
    }
    // A value only a model read is found by its folded words (locateValue), as the confidence's unread-words
    // signal finds it (agents/validation/signals.ts).
    const found = field === "intent" || field === "durationMinutes" ? null : locateValue(value, texts);
    if (found !== null) spans.push({ field, message: message(found.index), from: found.from, to: found.to });
  }
  const add = (expressions: readonly TemporalExpression[], date: ExplainedField, time: ExplainedField) => {
    for (const expression of expressions) {
      const at = locateExpression(expression, texts, texts.length - 1);
      if (at === null) continue;
      for (const field of expressionFields(expression, date, time)) {
        spans.push({ field, message: message(at), from: expression.index, to: expression.end });
      }
    }
  };
  if (draft.date !== null || draft.time !== null) add(draft.expressions, "date", "time");
  const { previous } = draft;
  if (previous !== null && (previous.date !== null || previous.time !== null)) {
    add(previous.expressions, "previous.date", "previous.time");
  }
  for (const option of draft.offered ?? []) add(option, "alternatives", "alternatives");
  // "de 10 a 11": the length is the range's, with no duration words of its own.
  if (draft.durationMinutes !== null && !spans.some((span) => span.field === "durationMinutes")) {
    const range = spans.find((span) => span.field === "time");
    if (range && draft.expressions.some((expression) => expression.interval !== undefined)) {
      spans.push({ ...range, field: "durationMinutes" });
    }
  }
  return spans;
}

export function explain(
  context: Pick<AgentContext, "text" | "messages">,
  draft: Draft,
  sources: ExplainedTexts,
  confidence: number,
): Explanation {
  const notes = draft.notes ?? emptyNotes();
  const texts = context.messages?.map((message) => message.text) ?? [context.text];
  const sent = texts.map((text, index) => sentText(text, sources.cleaned[index]!, sources.sent?.[index]));
  const place = (span: FoldedSpan): ExplainedSpan => ({
    field: span.field,
    ...sent[span.message ?? 0]!.span(span.from, span.to),
    ...(span.message !== null ? { message: span.message } : {}),
  });
  const seen = new Set<string>();
  const once = <T extends ExplainedSpan>(span: T): boolean => {
    const key = JSON.stringify(span);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  const spans = fieldSpans(draft, notes, texts, context.messages !== null)
    .map(place)
    .filter(once);
  const dropped: DroppedReading[] = [];
  for (const note of notes.dropped) {
    let span: FoldedSpan | null = null;
    if ("expression" in note) {
      const at = locateExpression(note.expression, texts, note.upTo);
      if (at !== null) {
        span = { field: note.field, message: at, from: note.expression.index, to: note.expression.end };
      }
    } else {
      span = note;
    }
    if (span !== null) dropped.push({ ...place(span), reason: note.reason, detail: note.detail });
  }
  // Spans in the answer's field order; what was set aside in the order it was said.
  dropped.sort((a, b) => (a.message ?? 0) - (b.message ?? 0) || a.start - b.start);
  return {
    spans,
    dropped: dropped.filter(once),
    confidence: finalSteps(notes.confidence, confidence),
  };
}

/** The steps, ending at the answer's confidence: an agent that failed before computing it leaves none. */
function finalSteps(steps: readonly ConfidenceStep[], confidence: number): ConfidenceStep[] {
  if (steps.at(-1)?.value === confidence) return [...steps];
  return [
    ...steps,
    { step: "unset", value: confidence, detail: "The Validation agent did not settle the confidence." },
  ];
}
