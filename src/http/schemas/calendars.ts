// Calendars and their availability (shared/spec/api.md, "Calendars and bookings") as zod schemas: they
// validate PUT /v1/calendars/:id and GET …/availability and document both in GET /openapi.json.
import { z } from "zod";
import { DEFAULT_BOOKING_HORIZON_DAYS, WEEKDAY_NAMES } from "../../calendars/types.js";
import { ADMIN_ERRORS, BODY_ERRORS, errorResponses, keyErrors } from "./errors.js";
import { CALENDAR_ID, instantSchema, OFFSET_INSTANT, zoneSchema } from "./fields.js";
import { CALENDAR_ADMIN, CLIENT, json, type PathItems } from "./operation.js";

export const MIN_SLOT_MINUTES = 5;
export const MAX_SLOT_MINUTES = 240;
export const MAX_BUFFER_MINUTES = 240;
/** The longest availability range one request may ask for. */
export const MAX_AVAILABILITY_DAYS = 31;
/** The farthest a calendar's booking horizon may reach: ten years keeps every booking's year at 4 digits. */
export const MAX_BOOKING_HORIZON_DAYS = 3650;

const MINUTES_PER_DAY = 24 * 60;
const LOCAL_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** A real calendar date: 2026-02-30 is refused rather than rolled over into March. */
function isValidDate(value: string): boolean {
  const [year, month, day] = value.split("-").map(Number) as [number, number, number];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const OpeningTimeSchema = z.string().regex(LOCAL_TIME, 'must be a local time "HH:MM" from 00:00 to 23:59');
/** A closing time may also be "24:00", the end of the day. */
const ClosingTimeSchema = z
  .string()
  .regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be a local time "HH:MM" from 00:00 to 24:00');

const LocalDateSchema = z
  .string()
  .regex(LOCAL_DATE, 'must be a local date "YYYY-MM-DD"')
  .refine(isValidDate, "is not a valid date");

const OpeningIntervalSchema = z
  .strictObject({
    from: OpeningTimeSchema.describe("Opening time, local 'HH:MM'."),
    to: ClosingTimeSchema.describe("Closing time, local 'HH:MM' (exclusive); '24:00' is the end of the day."),
  })
  .refine((interval) => interval.from < interval.to, { message: "from must be before to", path: ["from"] })
  .meta({ id: "OpeningInterval" });

const DayHoursSchema = z
  .array(OpeningIntervalSchema)
  .max(24)
  .refine((intervals) => {
    const sorted = [...intervals].sort((a, b) => minutesOf(a.from) - minutesOf(b.from));
    return sorted.every((interval, index) => index === 0 || sorted[index - 1]!.to <= interval.from);
  }, "intervals must not overlap");

const OpeningHoursSchema = z.strictObject(
  Object.fromEntries(WEEKDAY_NAMES.map((day) => [day, DayHoursSchema.optional()])) as Record<
    (typeof WEEKDAY_NAMES)[number],
    z.ZodOptional<typeof DayHoursSchema>
  >,
);

const ClosureSchema = z
  .strictObject({
    from: LocalDateSchema.describe("First closed local date, inclusive."),
    to: LocalDateSchema.describe("Last closed local date, inclusive."),
  })
  .refine((closure) => closure.from <= closure.to, { message: "from must not be after to", path: ["from"] })
  .meta({ id: "Closure" });

const calendarFields = {
  name: z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(200, "must be at most 200 characters")
    .describe("Shown to users, e.g. 'Dr. Pérez'."),
  timezone: zoneSchema("Europe/Madrid").describe(
    "IANA zone of the opening hours and closures, in any letter case; stored in its canonical spelling.",
  ),
  slotMinutes: z
    .number()
    .int()
    .min(MIN_SLOT_MINUTES)
    .max(MAX_SLOT_MINUTES)
    .refine((minutes) => MINUTES_PER_DAY % minutes === 0, "must divide a day (1440 minutes) evenly")
    .describe("Bookings start on this grid, counted from local midnight."),
  bufferMinutes: z
    .number()
    .int()
    .min(0)
    .max(MAX_BUFFER_MINUTES)
    .default(0)
    .describe("Free minutes kept between two bookings."),
  openingHours: OpeningHoursSchema.describe(
    "Opening intervals per weekday (English, lower case); a missing or empty weekday is closed.",
  ),
  closures: z.array(ClosureSchema).max(1000).default([]).describe("Closed local date ranges, inclusive."),
  bookingHorizonDays: z
    .number()
    .int()
    .min(1)
    .max(MAX_BOOKING_HORIZON_DAYS)
    .optional()
    .describe(
      `How many days ahead a booking may start (1 to ${MAX_BOOKING_HORIZON_DAYS}); absent: ` +
        `${DEFAULT_BOOKING_HORIZON_DAYS}. A later start answers 422 beyond_booking_horizon.`,
    ),
};

/** PUT /v1/calendars/:id. An `id`, when sent (a calendar read back and written again), must match the path. */
export const CalendarInputSchema = z
  .strictObject({
    id: z.string().optional().describe("Ignored unless it differs from the path."),
    ...calendarFields,
  })
  .meta({ id: "CalendarInput" });

export const CalendarSchema = z
  .strictObject({
    id: z.string().regex(CALENDAR_ID),
    ...calendarFields,
    bufferMinutes: calendarFields.bufferMinutes.unwrap(),
    closures: z.array(ClosureSchema),
  })
  .meta({ id: "Calendar" });

export const SlotSchema = z
  .strictObject({ start: z.string().regex(OFFSET_INSTANT), end: z.string().regex(OFFSET_INSTANT) })
  .meta({ id: "Slot" });

export const AvailabilityQuerySchema = z.strictObject({
  from: instantSchema("2026-01-23T10:00:00+01:00").describe("Start of the range, ISO-8601 with an offset."),
  to: instantSchema("2026-01-23T10:00:00+01:00").describe(
    `End of the range (exclusive); at most ${MAX_AVAILABILITY_DAYS} days after from.`,
  ),
});

export const AvailabilityResponseSchema = z
  .strictObject({ calendarId: z.string(), slots: z.array(SlotSchema) })
  .meta({ id: "Availability" });

/** The calendar id in a calendar route's path. */
export const CALENDAR_ID_PARAMETER = {
  name: "id",
  in: "path",
  required: true,
  schema: { type: "string", pattern: CALENDAR_ID.source },
};
export const STORE_UNAVAILABLE = { "503": "store_unavailable (the deployment has no calendar store)" };

function instantParameter(name: string, description: string) {
  return { name, in: "query", required: true, description, schema: { type: "string", format: "date-time" } };
}

export const calendarPaths: PathItems = {
  "/v1/calendars/{id}": {
    parameters: [CALENDAR_ID_PARAMETER],
    put: {
      operationId: "putCalendar",
      summary: "Create or replace a calendar",
      description:
        "Creates or replaces a calendar. Needs Authorization: Bearer <ADMIN_TOKEN>, or a client key with " +
        "the calendars scope.",
      security: CALENDAR_ADMIN,
      requestBody: { required: true, content: json("CalendarInput") },
      responses: {
        "200": { description: "The calendar as stored", content: json("Calendar") },
        ...errorResponses({
          ...BODY_ERRORS,
          ...ADMIN_ERRORS,
          ...keyErrors("calendars"),
          ...STORE_UNAVAILABLE,
        }),
      },
    },
    get: {
      operationId: "getCalendar",
      summary: "Read a calendar",
      security: CLIENT,
      responses: {
        "200": { description: "The calendar", content: json("Calendar") },
        ...errorResponses({
          ...keyErrors("any"),
          "400": "invalid_request (malformed id)",
          "404": "not_found",
          ...STORE_UNAVAILABLE,
        }),
      },
    },
  },
  "/v1/calendars/{id}/availability": {
    parameters: [CALENDAR_ID_PARAMETER],
    get: {
      operationId: "getAvailability",
      summary: "List a calendar's free slots",
      security: CLIENT,
      parameters: [
        instantParameter("from", "Start of the range, ISO-8601 with an offset."),
        instantParameter(
          "to",
          `End of the range (exclusive), at most ${MAX_AVAILABILITY_DAYS} days after from.`,
        ),
      ],
      responses: {
        "200": { description: "Free slots of slotMinutes in the range", content: json("Availability") },
        ...errorResponses({
          ...keyErrors("any"),
          "400": `invalid_request (malformed instants, to not after from, over ${MAX_AVAILABILITY_DAYS} days, a query parameter given twice)`,
          "404": "not_found (unknown calendar)",
          ...STORE_UNAVAILABLE,
        }),
      },
    },
  },
};
