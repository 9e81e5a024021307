// The SQL both calendar stores run, with its parameters and row mapping, so SQLite and D1 differ only in how
// they execute a statement and group statements atomically. Parameters are anonymous `?` in order: D1 takes
// only `?`/`?NNN`, and better-sqlite3 binds an array only to anonymous ones.
import { canonicalZone } from "../temporal/zone.js";
import { type ActiveCounts, capConditions, capReached } from "./booking-caps.js";
import type { Statement } from "./statement.js";
import { type BookingResult, IDEMPOTENCY_KEY_LIFETIME_MS, type NewBooking } from "./store.js";
import {
  type Booking,
  type BookingStatus,
  type Calendar,
  type Cancellation,
  plainBooking,
  type StoredBooking,
} from "./types.js";

export type { SqlValue, Statement } from "./statement.js";

export interface CalendarRow {
  id: string;
  name: string;
  timezone: string;
  slot_minutes: number;
  buffer_minutes: number;
  opening_hours: string;
  closures: string;
  updated_at: string;
  booking_horizon_days: number | null;
}

export interface BookingRow {
  id: string;
  calendar_id: string;
  start_ms: number;
  end_ms: number;
  start: string;
  end: string;
  contact: string | null;
  service: string | null;
  notes: string | null;
  status: BookingStatus;
  created_at: string;
  created_by_key: string | null;
  token_digest: string | null;
  cancelled_by: string | null;
  cancelled_at: string | null;
}

/** A booking row joined to the idempotency key that created it. */
export interface KeyedBookingRow extends BookingRow {
  request_hash: string;
}

const NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
const MINUTE = 60_000;

export function putCalendarStatement(calendar: Calendar): Statement {
  return {
    sql: `INSERT INTO calendars
      (id, name, timezone, slot_minutes, buffer_minutes, opening_hours, closures, booking_horizon_days,
        updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ${NOW})
      ON CONFLICT (id) DO UPDATE SET name = excluded.name, timezone = excluded.timezone,
        slot_minutes = excluded.slot_minutes, buffer_minutes = excluded.buffer_minutes,
        opening_hours = excluded.opening_hours, closures = excluded.closures,
        booking_horizon_days = excluded.booking_horizon_days, updated_at = excluded.updated_at`,
    params: [
      calendar.id,
      calendar.name,
      calendar.timezone,
      calendar.slotMinutes,
      calendar.bufferMinutes,
      JSON.stringify(calendar.openingHours),
      JSON.stringify(calendar.closures),
      calendar.bookingHorizonDays ?? null,
    ],
  };
}

export function getCalendarStatement(id: string): Statement {
  return { sql: "SELECT * FROM calendars WHERE id = ?", params: [id] };
}

export function confirmedBookingsStatement(calendarId: string, fromMs: number, toMs: number): Statement {
  return {
    sql: `SELECT * FROM bookings
      WHERE calendar_id = ? AND status = 'confirmed' AND start_ms < ? AND end_ms > ?
      ORDER BY start_ms, id`,
    params: [calendarId, toMs, fromMs],
  };
}

export function getBookingStatement(calendarId: string, bookingId: string): Statement {
  return { sql: "SELECT * FROM bookings WHERE id = ? AND calendar_id = ?", params: [bookingId, calendarId] };
}

/** SET reads the row as it was, so only the cancel that ends a confirmed booking records who and when. */
export function cancelBookingStatement(
  calendarId: string,
  bookingId: string,
  cancellation: Cancellation | undefined,
): Statement {
  return {
    sql: `UPDATE bookings SET
        cancelled_by = CASE WHEN status = 'confirmed' THEN ? ELSE cancelled_by END,
        cancelled_at = CASE WHEN status = 'confirmed' THEN ? ELSE cancelled_at END,
        status = 'cancelled'
      WHERE id = ? AND calendar_id = ? RETURNING *`,
    params: [cancellation?.by ?? null, cancellation?.at ?? null, bookingId, calendarId],
  };
}

/**
 * The Idempotency-Key as stored: a key's own are prefixed with its id and "|" (a character no
 * Idempotency-Key may hold), so one principal's key never replays or blocks another's; anonymous and
 * ADMIN_TOKEN requests keep the bare key, as before keys existed.
 */
export function storedIdempotencyKey(booking: NewBooking): string | undefined {
  const key = booking.idempotencyKey;
  if (key === undefined || booking.createdByKey === undefined) return key;
  return `${booking.createdByKey}|${key}`;
}

/**
 * The no-double-booking guarantee: one statement that inserts the booking only when no confirmed booking of
 * the calendar comes within the buffer of it (and, with a key, only when the key is still unused). SQLite runs
 * a statement as one write transaction, taking the write lock before it reads, so the check and the insert
 * cannot interleave with another writer. Zero rows changed means conflict (or a used key, or a contact at its
 * cap of active bookings: the same statement counts them, so concurrent requests cannot pass the cap).
 */
