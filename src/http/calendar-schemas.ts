// The HTTP contract of calendars and bookings (shared/spec/api.md) as zod schemas: the same schemas
// validate requests and generate their part of GET /openapi.json.
import { z } from "zod";
import { WEEKDAY_NAMES } from "../calendars/types.js";
import { isValidZone } from "../temporal/zone.js";
import { CALENDAR_ID, ErrorResponseSchema, isValidInstant, OFFSET_INSTANT } from "./schemas.js";

export const MIN_SLOT_MINUTES = 5;
export const MAX_SLOT_MINUTES = 240;
export const MAX_BUFFER_MINUTES = 240;
export const MIN_BOOKING_MINUTES = 1;
export const MAX_BOOKING_MINUTES = 480;
/** The longest availability range one request may ask for. */
export const MAX_AVAILABILITY_DAYS = 31;
/** Idempotency-Key: at most 128 characters that need no quoting in logs or headers. */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:~+/=-]{1,128}$/;
export const BOOKING_ID = /^[A-Za-z0-9-]{1,64}$/;

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
  timezone: z
    .string()
    .max(64)
    .refine(isValidZone, "must be an IANA time zone such as Europe/Madrid")
    .describe("IANA zone of the opening hours and closures."),
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
};

/** PUT /v1/calendars/:id. An `id`, when sent (a calendar read back and written again), must match the path. */
export const CalendarInputSchema = z
  .strictObject({
    id: z.string().optional().describe("Ignored unless it differs from the path."),
    ...calendarFields,
  })
  .meta({ id: "CalendarInput" });

export type CalendarInput = z.infer<typeof CalendarInputSchema>;

export const CalendarSchema = z
  .strictObject({
    id: z.string().regex(CALENDAR_ID),
    ...calendarFields,
    bufferMinutes: calendarFields.bufferMinutes.unwrap(),
    closures: z.array(ClosureSchema),
  })
  .meta({ id: "Calendar" });

const InstantSchema = z
  .string()
  .regex(OFFSET_INSTANT, "must be an ISO-8601 instant with an offset, such as 2026-01-23T10:00:00+01:00")
  .refine(isValidInstant, "is not a valid date");

const optionalText = (max: number, meaning: string) =>
  z.string().trim().max(max, `must be at most ${max} characters`).nullable().optional().describe(meaning);

export const BookingRequestSchema = z
  .strictObject({
    start: InstantSchema.describe("Start, ISO-8601 with an offset; must lie on the calendar's slot grid."),
    durationMinutes: z
      .number()
      .int()
      .min(MIN_BOOKING_MINUTES)
      .max(MAX_BOOKING_MINUTES)
      .describe("Length of the booking, 1 to 480 minutes."),
    contact: optionalText(200, "Who the booking is for."),
    service: optionalText(200, "What the booking is for."),
    notes: optionalText(2000, "Free text."),
  })
  .meta({ id: "BookingRequest" });

export type BookingRequest = z.infer<typeof BookingRequestSchema>;

export const SlotSchema = z
  .strictObject({ start: z.string().regex(OFFSET_INSTANT), end: z.string().regex(OFFSET_INSTANT) })
  .meta({ id: "Slot" });

export const BookingSchema = z
  .strictObject({
    id: z.string(),
    calendarId: z.string(),
    start: z.string().regex(OFFSET_INSTANT),
    end: z.string().regex(OFFSET_INSTANT),
    contact: z.string().nullable(),
    service: z.string().nullable(),
    notes: z.string().nullable(),
    status: z.enum(["confirmed", "cancelled"]),
    createdAt: z.string(),
  })
  .meta({ id: "Booking" });

export const BookingResponseSchema = z
  .strictObject({ booking: BookingSchema })
  .meta({ id: "BookingResponse" });

export const AvailabilityResponseSchema = z
  .strictObject({ calendarId: z.string(), slots: z.array(SlotSchema) })
  .meta({ id: "Availability" });

export const AvailabilityQuerySchema = z.strictObject({
  from: InstantSchema.describe("Start of the range, ISO-8601 with an offset."),
  to: InstantSchema.describe(
    `End of the range (exclusive); at most ${MAX_AVAILABILITY_DAYS} days after from.`,
  ),
});

/** 409 slot_unavailable / outside_hours: the contract's error plus the nearest free slots. */
export const SlotConflictResponseSchema = z
  .strictObject({ error: ErrorResponseSchema.shape.error, alternatives: z.array(SlotSchema) })
  .meta({ id: "SlotConflict" });
