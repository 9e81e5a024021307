// The caps of active bookings a new booking must stay under: per contact (MAX_ACTIVE_BOOKINGS_PER_CONTACT)
// and per client key (MAX_ACTIVE_BOOKINGS_PER_KEY), each in one calendar. They are conditions of the
// conditional insert (queries.ts), so concurrent requests cannot pass a cap; after a refused insert, the
// counts tell a booking at a cap from a taken slot.
import type { SqlValue, Statement } from "./statement.js";
import type { BookingResult, NewBooking } from "./store.js";

/** Confirmed bookings of a calendar that hold a contact (without ASCII case) and have not ended. */
const ACTIVE_BY_CONTACT = `SELECT COUNT(*) AS active FROM bookings
  WHERE calendar_id = ? AND contact = ? COLLATE NOCASE AND status = 'confirmed' AND end_ms > ?`;

function activeByContactParams(booking: NewBooking, nowMs: number): SqlValue[] {
  return [booking.calendarId, booking.contact, nowMs];
}

/** Confirmed bookings of a calendar that a key created and that have not ended. */
const ACTIVE_BY_KEY = `SELECT COUNT(*) AS active FROM bookings
  WHERE calendar_id = ? AND created_by_key = ? AND status = 'confirmed' AND end_ms > ?`;

function activeByKeyParams(booking: NewBooking, nowMs: number): SqlValue[] {
  return [booking.calendarId, booking.createdByKey ?? null, nowMs];
}

/** The active bookings of the booking's contact and of its key, each null where no cap applies. */
export interface ActiveCounts {
  contact: number | null;
  byKey: number | null;
}

/**
 * After an insert that changed nothing and replayed no key: the active bookings counted by each cap that
 * applies (null: none does), to tell a contact or a key at its cap from a taken slot.
 */
export function activeCountsStatement(booking: NewBooking): Statement | null {
  const contact = booking.contact !== null && booking.contactLimit !== undefined;
  const byKey = booking.createdByKey !== undefined && booking.keyLimit !== undefined;
  if (!contact && !byKey) return null;
  return {
    sql: `SELECT ${contact ? `(${ACTIVE_BY_CONTACT})` : "NULL"} AS contact,
      ${byKey ? `(${ACTIVE_BY_KEY})` : "NULL"} AS byKey`,
    params: [
      ...(contact ? activeByContactParams(booking, booking.contactLimit?.nowMs ?? 0) : []),
      ...(byKey ? activeByKeyParams(booking, booking.keyLimit?.nowMs ?? 0) : []),
    ],
  };
}

/** The caps' conditions for the insert's WHERE, with their parameters; a cap that does not apply passes. */
export function capConditions(booking: NewBooking): Statement {
  const contact = booking.contact === null ? null : (booking.contactLimit ?? null);
  const byKey = booking.createdByKey === undefined ? null : (booking.keyLimit ?? null);
  return {
    sql: `AND (? IS NULL OR (${ACTIVE_BY_CONTACT}) < ?)
      AND (? IS NULL OR (${ACTIVE_BY_KEY}) < ?)`,
    params: [
      contact?.max ?? null,
      ...activeByContactParams(booking, contact?.nowMs ?? 0),
      contact?.max ?? null,
      byKey?.max ?? null,
      ...activeByKeyParams(booking, byKey?.nowMs ?? 0),
      byKey?.max ?? null,
    ],
  };
}

/** The cap a refused insert met, the contact's first; null when neither was reached (the slot was taken). */
export function capReached(booking: NewBooking, active: ActiveCounts | null): BookingResult | null {
  const atCap = (max: number | undefined, count: number | null | undefined) =>
    max !== undefined && count !== null && count !== undefined && count >= max;
  if (atCap(booking.contactLimit?.max, active?.contact)) return { kind: "contact_limit" };
  if (atCap(booking.keyLimit?.max, active?.byKey)) return { kind: "key_limit" };
  return null;
}
