// The one schema of the calendar store, as ordered migrations both stores apply (SQLite on Node, D1 on
// Workers). Text constants, so the Workers bundle needs no file system. Append new migrations; never edit
// one that has shipped. Each statement stands alone because D1's prepare() takes one statement at a time.

export interface Migration {
  version: number;
  name: string;
  statements: readonly string[];
}

/** Created before anything else, so the store can tell which migrations have run. */
export const CREATE_SCHEMA_MIGRATIONS = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;

export const SELECT_APPLIED_VERSIONS = "SELECT version FROM schema_migrations ORDER BY version";

export const RECORD_MIGRATION = `INSERT INTO schema_migrations (version, name, applied_at)
VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export const MIGRATIONS: readonly Migration[] = [
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
      // start_ms/end_ms carry the overlap rule; start/"end" keep the ISO text with the calendar's offset.
      `CREATE TABLE bookings (
        id TEXT PRIMARY KEY,
        calendar_id TEXT NOT NULL REFERENCES calendars (id),
        start_ms INTEGER NOT NULL,
        end_ms INTEGER NOT NULL,
        start TEXT NOT NULL,
        "end" TEXT NOT NULL,
        contact TEXT,
        service TEXT,
        notes TEXT,
        status TEXT NOT NULL CHECK (status IN ('confirmed', 'cancelled')),
        created_at TEXT NOT NULL,
        CHECK (end_ms > start_ms)
      )`,
      // Serves both the overlap guard of the conditional insert and the availability range query.
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
      // NULL: the calendar names no horizon and gets the default (DEFAULT_BOOKING_HORIZON_DAYS).
      "ALTER TABLE calendars ADD COLUMN booking_horizon_days INTEGER",
      // Serves the per-contact cap of the conditional insert.
      "CREATE INDEX bookings_by_calendar_contact ON bookings (calendar_id, contact, status, end_ms)",
    ],
  },
  {
    version: 3,
    name: "client keys, who created and who cancelled a booking, booking tokens",
    statements: [
      // Only the SHA-256 of a key's secret is kept: the secret is 32 random bytes, shown once at creation.
      // scopes and rate_per_minute are JSON (an array of scopes, an object of per-action rates).
      `CREATE TABLE client_keys (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        scopes TEXT NOT NULL,
        secret_digest TEXT NOT NULL UNIQUE,
        rate_per_minute TEXT NOT NULL,
        created_at TEXT NOT NULL,
        revoked_at TEXT
      )`,
      // NULL: created anonymously or with ADMIN_TOKEN (and every booking made before this migration).
      "ALTER TABLE bookings ADD COLUMN created_by_key TEXT",
      // The SHA-256 of the booking's own secret token, which reads or cancels it; NULL: no token was issued.
      "ALTER TABLE bookings ADD COLUMN token_digest TEXT",
      // Who cancelled (a key id, "token", "admin" or "anonymous") and when; NULL while confirmed.
      "ALTER TABLE bookings ADD COLUMN cancelled_by TEXT",
      "ALTER TABLE bookings ADD COLUMN cancelled_at TEXT",
      // Serves the per-key cap of the conditional insert.
      "CREATE INDEX bookings_by_calendar_key ON bookings (calendar_id, created_by_key, status, end_ms)",
    ],
  },
  {
    version: 4,
    name: "incidents, at most one open",
    statements: [
      // The record is the JSON document (src/incidents/types.ts); the columns are what the store sorts and
      // filters by. `open` is 1 while the incident is open and NULL once resolved: a unique index admits
      // any number of NULLs but one 1, so the database itself refuses a second open incident.
      `CREATE TABLE incidents (
        id TEXT PRIMARY KEY,
        opened_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        resolved_at TEXT,
        open INTEGER CHECK (open = 1),
        document TEXT NOT NULL
      )`,
      "CREATE UNIQUE INDEX incidents_one_open ON incidents (open)",
      // Serves the list (newest first) and the retention of resolved incidents.
      "CREATE INDEX incidents_by_opened ON incidents (opened_at, id)",
    ],
  },
];

/** Migrations not yet applied, in order (of SQLite's and D1's list unless another is given). */
export function pendingMigrations(
  appliedVersions: Iterable<number>,
  migrations: readonly Migration[] = MIGRATIONS,
): Migration[] {
  const applied = new Set(appliedVersions);
  return migrations.filter((migration) => !applied.has(migration.version));
}
