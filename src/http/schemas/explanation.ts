// The parse answer's `explanation` (`"explain": true`, docs/explain.md) as zod schemas: they document it in
// GET /openapi.json and the tests check answers against them.
import { z } from "zod";
import { DROP_REASONS, EXPLAINED_FIELDS } from "../../explanation/notes.js";

const OFFSET = z.number().int().min(0);

const spanFields = {
  field: z
    .enum(EXPLAINED_FIELDS)
    .describe("The answer's field read there; `alternatives` for offered options."),
  start: OFFSET.describe("Where the span starts in the text as sent, in Unicode code points."),
  end: OFFSET.describe("Where it ends (exclusive), in code points."),
  text: z.string().describe("The words of the text as sent under the span."),
  message: OFFSET.optional().describe("For a conversation, the index of the message in `messages`."),
};

export const ExplainedSpanSchema = z.strictObject(spanFields).meta({ id: "ExplainedSpan" });

export const DroppedReadingSchema = z
  .strictObject({
    ...spanFields,
    reason: z.enum(DROP_REASONS).describe("Why the reading was set aside: a stable code (docs/explain.md)."),
    detail: z.string().describe("The reason in a short English sentence."),
  })
  .meta({ id: "DroppedReading" });

export const ConfidenceStepSchema = z
  .strictObject({
    step: z
      .string()
      .describe(
        "rules, rules_maximum, llm_agreement, llm_disagreement, failed_agents, rounding, no_appointment, unset.",
      ),
    value: z.number().min(0).max(1).describe("The confidence after this step; the last one is the answer's."),
    detail: z.string(),
    signals: z
      .array(z.strictObject({ name: z.string(), value: z.number(), weight: z.number() }))
      .optional()
      .describe("For the rules step: each signal's value and fitted weight."),
  })
  .meta({ id: "ConfidenceStep" });

export const ExplanationSchema = z
  .strictObject({
    spans: z.array(ExplainedSpanSchema).describe("Where each field of the answer was read."),
    dropped: z.array(DroppedReadingSchema).describe("Readings set aside, and why."),
    confidence: z.array(ConfidenceStepSchema).describe("The steps that set the confidence, in order."),
  })
  // Titled and inline, not registered under an id: an optional `$ref` comes out wrapped in a one-schema
  // `allOf`, which linters refuse.
  .meta({
    title: "Explanation",
    description: "Only when the request asks for it (`explain: true`): how Cita read the text.",
  });
