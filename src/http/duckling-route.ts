// POST /parse, Duckling's HTTP API (shared/spec/api.md), so Duckling clients such as Rasa's
// DucklingEntityExtractor can point at Cita unchanged. Fields as Duckling's exe/ExampleMain.hs reads them,
// form-encoded (what those clients send) or JSON; the answer is parseDuckling's entities as they are.
import type { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app.js";
import type { Config } from "../config.js";
import { parseDuckling } from "../temporal/duckling/engine.js";
import { isValidZone } from "../temporal/zone.js";
import { ApiError, errorResponse } from "./errors.js";
import { MAX_BODY_BYTES, ParseRequestSchema } from "./schemas.js";
import { JSON_CONTENT_TYPE, readBodyText, readJsonBody, validate } from "./validation.js";

export const DUCKLING_PATH = "/parse";
export const FORM_CONTENT_TYPE = /^application\/x-www-form-urlencoded\s*(;|$)/i;
/** Duckling's locale (`en_US`); a hyphen (`es-MX`) is read too. Cita reads Spanish and English only. */
export const DUCKLING_LOCALE = /^(en|es)(?:[_-]([a-z]{2}|\d{3}))?$/i;
export const ANSWERED_DIMS = ["time", "duration"] as const;
type DucklingDim = (typeof ANSWERED_DIMS)[number];

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
    text: ParseRequestSchema.shape.text.describe("The text to parse, 1 to 2000 characters after trimming."),
    locale: z
      .string()
      .regex(DUCKLING_LOCALE, "must be en or es, optionally with a region, such as en_US, es_ES or es_MX")
      .optional()
      .describe("Duckling locale, language first: en_US (default), en_GB, es_ES, es_MX, en, es..."),
    lang: z
      .string()
      .regex(/^(en|es)$/i, "must be en or es")
      .optional()
      .describe("Duckling's older language field, read when locale is absent."),
    tz: z
      .string()
      .max(64)
      .refine(isValidZone, "must be an IANA time zone such as Europe/Berlin")
      .optional()
      .describe("IANA zone the values are expressed in; defaults to DEFAULT_TIMEZONE."),
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
    start: z.number().int(),
    end: z.number().int(),
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

export interface DucklingRouteOptions {
  config: Config;
  clock?: () => number;
}

export function registerDucklingRoute(app: Hono<AppEnv>, options: DucklingRouteOptions): void {
  const clock = options.clock ?? Date.now;
  app.post(DUCKLING_PATH, async (context) => {
    const request = validate(DucklingParseRequestSchema, await readFields(context.req.raw));
    const dims = answeredDims(request.dims);
    if (dims.length === 0) return context.json([]);
    const entities = parseDuckling(request.text, {
      locale: ducklingLocale(request),
      zone: request.tz ?? options.config.defaultTimezone,
      reference: request.reftime ?? clock(),
      dims,
      latent: request.latent ?? false,
    });
    // With a status, Hono's json() takes a type with an `unknown` in it (DurationValue's unit key).
    return context.json(entities, 200);
  });
  app.all(DUCKLING_PATH, (context) => {
    context.header("Allow", "POST");
    return errorResponse(context, new ApiError("method_not_allowed", "Use POST."));
  });
}

/** The body as an object of fields: JSON as sent, a form as its fields (each at most once). */
async function readFields(request: Request): Promise<unknown> {
  const contentType = request.headers.get("content-type") ?? "";
  if (JSON_CONTENT_TYPE.test(contentType)) return readJsonBody(request, MAX_BODY_BYTES);
  const body = await readBodyText(request, MAX_BODY_BYTES);
  if (!FORM_CONTENT_TYPE.test(contentType)) {
    throw new ApiError(
      "unsupported_media_type",
      "Send the body as application/x-www-form-urlencoded or application/json.",
    );
  }
  const fields: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(body)) {
    if (Object.hasOwn(fields, name)) throw new ApiError("invalid_request", `Field given twice: ${name}.`);
    fields[name] = value;
  }
  return fields;
}

/** Like Duckling, no list (null) or an empty one means every dimension; unknown names are dropped. */
function answeredDims(requested: readonly string[] | null | undefined): readonly DucklingDim[] {
  if (requested === undefined || requested === null || requested.length === 0) return ANSWERED_DIMS;
  return ANSWERED_DIMS.filter((dim) => requested.includes(dim));
}

/** `es_mx`, `es-MX` → `es_MX`; Duckling's `lang` when no locale is given; en_US by default. */
function ducklingLocale(request: DucklingParseRequest): string {
  if (request.locale === undefined) return request.lang === undefined ? "en_US" : request.lang.toLowerCase();
  const [, language, region] = DUCKLING_LOCALE.exec(request.locale)!;
  return region === undefined
    ? language!.toLowerCase()
    : `${language!.toLowerCase()}_${region.toUpperCase()}`;
}
