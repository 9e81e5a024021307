// Bookings (shared/spec/api.md, "Calendars and bookings") as zod schemas: they validate POST
// /v1/calendars/:id/bookings and document the booking routes in GET /openapi.json.
import { z } from "zod";
import { CALENDAR_ID_PARAMETER, SlotSchema, STORE_UNAVAILABLE } from "./calendars.js";
import { cleanTextSchema } from "./clean-text.js";
import { BODY_ERRORS, ErrorResponseSchema, errorResponses, keyErrors, RATE_LIMITED } from "./errors.js";
import { instantSchema, OFFSET_INSTANT } from "./fields.js";
import { BOOKING_READER, CLIENT, json, type PathItems } from "./operation.js";

export const MIN_BOOKING_MINUTES = 1;
export const MAX_BOOKING_MINUTES = 480;
/** Idempotency-Key: at most 128 characters that need no quoting in logs or headers. */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:~+/=-]{1,128}$/;
export const BOOKING_ID = /^[A-Za-z0-9-]{1,64}$/;

/** Free text, cleaned as every text field is (clean-text.ts); a single-line field keeps its first line. */
const optionalText = (max: number, meaning: string, options: { singleLine?: boolean } = {}) =>
  cleanTextSchema(options)
    .pipe(z.string().trim().max(max, `must be at most ${max} characters`))
    .nullable()
    .optional()
    .describe(meaning);

export const BookingRequestSchema = z
  .strictObject({
    start: instantSchema("2026-01-23T10:00:00+01:00").describe(
      "Start, ISO-8601 with an offset; must lie on the calendar's slot grid.",
    ),
    durationMinutes: z
      .number()
      .int()
      .min(MIN_BOOKING_MINUTES)
      .max(MAX_BOOKING_MINUTES)
      .describe("Length of the booking, 1 to 480 minutes."),
    contact: optionalText(200, "Who the booking is for; only its first line is kept.", { singleLine: true }),
    service: optionalText(200, "What the booking is for."),
    notes: optionalText(2000, "Free text."),
  })
  .meta({ id: "BookingRequest" });

export type BookingRequest = z.infer<typeof BookingRequestSchema>;

export const BookingSchema = z
  .strictObject({
    id: z.string(),
    calendarId: z.string(),
    start: z.string().regex(OFFSET_INSTANT),
    end: z.string().regex(OFFSET_INSTANT),
    contact: z.string().nullable(),
    service: z.string().nullable(),
    notes: z
      .string()
      .nullable()
      .optional()
      .describe("Answered to key holders and the admin; absent for a reader with the booking's token only."),
    status: z.enum(["confirmed", "cancelled"]),
    createdAt: z.string(),
    cancelledBy: z
      .string()
      .optional()
      .describe(
        'Who cancelled: a key id, "token", "admin" or "anonymous"; to key holders and the admin only.',
      ),
    cancelledAt: z.string().optional().describe("When it was cancelled; beside cancelledBy."),
  })
  .meta({ id: "Booking" });

export const BookingResponseSchema = z
  .strictObject({ booking: BookingSchema })
  .meta({ id: "BookingResponse" });

/** A 201: the booking and, once, its own token (where the deployment is not open; never on a replay). */
export const CreatedBookingSchema = z
  .strictObject({
    booking: BookingSchema,
    bookingToken: z
      .string()
      .optional()
      .describe(
        "The booking's own secret (cita_bt_…), shown this once: sent as Authorization: Bearer, it reads " +
          "(without notes) and cancels this booking. Absent on an open deployment and on a replay.",
      ),
  })
  .meta({ id: "CreatedBooking" });

/** 409 slot_unavailable / outside_hours: the contract's error plus the nearest free slots. */
export const SlotConflictResponseSchema = z
  .strictObject({ error: ErrorResponseSchema.shape.error, alternatives: z.array(SlotSchema) })
  .meta({ id: "SlotConflict" });

const BOOKING_ID_PARAMETER = { name: "bookingId", in: "path", required: true, schema: { type: "string" } };
const bookingAnswer = { "200": { description: "The booking", content: json("BookingResponse") } };
const READER_ERRORS = {
  "401":
    "unauthorized (no credential where keys are required, an unknown or revoked key, or a token of another booking)",
  "404": "not_found (no such booking, or a key that neither created it nor holds calendars)",
};

export const bookingPaths: PathItems = {
  "/v1/calendars/{id}/bookings": {
    parameters: [CALENDAR_ID_PARAMETER],
    post: {
      operationId: "createBooking",
      summary: "Book a slot",
      security: CLIENT,
      parameters: [
        {
          name: "Idempotency-Key",
          in: "header",
          required: false,
          description:
            "A repeat with the same key and the same request within 24 hours returns the first answer (201, " +
            "the booking as first confirmed, even if cancelled since; header Idempotent-Replayed: true) and " +
            "creates nothing; the key reused with another request answers 422 idempotency_key_reused. After " +
            "24 hours the key is forgotten and the request books anew.",
          schema: { type: "string", pattern: IDEMPOTENCY_KEY.source },
        },
      ],
      requestBody: { required: true, content: json("BookingRequest") },
      responses: {
        "201": { description: "The booking, confirmed", content: json("CreatedBooking") },
        "409": {
          description:
            "slot_unavailable (the slot overlaps a booking) or outside_hours (outside opening hours or " +
            "closed), with up to three nearest free slots in alternatives",
          content: json("SlotConflict"),
        },
        ...errorResponses({
          ...BODY_ERRORS,
          ...keyErrors("book"),
          "400":
            "invalid_json or invalid_request (the field named; a start off the slot grid or in the past)",
          "404": "not_found (unknown calendar)",
          "422":
            "idempotency_key_reused (the Idempotency-Key was used for a different request), " +
            "beyond_booking_horizon (the start is later than the calendar's bookingHorizonDays) or " +
            "contact_booking_limit (the contact already holds MAX_ACTIVE_BOOKINGS_PER_CONTACT active bookings) " +
            "or key_booking_limit (the client key already holds MAX_ACTIVE_BOOKINGS_PER_KEY active bookings)",
          ...STORE_UNAVAILABLE,
        }),
        ...RATE_LIMITED,
      },
    },
  },
  "/v1/calendars/{id}/bookings/{bookingId}": {
    parameters: [CALENDAR_ID_PARAMETER, BOOKING_ID_PARAMETER],
    get: {
      operationId: "getBooking",
      summary: "Read a booking",
      description:
        "For the key that created it, a key with calendars, the admin token, or the booking's own token " +
        "(which sees no notes); anybody on an open deployment.",
      security: BOOKING_READER,
      responses: { ...bookingAnswer, ...errorResponses({ ...READER_ERRORS, ...STORE_UNAVAILABLE }) },
    },
    delete: {
      operationId: "cancelBooking",
      summary: "Cancel a booking",
      description:
        "Cancels the booking (status cancelled) and frees its slot, recording who and when (cancelledBy, " +
        "cancelledAt); cancelling again answers the same and keeps the first record. The same readers as GET.",
      security: BOOKING_READER,
      responses: { ...bookingAnswer, ...errorResponses({ ...READER_ERRORS, ...STORE_UNAVAILABLE }) },
    },
  },
};
