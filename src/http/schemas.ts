// The HTTP contract of POST /v1/appointments/parse as zod schemas: requests are validated with them and
// GET /openapi.json is generated from them, so the two cannot drift apart.
import { z } from "zod";
import { daysInMonth } from "../temporal/holidays/civil-date.js";
import { isValidZone } from "../temporal/zone.js";

export const MAX_TEXT_LENGTH = 2000;

/** Characters as users count them: an emoji is one, not two UTF-16 units. */
function characterCount(value: string): number {
  let count = 0;
  for (const _character of value) count++;
  return count;
}

/** At most `max` characters: a text of at most `max` UTF-16 units needs no counting (a character is 1 or 2). */
function withinCharacters(value: string, max: number): boolean {
  return value.length <= max || characterCount(value) <= max;
}
export const MAX_BODY_BYTES = 16 * 1024;
export const CALENDAR_ID = /^[A-Za-z0-9_-]{1,64}$/;
export const SUPPORTED_LANGUAGE = /^(es|en)(-|$)/;

export const OFFSET_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * A real calendar instant of OFFSET_INSTANT's shape: `Date.parse` alone rolls 2026-02-30 over into March,
 * so every field is range-checked, the day against its month.
 */
export function isValidInstant(value: string): boolean {
  if (Number.isNaN(Date.parse(value))) return false;
  // Fields by position (OFFSET_INSTANT fixed them), read as digits: this runs on every request with a `now`.
  const month = twoDigits(value, 5);
  const day = twoDigits(value, 8);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(fourDigits(value), month)) return false;
  const second = value[16] === ":" ? twoDigits(value, 17) : 0;
  if (twoDigits(value, 11) > 23 || twoDigits(value, 14) > 59 || second > 59) return false;
  if (value.endsWith("Z")) return true;
  const offset = value.length - 6;
  return twoDigits(value, offset + 1) <= 23 && twoDigits(value, offset + 4) <= 59;
}

function twoDigits(value: string, at: number): number {
  return (value.charCodeAt(at) - 48) * 10 + value.charCodeAt(at + 1) - 48;
}

function fourDigits(value: string): number {
  return twoDigits(value, 0) * 100 + twoDigits(value, 2);
}

const localeCache = new Map<string, boolean>();

/** Spanish and English tags only: Cita reads no other language (docs/interpretation.md). */
export function isSupportedLocale(tag: string): boolean {
  if (tag.length > 35) return false;
  let supported = localeCache.get(tag);
  if (supported === undefined) {
    try {
      const [canonical] = Intl.getCanonicalLocales(tag);
      supported = canonical !== undefined && SUPPORTED_LANGUAGE.test(canonical);
    } catch {
      supported = false;
    }
    if (localeCache.size >= 1000) localeCache.clear();
    localeCache.set(tag, supported);
  }
  return supported;
}

export const ParseRequestSchema = z
  .strictObject({
    text: z
      .string()
      .refine((value) => value.trim().length >= 1, "must not be empty")
      .refine(
        (value) => withinCharacters(value.trim(), MAX_TEXT_LENGTH),
        `must be at most ${MAX_TEXT_LENGTH} characters`,
      )
      .describe("The user's message, 1 to 2000 characters after trimming."),
    locale: z
      .string()
      .refine(isSupportedLocale, "must be a Spanish or English BCP-47 tag such as es, es-MX, en-GB")
      .optional()
      .describe("Language and numeric-date order; detected from the text when absent."),
    timezone: z
      .string()
      .max(64)
      .refine(isValidZone, "must be an IANA time zone such as America/Mexico_City")
      .optional()
      .describe("The user's IANA zone; defaults to DEFAULT_TIMEZONE."),
    now: z
      .string()
      .regex(OFFSET_INSTANT, "must be an ISO-8601 instant with an offset, such as 2026-01-22T10:30:00-06:00")
      .refine(isValidInstant, "is not a valid date")
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

const FieldSchema = z.enum(["contact", "service", "date", "time", "duration", "location"]);
const IssueSchema = z.enum(["missing", "ambiguous", "past", "nonexistent_time", "outside_hours", "conflict"]);

export const AmbiguitySchema = z
  .strictObject({
    field: FieldSchema,
    issue: IssueSchema,
    message: z.string(),
    options: z.array(z.string()).optional(),
  })
  .meta({ id: "Ambiguity" });

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
  .meta({ id: "Location" });

const AgentNameSchema = z.enum(["parsing", "temporal", "geo", "validation", "availability", "negotiation"]);

export const ParseResponseSchema = z
  .strictObject({
    status: z.enum(["complete", "needs_clarification", "conflict", "invalid"]),
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
      timezone: z.string(),
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

export const ErrorResponseSchema = z
  .strictObject({
    error: z.strictObject({ code: z.string(), message: z.string(), requestId: z.string() }),
  })
  .meta({ id: "Error" });

const share = z.number().min(0).max(1);

export const RouterProviderSchema = z
  .strictObject({
    provider: z.string(),
    model: z.string(),
    state: z.enum(["healthy", "degraded", "down"]),
    breaker: z.enum(["closed", "open", "half-open"]),
    breakerOpenings: z.number().int().min(0),
    pausedUntil: z
      .string()
      .nullable()
      .describe("Paused by 429s until then (Retry-After, or a doubling pause)."),
    weight: z.number().min(0),
    reasons: z.array(z.string()).describe("The thresholds crossed, in the runbooks' words."),
    stats: z.strictObject({
      samples: z.number().int().min(0),
      p50Ms: z.number().nullable(),
      p95Ms: z.number().nullable(),
      timeoutRate: share,
      rateLimitRate: share,
      serverErrorRate: share,
      connectionErrorRate: share,
      invalidJsonRate: share,
      meanConfidence: share.nullable(),
      confidenceSamples: z.number().int().min(0),
    }),
    rateLimit: z.strictObject({ limited: z.boolean(), headroom: share, waiting: z.number().int().min(0) }),
  })
  .meta({ id: "RouterProvider" });

export const RouterStateSchema = z
  .strictObject({
    state: z
      .enum(["healthy", "degraded", "down"])
      .describe("healthy: full sequence; degraded: minimal sequence; down: rules parser."),
    conservation: z.boolean(),
    conservationReason: z.enum(["configured", "admin", "rate_limit", "budget"]).nullable(),
    budget: z
      .strictObject({
        dailyUsd: z.number().nullable(),
        day: z.string(),
        spentUsd: z.number(),
        state: z.enum(["ok", "conservation", "exhausted"]),
      })
      .describe("The daily LLM budget: past its conservation share, conservation mode; past it, rules only."),
    forcedDegraded: z.boolean(),
    preferred: z.string().nullable(),
    hedges: z.strictObject({ calls: z.number().int(), hedges: z.number().int(), budget: share }),
    cache: z.strictObject({
      entries: z.number().int(),
      hits: z.number().int(),
      misses: z.number().int(),
      enabled: z.boolean(),
    }),
    providers: z.array(RouterProviderSchema),
  })
  .meta({ id: "RouterState" });

export const HealthResponseSchema = z
  .object({
    status: z.enum(["ok", "degraded"]),
    version: z.string(),
    modes: z.array(z.string()),
    router: RouterStateSchema.optional().describe("The LLM router, when providers are configured."),
  })
  .meta({ id: "Health" });