export function insertBookingStatement(booking: NewBooking): Statement {
  const buffer = booking.bufferMinutes * MINUTE;
  const caps = capConditions(booking);
  return {
    sql: `INSERT INTO bookings
      (id, calendar_id, start_ms, end_ms, start, "end", contact, service, notes, status, created_at,
        created_by_key, token_digest)
      SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, 'confirmed', ?, ?, ?
      WHERE NOT EXISTS (
        SELECT 1 FROM bookings
        WHERE calendar_id = ? AND status = 'confirmed' AND start_ms < ? AND end_ms > ?
      )
      AND NOT EXISTS (SELECT 1 FROM idempotency_keys WHERE calendar_id = ? AND key = ?)
      ${caps.sql}`,
    params: [
      booking.id,
      booking.calendarId,
      booking.startMs,
      booking.endMs,
      booking.start,
      booking.end,
      booking.contact,
      booking.service,
      booking.notes,
      booking.createdAt,
      booking.createdByKey ?? null,
      booking.tokenDigest ?? null,
      booking.calendarId,
      booking.endMs + buffer,
      booking.startMs - buffer,
      booking.calendarId,
      // NULL never equals anything, so without a key this guard always passes.
      storedIdempotencyKey(booking) ?? null,
      ...caps.params,
    ],
  };
}

/**
 * Records the key only when the insert before it created this booking (booking ids are fresh per request,
 * so the row exists only if that insert ran). Must run in the same transaction or batch as that insert.
 */
export function recordKeyStatement(booking: NewBooking, key: string): Statement {
  return {
    sql: `INSERT INTO idempotency_keys (calendar_id, key, request_hash, booking_id, created_at)
      SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM bookings WHERE id = ? AND calendar_id = ?)`,
    params: [
      booking.calendarId,
      key,
      booking.requestHash ?? "",
      booking.id,
      booking.createdAt,
      booking.id,
      booking.calendarId,
    ],
  };
}

/**
 * Forgets the calendar's keys older than IDEMPOTENCY_KEY_LIFETIME_MS at the booking's creation time, so an
 * expired key books anew and no key is kept for ever. Runs first in the transaction or batch of a keyed
 * insert. The dates are compared as instants (julianday), whatever offset spelling they were stored with.
 */
export function forgetExpiredKeysStatement(booking: NewBooking): Statement {
  const expiry = new Date(Date.parse(booking.createdAt) - IDEMPOTENCY_KEY_LIFETIME_MS).toISOString();
  return {
    sql: "DELETE FROM idempotency_keys WHERE calendar_id = ? AND julianday(created_at) <= julianday(?)",
    params: [booking.calendarId, expiry],
  };
}

export function keyedBookingStatement(calendarId: string, key: string): Statement {
  return {
    sql: `SELECT bookings.*, idempotency_keys.request_hash AS request_hash
      FROM idempotency_keys JOIN bookings ON bookings.id = idempotency_keys.booking_id
      WHERE idempotency_keys.calendar_id = ? AND idempotency_keys.key = ?`,
    params: [calendarId, key],
  };
}

/**
 * What a createBooking came to, from whether the insert changed a row, the key's row read after it, and
 * (when it changed nothing) the active bookings each cap counts.
 */
export function bookingOutcome(
  booking: NewBooking,
  inserted: boolean,
  keyed: KeyedBookingRow | null,
  active: ActiveCounts | null = null,
): BookingResult {
  if (inserted) return { kind: "created", booking: newBookingRecord(booking) };
  if (keyed === null) return capReached(booking, active) ?? { kind: "conflict" };
  if (keyed.request_hash !== (booking.requestHash ?? "")) return { kind: "key_reused" };
  // The first answer, even after a cancel: a key is recorded only with the booking it created, confirmed.
  return { kind: "replayed", booking: { ...bookingFromRow(keyed), status: "confirmed" } };
}

export function calendarFromRow(row: CalendarRow): Calendar {
  return {
    id: row.id,
    name: row.name,
    // A calendar stored before zone names were given one spelling may hold another: luxon and Intl must
    // not see it (src/temporal/zone.ts).
    timezone: canonicalZone(row.timezone) ?? row.timezone,
    slotMinutes: row.slot_minutes,
    bufferMinutes: row.buffer_minutes,
    openingHours: JSON.parse(row.opening_hours) as Calendar["openingHours"],
    closures: JSON.parse(row.closures) as Calendar["closures"],
    ...(row.booking_horizon_days === null ? {} : { bookingHorizonDays: row.booking_horizon_days }),
  };
}

export function bookingFromRow(row: BookingRow): Booking {
  return {
    id: row.id,
    calendarId: row.calendar_id,
    start: row.start,
    end: row.end,
    contact: row.contact,
    service: row.service,
    notes: row.notes,
    status: row.status,
    createdAt: row.created_at,
  };
}

/** The booking, with who created and who cancelled it where the row says (absent where it holds NULL). */
export function storedBookingFromRow(row: BookingRow): StoredBooking {
  return {
    ...bookingFromRow(row),
    ...(row.cancelled_by === null ? {} : { cancelledBy: row.cancelled_by }),
    ...(row.cancelled_at === null ? {} : { cancelledAt: row.cancelled_at }),
    ...(row.created_by_key === null ? {} : { createdByKey: row.created_by_key }),
    ...(row.token_digest === null ? {} : { tokenDigest: row.token_digest }),
  };
}

function newBookingRecord(booking: NewBooking): Booking {
  return plainBooking({ ...booking, status: "confirmed" });
}
