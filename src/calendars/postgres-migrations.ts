// The calendar store's schema on PostgreSQL: the same tables, columns and indexes as the SQLite/D1 migrations
// (migrations.ts), in PostgreSQL's types (epoch milliseconds need BIGINT), plus what only PostgreSQL can hold:
// an exclusion constraint, so the database itself refuses two confirmed bookings of one calendar whose times
// (buffers included) overlap. A list of its own, numbered on its own: append, never edit a shipped one, and
// give every new shared migration its PostgreSQL counterpart here.
import type { Migration } from "./migrations.js";

/** Any number shared by every Cita instance: the advisory lock held while migrations run. */
export const MIGRATION_LOCK = 7_017_001;

export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "calendars, bookings and idempotency keys",
    statements: [
      `CREATE TABLE calendars (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        timezone TEXT NOT NULL,
        slot_minutes INTEGER NOT NULL CHECK (slot_minutes > 0),
        buffer_minutes INTEGER NOT NULL CHECK (buffer_minutes >= 0),
        opening_hours TEXT NOT NULL,
        closures TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`,
      `CREATE TABLE bookings (
        id TEXT PRIMARY KEY,
        calendar_id TEXT NOT NULL REFERENCES calendars (id),
        start_ms BIGINT NOT NULL,
        end_ms BIGINT NOT NULL,
        start TEXT NOT NULL,
        "end" TEXT NOT NULL,
        contact TEXT,
        service TEXT,
        notes TEXT,
        status TEXT NOT NULL CHECK (status IN ('confirmed', 'cancelled')),
        created_at TEXT NOT NULL,
        CHECK (end_ms > start_ms)
      )`,
      "CREATE INDEX bookings_by_calendar_status_start ON bookings (calendar_id, status, start_ms, end_ms)",
      `CREATE TABLE idempotency_keys (
        calendar_id TEXT NOT NULL REFERENCES calendars (id),
        key TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        booking_id TEXT NOT NULL REFERENCES bookings (id),
        created_at TEXT NOT NULL,
        PRIMARY KEY (calendar_id, key)
      )`,
    ],
  },
  {
    version: 2,
    name: "booking horizon per calendar, active bookings by contact",
    statements: [
      "ALTER TABLE calendars ADD COLUMN booking_horizon_days INTEGER",
      "CREATE INDEX bookings_by_calendar_contact ON bookings (calendar_id, contact, status, end_ms)",
    ],
  },
  {
    version: 3,
    name: "client keys, who created and who cancelled a booking, booking tokens",
    statements: [
      `CREATE TABLE client_keys (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        scopes TEXT NOT NULL,
        secret_digest TEXT NOT NULL UNIQUE,
        rate_per_minute TEXT NOT NULL,
        created_at TEXT NOT NULL,
        revoked_at TEXT
      )`,
      "ALTER TABLE bookings ADD COLUMN created_by_key TEXT",
      "ALTER TABLE bookings ADD COLUMN token_digest TEXT",
      "ALTER TABLE bookings ADD COLUMN cancelled_by TEXT",
      "ALTER TABLE bookings ADD COLUMN cancelled_at TEXT",
      "CREATE INDEX bookings_by_calendar_key ON bookings (calendar_id, created_by_key, status, end_ms)",
    ],
  },
  {
    version: 4,
    name: "no double booking in the database: an exclusion constraint over calendar and buffered time",
    statements: [
      // btree_gist lets one GiST index compare the calendar id (=) alongside the time range (&&). It is a
      // trusted extension: the database's owner may create it.
      "CREATE EXTENSION IF NOT EXISTS btree_gist",
      // The calendar's buffer when the booking was made, so the range below holds it.
      "ALTER TABLE bookings ADD COLUMN buffer_ms BIGINT NOT NULL DEFAULT 0 CHECK (buffer_ms >= 0)",
      `CREATE FUNCTION cita_booking_buffer() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT buffer_minutes * 60000 INTO NEW.buffer_ms FROM calendars WHERE id = NEW.calendar_id;
        NEW.buffer_ms := COALESCE(NEW.buffer_ms, 0);
        RETURN NEW;
      END $$`,
      `CREATE TRIGGER bookings_buffer BEFORE INSERT ON bookings
        FOR EACH ROW EXECUTE FUNCTION cita_booking_buffer()`,
      // [start, end + buffer) of two bookings overlap exactly when either starts within the other's end
      // plus the buffer: the conditional insert's rule. Only confirmed bookings hold their slot.
      `ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (
        calendar_id WITH =, int8range(start_ms, end_ms + buffer_ms) WITH &&
      ) WHERE (status = 'confirmed')`,
    ],
  },
];
