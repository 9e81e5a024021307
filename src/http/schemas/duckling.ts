// POST /parse, Duckling's HTTP API (shared/spec/api.md): its fields as Duckling's exe/ExampleMain.hs reads
// them, form-encoded (what Duckling's clients send) or JSON, and the entities it answers.
import { z } from "zod";
import { exampleTags, LANGUAGES, LOCALES } from "../../locales/index.js";
import { BODY_ERRORS, errorResponses, keyErrors, RATE_LIMITED } from "./errors.js";
import { SentTextSchema, zoneSchema } from "./fields.js";
import { DUCKLING_LANGUAGE, DUCKLING_LOCALE } from "./locale.js";
import { CLIENT, type PathItems, ref } from "./operation.js";

export const DUCKLING_PATH = "/parse";
export const ANSWERED_DIMS = ["time", "duration"] as const;

// Years 1 to 9999: the range Duckling's four-digit value format can express.
const FIRST_REFERENCE = -62_135_596_800_000;
const LAST_REFERENCE = 253_402_300_799_999;

const DimsSchema = z.array(z.string().max(64)).max(32);

/** Parses a form field's JSON; an unparsable one yields a value the pipe after it refuses. */
function parsedJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

export const DucklingParseRequestSchema = z
  .strictObject({
    text: SentTextSchema.describe("The text to parse, 1 to 2000 characters after trimming."),
    locale: z
      .string()
      .regex(DUCKLING_LOCALE, `must be a locale such as ${exampleTags("_").join(", ")}`)
      .optional()
      .describe(
        `Duckling locale, language first (en_US by default): ${LANGUAGES.flatMap((language) => LOCALES[language].ducklingLocales).join(", ")}... ` +
          "Another language is answered with no entities, as Duckling answers a text it finds nothing in.",
      ),
    lang: z
      .string()
      .regex(DUCKLING_LANGUAGE, `must be a language code such as ${LANGUAGES.join(" or ")}`)
      .optional()
      .describe("Duckling's older language field, read when locale is absent."),
    tz: zoneSchema("Europe/Berlin")
      .optional()
      .describe("IANA zone the values are expressed in, in any letter case; defaults to DEFAULT_TIMEZONE."),
    reftime: z
      .union(
        [
          z.number(),
          z
            .string()
            .regex(/^-?\d{1,16}(?:\.\d{1,9})?$/)
            .transform(Number),
        ],
        "must be epoch milliseconds such as 1360650600000",
      )
      .transform(Math.floor)
      .refine(
        (value) => value >= FIRST_REFERENCE && value <= LAST_REFERENCE,
        "must be epoch milliseconds within the years 1 to 9999",
      )
      .optional()
      .describe("Reference instant in epoch milliseconds, as a number or a string; defaults to now."),
    dims: z
      .union(
        [DimsSchema, z.null(), z.string().transform(parsedJson).pipe(DimsSchema.nullable())],
        'must be a JSON array of dimension names such as ["time", "duration"]',
      )
      .optional()
      .describe(
        "Dimensions wanted, a JSON array (a JSON string in form posts); null or [] means all. " +
          "time and duration are answered; other dimensions yield no entities.",
      ),
    latent: z
      .union(
        [
          z.boolean(),
          z
            .string()
            .regex(/^(true|false)$/i)
            .transform((value) => value.toLowerCase() === "true"),
        ],
        "must be true or false",
      )
      .optional()
      .describe("Also return latent entities (a bare number read as an hour); default false."),
  })
  .meta({ id: "DucklingParseRequest" });

export type DucklingParseRequest = z.infer<typeof DucklingParseRequestSchema>;

const InstantSchema = z.strictObject({
  value: z.string(),
  grain: z.enum(["second", "minute", "hour", "day", "week", "month", "quarter", "year"]),
});

export const DucklingEntitySchema = z
  .strictObject({
    body: z.string(),
    start: z.number().int().describe("Offset of the first character in text, counted in code points."),
    end: z.number().int().describe("Offset past the last character in text, counted in code points."),
    dim: z.enum(ANSWERED_DIMS),
    latent: z.boolean(),
    value: z.union([
      InstantSchema.extend({ type: z.literal("value"), values: z.array(z.looseObject({})) }),
      z.strictObject({
        type: z.literal("interval"),
        from: InstantSchema.optional(),
        to: InstantSchema.optional(),
        values: z.array(z.looseObject({})),
      }),
      z.looseObject({
        value: z.number(),
        unit: InstantSchema.shape.grain,
        normalized: z.strictObject({ value: z.number(), unit: z.literal("second") }),
      }),
    ]),
  })
  .meta({ id: "DucklingEntity" });

/**
 * The most entities one answer lists, the first by position. A chat message names a few times; without a
 * cap, 2000 characters of "1 2 3 " with latent=true answered 1000 entities (226 KB, ≈ 0.2 s of CPU).
 */
export const MAX_DUCKLING_ENTITIES = 50;
/** Set on an answer cut at MAX_DUCKLING_ENTITIES (Duckling's body has no room for it). */
export const TRUNCATED_HEADER = "X-Entities-Truncated";

export const ducklingPaths: PathItems = {
  [DUCKLING_PATH]: {
    post: {
      operationId: "parseDuckling",
      summary: "Find times and durations, as Duckling does",
      description:
        "Duckling's HTTP API: the time and duration entities of a text, in Duckling's shape, so Duckling " +
        "clients (Rasa's DucklingEntityExtractor, nlp.js) can point at this service unchanged. At most " +
        `${MAX_DUCKLING_ENTITIES} entities are listed, the first by position; a longer list is cut there ` +
        `and the answer carries the header ${TRUNCATED_HEADER}: true.`,
      security: CLIENT,
      requestBody: {
        required: true,
        content: {
          "application/x-www-form-urlencoded": { schema: ref("DucklingParseRequest") },
          "application/json": { schema: ref("DucklingParseRequest") },
        },
      },
      responses: {
        "200": {
          description: `The entities found, in Duckling's shape (an empty array when none), at most ${MAX_DUCKLING_ENTITIES}`,
          headers: {
            [TRUNCATED_HEADER]: {
              description: `true when the text held more than ${MAX_DUCKLING_ENTITIES} entities`,
              schema: { type: "string", enum: ["true"] },
            },
          },
          content: { "application/json": { schema: { type: "array", items: ref("DucklingEntity") } } },
        },
        ...errorResponses({
          ...BODY_ERRORS,
          ...keyErrors("parse"),
          "415": "unsupported_media_type (neither form-encoded nor JSON)",
        }),
        ...RATE_LIMITED,
      },
    },
  },
};
