// Calendars and bookings: the one place where Cita stores user data; and the client keys kept beside them.
import type { LimitedAction, Scope } from "../http/principal.js";

export const WEEKDAY_NAMES = [
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
] as const;
export type WeekdayName = (typeof WEEKDAY_NAMES)[number];

/** Local wall-clock times "HH:MM" in the calendar's zone; `to` is exclusive. */
export interface OpeningInterval {
  from: string;
  to: string;
}

export interface Calendar {
  id: string;
  name: string;
  /** IANA zone of the opening hours and closures. */
  timezone: string;
  /** Bookings start on this grid, counted from local midnight. */
  slotMinutes: number;
  /** Free time kept between two bookings. */
  bufferMinutes: number;
  /** A weekday missing (or empty) is closed. */
  openingHours: Partial<Record<WeekdayName, OpeningInterval[]>>;
  /** Inclusive local dates "YYYY-MM-DD". */
  closures: { from: string; to: string }[];
  /**
   * How many days ahead a booking may start; absent: DEFAULT_BOOKING_HORIZON_DAYS. Set only when the
   * calendar's settings name it, so calendars written before it read back as they were.
   */
  bookingHorizonDays?: number;
}

/** A booking may start at most this many days ahead unless the calendar says otherwise. */
export const DEFAULT_BOOKING_HORIZON_DAYS = 365;

export type BookingStatus = "confirmed" | "cancelled";

export interface Booking {
  id: string;
  calendarId: string;
  /** ISO-8601 with the offset in force in the calendar's zone. */
  start: string;
  end: string;
  contact: string | null;
  service: string | null;
  notes: string | null;
  status: BookingStatus;
  createdAt: string;
  /**
   * Who cancelled (a key id, "token", "admin" or "anonymous") and when: present only on a booking whose
   * cancellation was recorded, and answered only to key holders and the admin.
   */
  cancelledBy?: string;
  cancelledAt?: string;
}

/** The booking's own fields alone, whatever else the object carries (what the store kept, or a request's). */
export function plainBooking(booking: Booking): Booking {
  return {
    id: booking.id,
    calendarId: booking.calendarId,
    start: booking.start,
    end: booking.end,
    contact: booking.contact,
    service: booking.service,
    notes: booking.notes,
    status: booking.status,
    createdAt: booking.createdAt,
  };
}

/** What the store keeps beside a booking to decide who may read or cancel it; never answered as such. */
export interface StoredBooking extends Booking {
  /** The key that created it; absent when created anonymously or with ADMIN_TOKEN. */
  createdByKey?: string;
  /** Hex SHA-256 of the booking's own token; absent when none was issued. */
  tokenDigest?: string;
}

/** A cancellation as recorded: who (see Booking.cancelledBy) and when (ISO-8601). */
export interface Cancellation {
  by: string;
  at: string;
}

/** A free slot, ISO-8601 with offsets in the calendar's zone. */
export interface Slot {
  start: string;
  end: string;
}

/** A client key as stored (migration 3): never its secret, which is shown once at creation. */
export interface ClientKey {
  /** Public id, "key_…"; safe to log and show. */
  id: string;
  name: string;
  scopes: Scope[];
  /** Requests per minute per action where this key differs from the defaults. */
  ratePerMinute: Partial<Record<LimitedAction, number>>;
  createdAt: string;
  /** When the key was revoked; null while it works. */
  revokedAt: string | null;
}

export interface NewClientKey extends Omit<ClientKey, "revokedAt"> {
  /** Hex SHA-256 of the secret. */
  secretDigest: string;
}
