// POST /v1/appointments/parse: its request and response as zod schemas (shared/spec/api.md), which validate
// requests and document the route in GET /openapi.json, so the two cannot drift apart.
import { z } from "zod";
import { AGENT_NAMES, FIELDS, INTENTS, ISSUES, ROLES, STATUSES } from "../../coordinator/agent.js";
import { exampleTags, languageNames } from "../../locales/index.js";
import { BODY_ERRORS, errorResponses, keyErrors, RATE_LIMITED } from "./errors.js";
import { ExplanationSchema } from "./explanation.js";
import {
  CALENDAR_ID,
  characterCount,
  instantSchema,
  MAX_TEXT_LENGTH,
  OFFSET_INSTANT,
  TextSchema,
  zoneSchema,
} from "./fields.js";
import { isSupportedLocale } from "./locale.js";
import { CLIENT, json, type PathItems } from "./operation.js";

export const PARSE_PATH = "/v1/appointments/parse";

/** The largest parse request body (api.md): a conversation of 20,000 characters fits, escaped. */
export const MAX_PARSE_BODY_BYTES = 64 * 1024;

/** A conversation's bounds (api.md): at most this many messages, and characters over all of them. */
export const MAX_MESSAGES = 50;
export const MAX_CONVERSATION_CHARACTERS = 20_000;

/** A request's texts, one per message of a conversation, else its one text. */
export function requestTexts(request: {
  text?: string | undefined;
  messages?: readonly { content: string }[] | undefined;
}): string[] {
  return request.messages?.map((message) => message.content) ?? [request.text ?? ""];
}

export const MessageSchema = z
  .strictObject({
    role: z.enum(ROLES).describe("Who wrote the message; a `system` role is refused."),
    content: TextSchema.describe(`The message, 1 to ${MAX_TEXT_LENGTH} characters after trimming.`),
  })
  .meta({ id: "Message" });

const MessagesSchema = z
  .array(MessageSchema)
  .min(1, "must hold at least one message")
  .max(MAX_MESSAGES, `must hold at most ${MAX_MESSAGES} messages`)
  .superRefine((messages, issues) => {
    const total = messages.reduce((sum, message) => sum + characterCount(message.content), 0);
    if (total > MAX_CONVERSATION_CHARACTERS) {
      issues.addIssue({
        code: "custom",
        message: `must hold at most ${MAX_CONVERSATION_CHARACTERS} characters in all`,
      });
    }
    if (messages.at(-1)?.role !== "user") {
      issues.addIssue({
        code: "custom",
        path: [messages.length - 1, "role"],
        message: "the last message must be the user's",
      });
    }
  });

/** The request's fields, before the check that exactly one of `text` and `messages` is given. */
export const ParseRequestFields = z.strictObject({
  text: TextSchema.optional().describe(
    "The user's message, 1 to 2000 characters after trimming. Give exactly one of `text` and `messages`.",
  ),
  messages: MessagesSchema.optional().describe(
    `The conversation so far, oldest first, the last message the user's: 1 to ${MAX_MESSAGES} messages, ` +
      `at most ${MAX_CONVERSATION_CHARACTERS} characters in all. Give exactly one of \`text\` and \`messages\`.`,
  ),
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
  explain: z
    .boolean()
    .optional()
    .describe("true: the answer carries an `explanation` of how the text was read (docs/explain.md)."),
});

export const ParseRequestSchema = ParseRequestFields.superRefine((request, issues) => {
  const given = Number(request.text !== undefined) + Number(request.messages !== undefined);
  if (given !== 1) {
    issues.addIssue({
      code: "custom",
      path: ["text"],
      message: given === 0 ? "give `text` or `messages`" : "give either `text` or `messages`, not both",
    });
  }
}).meta({
  id: "ParseRequest",
  // What the refinement checks, for clients generated from the document.
  oneOf: [{ required: ["text"] }, { required: ["messages"] }],
});

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

/** The appointment's local date `YYYY-MM-DD` and 24-hour time `HH:MM`, or null. */
const LOCAL_DATE = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .nullable();
const LOCAL_TIME = z
  .string()
  .regex(/^\d{2}:\d{2}$/)
  .nullable();

/**
 * Titled and inline like Location: null unless the user reschedules or cancels an appointment they name.
 */
export const PreviousSchema = z
  .strictObject({
    date: LOCAL_DATE,
    time: LOCAL_TIME,
    start: z.string().regex(OFFSET_INSTANT).nullable(),
    contact: z.string().nullable(),
    service: z.string().nullable(),
  })
  .meta({ title: "PreviousAppointment" });

const AgentNameSchema = z.enum(AGENT_NAMES);

export const ParseResponseSchema = z
  .strictObject({
    status: z.enum(STATUSES),
    appointment: z.strictObject({
      contact: z.string().nullable(),
      service: z.string().nullable(),
      date: LOCAL_DATE,
      time: LOCAL_TIME,
      start: z.string().regex(OFFSET_INSTANT).nullable(),
      end: z.string().regex(OFFSET_INSTANT).nullable(),
      durationMinutes: z.number().int().positive().nullable(),
      timezone: z.string().describe("The appointment's IANA zone, in its canonical spelling."),
      location: LocationSchema.nullable(),
    }),
    intent: z
      .enum(INTENTS)
      .describe(
        "What the user wants: book, reschedule (appointment is the new slot), cancel (no new slot: date and time are null), availability (a question about free times) or none.",
      ),
    previous: PreviousSchema.nullable().describe(
      "For reschedule and cancel: the existing appointment the user refers to, as far as stated; else null.",
    ),
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
    explanation: ExplanationSchema.optional(),
  })
  .meta({ id: "ParseResponse" });

export type ParseResponse = z.infer<typeof ParseResponseSchema>;

export const parsePaths: PathItems = {
  [PARSE_PATH]: {
    post: {
      operationId: "parseAppointment",
      summary: "Read an appointment request",
      description: `Turns a ${languageNames()} message, or a whole conversation (\`messages\`), into a structured, validated appointment.`,
      security: CLIENT,
      requestBody: { required: true, content: json("ParseRequest") },
      responses: {
        "200": { description: "The structured appointment", content: json("ParseResponse") },
        ...errorResponses({
          ...BODY_ERRORS,
          ...keyErrors("parse"),
          "503": "llm_unavailable (mode llm with no usable provider)",
        }),
        ...RATE_LIMITED,
      },
    },
  },
};
