// The structured answer the Parsing agent asks a model for, as a zod schema (what we accept) and as a
// JSON Schema (what the providers pass to their JSON or tool mode). The model extracts language-level
// facts only; dates and times stay raw phrases that the rules engine resolves deterministically, and
// confidence is never asked for: the service computes it.
import { z } from "zod";
import { LANGUAGES } from "../locales/index.js";

export const ExtractionSchema = z.strictObject({
  isAppointmentRequest: z.boolean(),
  language: z.enum(LANGUAGES),
  contact: z.string().nullable(),
  service: z.string().nullable(),
  location: z.string().nullable(),
  durationMinutes: z.number().int().min(1).max(480).nullable(),
  dateText: z.string().nullable(),
  timeText: z.string().nullable(),
});

export type Extraction = z.infer<typeof ExtractionSchema>;

export const EXTRACTION_FIELDS = [
  "isAppointmentRequest",
  "language",
  "contact",
  "service",
  "location",
  "durationMinutes",
  "dateText",
  "timeText",
] as const satisfies readonly (keyof Extraction)[];

const nullableString = (description: string) => ({ type: ["string", "null"], description });

/**
 * Written out rather than generated so it stays inside the subset every provider's strict mode accepts
 * (OpenAI strict structured outputs: every key required, `additionalProperties: false`, nullable by type).
 */
export const extractionJsonSchema: Record<string, unknown> = {
  type: "object",
  additionalProperties: false,
  required: [...EXTRACTION_FIELDS],
  properties: {
    isAppointmentRequest: { type: "boolean", description: "Whether the text asks for an appointment." },
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
  },
};

/** Bump on any change to the schema: it is part of the answer cache's key. */
export const EXTRACTION_SCHEMA_VERSION = "extraction-v1";

/** The `schema` of a CompletionRequest: name and description for tool or JSON-schema modes. */
export const extractionOutput = {
  name: "appointment_extraction",
  description: "Fields of an appointment request, read from the user's text.",
  jsonSchema: extractionJsonSchema,
} as const;
