// POST /v1/appointments/parse: its request and response as zod schemas (shared/spec/api.md), which validate
// requests and document the route in GET /openapi.json, so the two cannot drift apart.
import { z } from "zod";
import { AGENT_NAMES, FIELDS, ISSUES, STATUSES } from "../../coordinator/agent.js";
import { exampleTags, languageNames } from "../../locales/index.js";
import { BODY_ERRORS, errorResponses } from "./errors.js";
import { CALENDAR_ID, instantSchema, OFFSET_INSTANT, TextSchema, zoneSchema } from "./fields.js";
import { isSupportedLocale } from "./locale.js";
import { json, type PathItems, PUBLIC } from "./operation.js";

export const PARSE_PATH = "/v1/appointments/parse";

export const ParseRequestSchema = z
  .strictObject({
    text: TextSchema.describe("The user's message, 1 to 2000 characters after trimming."),
    locale: z
      .string()
      .refine(
        isSupportedLocale,
        `must be a ${languageNames()} BCP-47 tag such as ${exampleTags("-").join(", ")}`,
      )
      .optional()
      .describe("Language and numeric-date order; detected from the text when absent."),
    timezone: zoneSchema("America/Mexico_City")
      .optional()
      .describe("The user's IANA zone, in any letter case; defaults to DEFAULT_TIMEZONE."),
    now: instantSchema("2026-01-22T10:30:00-06:00")
      .optional()
      .describe("Reference instant for relative expressions; defaults to the current time."),
    calendarId: z
      .string()
      .regex(CALENDAR_ID, "must be 1 to 64 letters, digits, '-' or '_'")
      .optional()
      .describe("Check availability in this calendar and propose alternatives."),
    mode: z.enum(["auto", "rules", "llm"]).optional().describe("auto (default), rules or llm."),
  })
  .meta({ id: "ParseRequest" });

export type ParseRequest = z.infer<typeof ParseRequestSchema>;

const FieldSchema = z.enum(FIELDS);
const IssueSchema = z.enum(ISSUES);

export const AmbiguitySchema = z
  .strictObject({
    field: FieldSchema,
    issue: IssueSchema,
    message: z.string(),
    options: z.array(z.string()).optional(),
  })
  .meta({ id: "Ambiguity" });

/**
 * Titled, not registered under an id: `location` is null when no place is named, and OpenAPI 3.0 can make
 * a schema nullable only beside its `type` (a `$ref` wrapped in `allOf` stays non-null to strict clients).
 */
export const LocationSchema = z
  .strictObject({
    text: z.string(),
    name: z.string().optional(),
    city: z.string().optional(),
    country: z.string().optional(),
    timezone: z.string().optional(),
    lat: z.number().optional(),
    lon: z.number().optional(),
  })
  .meta({ title: "Location" });

const AgentNameSchema = z.enum(AGENT_NAMES);

export const ParseResponseSchema = z
  .strictObject({
    status: z.enum(STATUSES),
    appointment: z.strictObject({
      contact: z.string().nullable(),
      service: z.string().nullable(),
      date: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .nullable(),
      time: z
        .string()
        .regex(/^\d{2}:\d{2}$/)
        .nullable(),
      start: z.string().regex(OFFSET_INSTANT).nullable(),
      end: z.string().regex(OFFSET_INSTANT).nullable(),
      durationMinutes: z.number().int().positive().nullable(),
      timezone: z.string().describe("The appointment's IANA zone, in its canonical spelling."),
      location: LocationSchema.nullable(),
    }),
    confidence: z.number().min(0).max(1),
    ambiguities: z.array(AmbiguitySchema),
    alternatives: z.array(z.strictObject({ start: z.string(), end: z.string() })),
    meta: z.strictObject({
      requestId: z.string(),
      mode: z.enum(["rules", "llm"]),
      degraded: z.boolean(),
      provider: z.string().nullable(),
      model: z.string().nullable(),
      agents: z.array(AgentNameSchema),
      timingsMs: z.partialRecord(AgentNameSchema, z.number()),
      cache: z.enum(["hit", "miss", "bypass"]),
    }),
  })
  .meta({ id: "ParseResponse" });

export type ParseResponse = z.infer<typeof ParseResponseSchema>;

export const parsePaths: PathItems = {
  [PARSE_PATH]: {
    post: {
      operationId: "parseAppointment",
      summary: "Read an appointment request",
      description: `Turns a ${languageNames()} message into a structured, validated appointment.`,
      security: PUBLIC,
      requestBody: { required: true, content: json("ParseRequest") },
      responses: {
        "200": { description: "The structured appointment", content: json("ParseResponse") },
        ...errorResponses({
          ...BODY_ERRORS,
          "503": "llm_unavailable (mode llm with no usable provider)",
        }),
      },
    },
  },
};
