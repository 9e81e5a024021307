// Bookings over HTTP (shared/spec/api.md, "Calendars and bookings"). The store is the only authority on
// overlaps: it inserts a booking with one conditional statement, so 50 concurrent requests for one slot
// give one booking. This module checks only what needs no database (grid, opening hours, closures). Who may
// book is the access rules' (src/http/access-rules.ts); who may read or cancel, booking-access.ts's.
import { type Context, Hono } from "hono";
import { checkSlot, nearestFreeSlots } from "../../calendars/availability.js";
import type { BookingResult, CalendarStore } from "../../calendars/store.js";
import {
  type Calendar,
  DEFAULT_BOOKING_HORIZON_DAYS,
  type Slot,
  type StoredBooking,
} from "../../calendars/types.js";
import { formatAtOffset, zoneFor } from "../../temporal/zone.js";
import type { Access } from "../access.js";
import type { AppEnv } from "../env.js";
import { ApiError, type ErrorCode, methodNotAllowed } from "../errors.js";
import {
  BOOKING_ID,
  type BookingRequest,
  BookingRequestSchema,
  IDEMPOTENCY_KEY,
} from "../schemas/bookings.js";
import { hexDigest, newBookingToken } from "../secrets.js";
import { principalOf } from "../subject.js";
import { readJsonBody, validate } from "../validation.js";
import { bookingCredential, existingBooking, readerOf, visibleBooking } from "./booking-access.js";
import { calendarIdOf, calendarOf, storeOf } from "./calendar-access.js";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const ALTERNATIVES = 3;
/** Days after the requested one searched for alternatives. */
const ALTERNATIVES_HORIZON_DAYS = 14;

export const BOOKINGS_PATH = "/v1/calendars/:id/bookings";
export const BOOKING_PATH = "/v1/calendars/:id/bookings/:bookingId";

export interface BookingRouteOptions {
  /** Without a store every booking route answers 503 store_unavailable. */
  store: CalendarStore | undefined;
  /** Who may read or cancel a booking, and whether the deployment is open (then no booking token is issued). */
  access: Access;
  clock?: () => number;
  /** Confirmed bookings not yet ended that one contact may hold in a calendar; 0 or absent: no cap. */
  maxActiveBookingsPerContact?: number;
  /** The same, per client key that created them; 0 or absent: no cap. */
  maxActiveBookingsPerKey?: number;
}

export function bookingRoutes(options: BookingRouteOptions): Hono<AppEnv> {
  const now = options.clock ?? Date.now;
  const store = storeOf(options.store);
  const maxPerContact = options.maxActiveBookingsPerContact ?? 0;
  const maxPerKey = options.maxActiveBookingsPerKey ?? 0;
  const { access } = options;
  const routes = new Hono<AppEnv>();

  routes.post(BOOKINGS_PATH, async (context) => {
    const calendars = store();
    const calendarId = calendarIdOf(context);
    const idempotencyKey = idempotencyKeyOf(context.req.header("idempotency-key"));
    const request = validate(BookingRequestSchema, await readJsonBody(context.req.raw));
    const calendar = await calendarOf(calendars, calendarId);
    const startMs = Date.parse(request.start);
    const endMs = startMs + request.durationMinutes * MINUTE;
    const nowMs = now();
    // As for parsed appointments, a start at exactly now is not in the future.
    if (startMs <= nowMs) throw new ApiError("invalid_request", "start: must be in the future.");
    const horizonDays = calendar.bookingHorizonDays ?? DEFAULT_BOOKING_HORIZON_DAYS;
    if (startMs > nowMs + horizonDays * DAY) {
      throw new ApiError(
        "beyond_booking_horizon",
        `start: must be at most ${horizonDays} days ahead (the calendar's bookingHorizonDays).`,
      );
    }
    // Overlaps are left to the store; this check sees no bookings, so it answers only for the calendar's rules.
    const check = checkSlot(calendar, [], startMs, endMs);
    if (check === "off_grid") {
      throw new ApiError(
        "invalid_request",
        `start: must lie on the calendar's ${calendar.slotMinutes}-minute grid counted from local midnight.`,
      );
    }
    const alternatives = () =>
      nearestAlternatives(calendars, calendar, startMs, request.durationMinutes, nowMs);
    if (check === "closed" || check === "outside_hours") {
      const message =
        check === "closed"
          ? "The calendar is closed on that day."
          : "The booking does not fit inside the calendar's opening hours.";
      return slotConflict(context, "outside_hours", message, await alternatives());
    }
    const zone = inCalendarZone(calendar);
    const principal = principalOf(context);
    const keyId = principal.kind === "key" ? principal.keyId : undefined;
    // An open deployment lets anybody read any booking, so a token would open nothing more.
    const token = (await access.isOpen()) ? null : newBookingToken();
    const result: BookingResult = await calendars.createBooking({
      id: crypto.randomUUID(),
      calendarId,
      startMs,
      endMs,
      start: zone(startMs),
      end: zone(endMs),
      bufferMinutes: calendar.bufferMinutes,
      contact: request.contact ?? null,
      service: request.service ?? null,
      notes: request.notes ?? null,
      createdAt: formatAtOffset(nowMs, 0),
      ...(maxPerContact > 0 ? { contactLimit: { max: maxPerContact, nowMs } } : {}),
      ...(keyId === undefined ? {} : { createdByKey: keyId }),
      ...(keyId !== undefined && maxPerKey > 0 ? { keyLimit: { max: maxPerKey, nowMs } } : {}),
      ...(token === null ? {} : { tokenDigest: await hexDigest(token) }),
      ...(idempotencyKey === undefined
        ? {}
        : { idempotencyKey, requestHash: await requestHash(calendarId, startMs, request) }),
    });
    switch (result.kind) {
      case "created":
        return context.json(
          { booking: result.booking, ...(token === null ? {} : { bookingToken: token }) },
          201,
        );
      case "replayed":
        // Only the token's digest is kept, so a replay cannot show it again: the first answer holds it.
        context.header("Idempotent-Replayed", "true");
        return context.json({ booking: result.booking }, 201);
      case "conflict":
        return slotConflict(context, "slot_unavailable", "The slot is already booked.", await alternatives());
      case "contact_limit":
        throw new ApiError(
          "contact_booking_limit",
          `contact: already holds ${maxPerContact} active bookings in this calendar; cancel one first.`,
        );
      case "key_limit":
        throw new ApiError(
          "key_booking_limit",
          `This client key already holds ${maxPerKey} active bookings in this calendar; cancel one first.`,
        );
      case "key_reused":
        throw new ApiError(
          "idempotency_key_reused",
          "Idempotency-Key: this key was already used for a different booking request.",
        );
    }
  });

  routes.get(BOOKING_PATH, async (context) => {
    const credential = await bookingCredential(access, context);
    const booking = existingBooking(
      credential,
      await store().getBooking(calendarIdOf(context), bookingIdOf(context)),
    );
    return context.json({ booking: visibleBooking(booking, readerOf(credential, booking).view) });
  });

  routes.delete(BOOKING_PATH, async (context) => {
    const credential = await bookingCredential(access, context);
    const calendarId = calendarIdOf(context);
    const bookingId = bookingIdOf(context);
    const reader = readerOf(
      credential,
      existingBooking(credential, await store().getBooking(calendarId, bookingId)),
    );
    const cancellation = { by: reader.by, at: formatAtOffset(now(), 0) };
    const cancelled = await store().cancelBooking(calendarId, bookingId, cancellation);
    return context.json({ booking: visibleBooking(found(cancelled), reader.view) });
  });

  routes.all(BOOKINGS_PATH, methodNotAllowed("POST"));
  routes.all(BOOKING_PATH, methodNotAllowed("GET, DELETE"));
  return routes;
}

