// The calendar store's schema on PostgreSQL: the shared migrations (migrations.ts) with the one type SQLite
// lets pass and PostgreSQL does not (epoch milliseconds need BIGINT, not a 32-bit INTEGER), then what only
// PostgreSQL can hold: an exclusion constraint, so the database itself refuses two confirmed bookings of one
// calendar whose times (buffers included) overlap. PostgreSQL's own migrations are numbered from 1001, so
// the shared list may grow below them; append, never edit a shipped one.
import { MIGRATIONS, type Migration } from "./migrations.js";

/** Any number shared by every Cita instance: the advisory lock held while migrations run. */
export const MIGRATION_LOCK = 7_017_001;

/** The shared DDL's SQLite types that PostgreSQL needs wider. */
const WIDER_TYPES: ReadonlyArray<readonly [string, string]> = [
  ["start_ms INTEGER", "start_ms BIGINT"],
  ["end_ms INTEGER", "end_ms BIGINT"],
];

function forPostgres(migration: Migration): Migration {
  return {
    ...migration,
    statements: migration.statements.map((sql) =>
      WIDER_TYPES.reduce((text, [sqlite, postgres]) => text.replaceAll(sqlite, postgres), sql),
    ),
  };
}

const POSTGRES_ONLY: readonly Migration[] = [
  {
    version: 1001,
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

export const POSTGRES_MIGRATIONS: readonly Migration[] = [...MIGRATIONS.map(forPostgres), ...POSTGRES_ONLY];
