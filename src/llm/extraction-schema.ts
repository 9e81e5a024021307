// The structured answer the Parsing agent asks a model for, as a zod schema (what we accept) and as a
// JSON Schema (what the providers pass to their JSON or tool mode). The model extracts language-level
// facts only; dates and times stay raw phrases that the rules engine resolves deterministically, and
// confidence is never asked for: the service computes it.
import { z } from "zod";
import { INTENTS } from "../coordinator/agent.js";
import { LANGUAGES } from "../locales/index.js";

/** The appointment a reschedule or a cancel refers to, as the user names it: phrases and names copied. */
export const PreviousExtractionSchema = z.strictObject({
  dateText: z.string().nullable(),
  timeText: z.string().nullable(),
  contact: z.string().nullable(),
  service: z.string().nullable(),
});

/**
 * `intent` and `previous` are optional here although the JSON Schema requires them: an answer in the
 * schema's first shape (a fine-tuned model trained on it) still reads, its intent derived from
 * `isAppointmentRequest` (agents/parsing/cross-check.ts).
 */
export const ExtractionSchema = z.strictObject({
  isAppointmentRequest: z.boolean(),
  intent: z.enum(INTENTS).optional(),
  language: z.enum(LANGUAGES),
  contact: z.string().nullable(),
  service: z.string().nullable(),
  location: z.string().nullable(),
  durationMinutes: z.number().int().min(1).max(480).nullable(),
  dateText: z.string().nullable(),
  timeText: z.string().nullable(),
  previous: PreviousExtractionSchema.nullable().optional(),
});

export type Extraction = z.infer<typeof ExtractionSchema>;
export type PreviousExtraction = z.infer<typeof PreviousExtractionSchema>;

export const EXTRACTION_FIELDS = [
  "isAppointmentRequest",
  "intent",
  "language",
  "contact",
  "service",
  "location",
  "durationMinutes",
  "dateText",
  "timeText",
  "previous",
] as const satisfies readonly (keyof Extraction)[];

export const PREVIOUS_FIELDS = [
  "dateText",
  "timeText",
  "contact",
  "service",
] as const satisfies readonly (keyof PreviousExtraction)[];

const nullableString = (description: string) => ({ type: ["string", "null"], description });

/** `anyOf` with null rather than a type array: the nullable-object form strict modes document. */
const previousJsonSchema = {
  description:
    "For reschedule and cancel: the existing appointment as the user names it; null for other intents.",
  anyOf: [
    {
      type: "object",
      additionalProperties: false,
      required: [...PREVIOUS_FIELDS],
      properties: {
        dateText: nullableString("The day of the existing appointment, exactly as written."),
        timeText: nullableString("The time of the existing appointment, exactly as written."),
        contact: nullableString("The person the existing appointment is with, as written."),
        service: nullableString("What the existing appointment is for."),
      },
    },
    { type: "null" },
  ],
};

/**
 * Written out rather than generated so it stays inside the subset every provider's strict mode accepts
 * (OpenAI strict structured outputs: every key required, `additionalProperties: false`, nullable by type).
 */
export const extractionJsonSchema: Record<string, unknown> = {
  type: "object",
  additionalProperties: false,
  required: [...EXTRACTION_FIELDS],
  properties: {
    isAppointmentRequest: {
      type: "boolean",
      description: "Whether the text is about an appointment (intent other than none).",
    },
    intent: {
      type: "string",
      enum: [...INTENTS],
      description: "What the user wants: a new appointment, to move or cancel one, free times, or none.",
    },
    language: { type: "string", enum: [...LANGUAGES], description: "The language of the text." },
    contact: nullableString("The person the appointment is with, as written, with any title."),
    service: nullableString("What the appointment is for (a role without a name is a service)."),
    location: nullableString("The place, without its preposition or leading article."),
    durationMinutes: {
      type: ["integer", "null"],
      minimum: 1,
      maximum: 480,
      description: "The length the user stated, in minutes; null when none is stated.",
    },
    dateText: nullableString("The date phrase exactly as it appears in the text."),
    timeText: nullableString("The time phrase exactly as it appears in the text."),
    previous: previousJsonSchema,
  },
};

/** Bump on any change to the schema: it is part of the answer cache's key. */
export const EXTRACTION_SCHEMA_VERSION = "extraction-v2";

/** The `schema` of a CompletionRequest: name and description for tool or JSON-schema modes. */
export const extractionOutput = {
  name: "appointment_extraction",
  description: "Fields of an appointment request, read from the user's text or conversation.",
  jsonSchema: extractionJsonSchema,
} as const;