/** A booking id that cannot exist is simply not found. */
function bookingIdOf(context: Context): string {
  const id = context.req.param("bookingId") ?? "";
  if (!BOOKING_ID.test(id)) throw new ApiError("not_found", "No such booking.");
  return id;
}

function idempotencyKeyOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(header)) {
    throw new ApiError(
      "invalid_request",
      "Idempotency-Key: must be 1 to 128 letters, digits or any of . _ : ~ + / = -.",
    );
  }
  return header;
}

function found(booking: StoredBooking | null): StoredBooking {
  if (booking === null) throw new ApiError("not_found", "No such booking.");
  return booking;
}

/** ISO-8601 with the offset in force in the calendar's zone, written as the availability slots are. */
function inCalendarZone(calendar: Calendar): (ms: number) => string {
  const zone = zoneFor(calendar.timezone);
  return (ms) => formatAtOffset(ms, zone.offset(ms));
}

async function nearestAlternatives(
  store: CalendarStore,
  calendar: Calendar,
  startMs: number,
  durationMinutes: number,
  nowMs: number,
): Promise<Slot[]> {
  const bookings = await store.confirmedBookings(
    calendar.id,
    startMs - DAY,
    startMs + (ALTERNATIVES_HORIZON_DAYS + 2) * DAY,
  );
  return nearestFreeSlots(calendar, bookings, startMs, durationMinutes, {
    count: ALTERNATIVES,
    sameDayFirst: true,
    horizonDays: ALTERNATIVES_HORIZON_DAYS,
    notBeforeMs: nowMs,
  });
}

/** 409 in the contract's error shape, plus the nearest free slots to offer instead. */
function slotConflict(context: Context, code: ErrorCode, message: string, alternatives: Slot[]): Response {
  const requestId = (context.get("requestId") as string | undefined) ?? "";
  return context.json({ error: { code, message, requestId }, alternatives }, 409);
}

/**
 * What makes two booking requests "the same" for an Idempotency-Key: the calendar, the instant (however its
 * offset was written) and the fields, not the body's spelling or key order.
 */
async function requestHash(calendarId: string, startMs: number, request: BookingRequest): Promise<string> {
  const canonical = JSON.stringify([
    calendarId,
    startMs,
    request.durationMinutes,
    request.contact ?? null,
    request.service ?? null,
    request.notes ?? null,
  ]);
  return hexDigest(canonical);
}
