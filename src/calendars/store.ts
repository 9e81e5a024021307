// The calendar store: one interface, one schema and one set of migrations, three implementations (SQLite
// on Node, D1 on Workers, PostgreSQL on Node at DATABASE_URL), one contract suite for all. Bookings never double-book: the store inserts
// with a database-level guarantee (a single conditional INSERT), never check-then-insert.
import type { Logger } from "../http/logger.js";
import type { IncidentStore } from "../incidents/types.js";
import type { Booking, Calendar, Cancellation, ClientKey, NewClientKey, StoredBooking } from "./types.js";

/**
 * How long an Idempotency-Key is remembered (Stripe's 24 hours): a retry within it replays the first answer;
 * after it, the same key and request book anew. Measured from the first booking's createdAt.
 */
export const IDEMPOTENCY_KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

export interface NewBooking {
  id: string;
  calendarId: string;
  /** Epoch milliseconds; `start`/`end` below are the same instants as ISO strings with offsets. */
  startMs: number;
  endMs: number;
  start: string;
  end: string;
  /** Free minutes kept around this booking and the ones it must not overlap. */
  bufferMinutes: number;
  contact: string | null;
  service: string | null;
  notes: string | null;
  createdAt: string;
  /**
   * With a key, a repeat of the same request within IDEMPOTENCY_KEY_LIFETIME_MS returns the first booking as
   * first answered (confirmed, even if cancelled since) and creates nothing.
   */
  idempotencyKey?: string;
  /** A digest of the request body, so a key reused for another request is refused. */
  requestHash?: string;
  /**
   * At most `max` confirmed bookings of this calendar not yet ended at `nowMs` may hold this contact
   * (compared without ASCII case); checked in the same conditional insert. Absent, or no contact: no cap.
   */
  contactLimit?: { max: number; nowMs: number };
  /**
   * The client key making the booking (absent: anonymous or ADMIN_TOKEN). Its Idempotency-Keys are its own:
   * another principal's identical key neither replays nor blocks this one's.
   */
  createdByKey?: string;
  /**
   * At most `max` confirmed bookings of this calendar not yet ended at `nowMs` may have been created by
   * `createdByKey`; checked in the same conditional insert. Absent, or no key: no cap.
   */
  keyLimit?: { max: number; nowMs: number };
  /** Hex SHA-256 of the booking's own token (only the digest is kept); absent: no token issued. */
  tokenDigest?: string;
}

export type BookingResult =
  | { kind: "created"; booking: Booking }
  /** The same Idempotency-Key and request as before: the first answer's booking, nothing new created. */
  | { kind: "replayed"; booking: Booking }
  /** The slot (with buffers) overlaps a confirmed booking. */
  | { kind: "conflict" }
  /** The Idempotency-Key was used before for a different request. */
  | { kind: "key_reused" }
  /** The contact already holds `contactLimit.max` active bookings in this calendar. */
  | { kind: "contact_limit" }
  /** The creating key already holds `keyLimit.max` active bookings in this calendar. */
  | { kind: "key_limit" };

/** The database behind a store, as /health names it. */
export type StoreEngine = "sqlite" | "d1" | "postgres";

export interface CalendarStore {
  readonly engine: StoreEngine;
  /** One trivial query: resolves when the database answers (GET /health, src/calendars/store-health.ts). */
  probe(): Promise<void>;
  /** Creates the schema and applies pending migrations; safe to call more than once. */
  migrate(): Promise<void>;
  putCalendar(calendar: Calendar): Promise<void>;
  getCalendar(id: string): Promise<Calendar | null>;
  /** Confirmed bookings of a calendar that overlap [fromMs, toMs). */
  confirmedBookings(calendarId: string, fromMs: number, toMs: number): Promise<Booking[]>;
  createBooking(booking: NewBooking): Promise<BookingResult>;
  getBooking(calendarId: string, bookingId: string): Promise<StoredBooking | null>;
  /**
   * Marks a booking cancelled (its slot frees), recording `cancellation` if given and the booking was still
   * confirmed (a second cancel keeps the first record); null when there is no such booking.
   */
  cancelBooking(
    calendarId: string,
    bookingId: string,
    cancellation?: Cancellation,
  ): Promise<StoredBooking | null>;
  /** Stores a new client key (its secret only as a digest). */
  createClientKey(key: NewClientKey): Promise<void>;
  /** Every key, revoked ones too, oldest first; never a secret or its digest. */
  listClientKeys(): Promise<ClientKey[]>;
  /** The key whose secret has this hex SHA-256 digest, revoked or not; null when none. */
  findClientKey(secretDigest: string): Promise<ClientKey | null>;
  /** Revokes a key (a second revocation keeps the first time); null when there is no such key. */
  revokeClientKey(id: string, revokedAt: string): Promise<ClientKey | null>;
  /**
   * Whether any key was ever created, revoked or not: with none, a loopback deployment stays open
   * (src/http/access.ts). Revoking the last key does not open it again.
   */
  hasClientKeys(): Promise<boolean>;
  /**
   * The incidents kept in the same database (src/incidents/statement-store.ts), so a restart and every
   * instance sharing the database see them; `logger` hears of a stored record that cannot be read.
   */
  incidents(logger: Logger): IncidentStore;
  close?(): Promise<void>;
}
