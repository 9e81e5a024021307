// The calendar store on Node: one SQLite file through better-sqlite3. Node only; the Workers entry and the app
// never import this file (src/node.ts constructs it and passes it down). The only module that imports
// better-sqlite3.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { type ActiveCounts, activeCountsStatement } from "./booking-caps.js";
import {
  CREATE_SCHEMA_MIGRATIONS,
  pendingMigrations,
  RECORD_MIGRATION,
  SELECT_APPLIED_VERSIONS,
} from "./migrations.js";
import {
  bookingOutcome,
  type CalendarRow,
  calendarFromRow,
  forgetExpiredKeysStatement,
  getCalendarStatement,
  insertBookingStatement,
  type KeyedBookingRow,
  keyedBookingStatement,
  putCalendarStatement,
  recordKeyStatement,
  type Statement,
  storedIdempotencyKey,
} from "./queries.js";
import { StatementCalendarStore } from "./statement-store.js";
import type { BookingResult, CalendarStore, NewBooking } from "./store.js";
import type { Calendar, OpeningInterval } from "./types.js";

/** How long a writer waits for another connection's write lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5_000;
/** Calendar rows kept between reads; the map is emptied when full. */
const MAX_CACHED_CALENDARS = 1_000;

export class SqliteCalendarStore extends StatementCalendarStore implements CalendarStore {
  readonly engine = "sqlite" as const;
  private readonly database: Database.Database;
  private readonly prepared = new Map<string, Database.Statement>();
  /**
   * Calendars read before, valid while `PRAGMA data_version` stays at `calendarsVersion`. The pragma
   * changes whenever another connection (another process, or another store on the same file) commits, and
   * never for this connection's own commits, so putCalendar drops the calendar it replaces itself. Every
   * read hands out a copy, so callers never share a Calendar object.
   */
  private readonly calendars = new Map<string, Calendar>();
  private calendarsVersion: number | null = null;
  private readonly dataVersion: Database.Statement;

  constructor(path: string) {
    super();
    const inMemory = path === ":memory:" || path === "";
    if (!inMemory) {
      createPrivateFolder(dirname(path));
      // Created 0600 before SQLite opens it, so the file is never readable by others, not even empty.
      closeSync(openSync(path, "a", 0o600));
    }
    this.database = new Database(path, { timeout: BUSY_TIMEOUT_MS });
    // WAL: readers never block the writer. FULL: a commit is on disk before createBooking answers, so an
    // acknowledged booking survives a crash or power loss, not only a killed process.
    this.database.pragma("journal_mode = WAL");
    if (!inMemory) makePrivate(path);
    this.database.pragma("synchronous = FULL");
    this.database.pragma("foreign_keys = ON");
    this.dataVersion = this.database.prepare("PRAGMA data_version").pluck();
  }

  async migrate(): Promise<void> {
    this.database.exec(CREATE_SCHEMA_MIGRATIONS);
    // IMMEDIATE takes the write lock first, so two processes starting together apply each migration once.
    const apply = this.database.transaction(() => {
      const applied = this.all<{ version: number }>({ sql: SELECT_APPLIED_VERSIONS, params: [] });
      for (const migration of pendingMigrations(applied.map((row) => row.version))) {
        for (const sql of migration.statements) this.database.exec(sql);
        this.run({ sql: RECORD_MIGRATION, params: [migration.version, migration.name] });
      }
    });
    apply.immediate();
  }

  override async putCalendar(calendar: Calendar): Promise<void> {
    this.calendars.delete(calendar.id);
    this.run(putCalendarStatement(calendar));
  }

  /**
   * Every parse request naming a calendar reads it; checking the data version costs a fraction of the
   * query, so a calendar nobody changed is mapped from the row read before.
   */
  override async getCalendar(id: string): Promise<Calendar | null> {
    const version = this.dataVersion.get() as number;
    if (version !== this.calendarsVersion) {
      this.calendars.clear();
      this.calendarsVersion = version;
    }
    let calendar = this.calendars.get(id);
    if (calendar === undefined) {
      const row = this.get<CalendarRow>(getCalendarStatement(id));
      if (row === undefined) return null;
      calendar = calendarFromRow(row);
      if (this.calendars.size >= MAX_CACHED_CALENDARS) this.calendars.clear();
      this.calendars.set(id, calendar);
    }
    return copyCalendar(calendar);
  }

  async createBooking(booking: NewBooking): Promise<BookingResult> {
    const key = storedIdempotencyKey(booking);
    if (key === undefined) {
      // One conditional INSERT in autocommit is its own write transaction: nothing can slip in between.
      const inserted = this.run(insertBookingStatement(booking)).changes === 1;
      return bookingOutcome(booking, inserted, null, inserted ? null : this.activeCounts(booking));
    }
    // With a key, the booking and its key commit together or not at all; IMMEDIATE takes the write lock at
    // BEGIN, so a second request with the same key waits here and then reads the first one's key.
    const create = this.database.transaction((): BookingResult => {
      this.run(forgetExpiredKeysStatement(booking));
      const inserted = this.run(insertBookingStatement(booking)).changes === 1;
      if (inserted) this.run(recordKeyStatement(booking, key));
      const keyed = inserted
        ? null
        : (this.get<KeyedBookingRow>(keyedBookingStatement(booking.calendarId, key)) ?? null);
      return bookingOutcome(booking, inserted, keyed, inserted ? null : this.activeCounts(booking));
    });
    return create.immediate();
  }

  /** The active bookings each cap counts, read only to explain a refused insert (null: no cap applies). */
  private activeCounts(booking: NewBooking): ActiveCounts | null {
    const statement = activeCountsStatement(booking);
    return statement === null ? null : (this.get<ActiveCounts>(statement) ?? null);
  }

  async close(): Promise<void> {
    if (this.database.open) this.database.close();
  }

  private statement(sql: string): Database.Statement {
    let statement = this.prepared.get(sql);
    if (statement === undefined) {
      statement = this.database.prepare(sql);
      this.prepared.set(sql, statement);
    }
    return statement;
  }

  protected async execute(statement: Statement): Promise<number> {
    return this.run(statement).changes;
  }

  protected async first<Row>(statement: Statement): Promise<Row | undefined> {
    return this.get<Row>(statement);
  }

  protected async rows<Row>(statement: Statement): Promise<Row[]> {
    return this.all<Row>(statement);
  }

  private run({ sql, params }: Statement): Database.RunResult {
    return this.statement(sql).run(...params);
  }

  private get<Row>({ sql, params }: Statement): Row | undefined {
    return this.statement(sql).get(...params) as Row | undefined;
  }

  private all<Row>({ sql, params }: Statement): Row[] {
    return this.statement(sql).all(...params) as Row[];
  }
}

/**
 * Bookings hold names and notes: the folder is created 0700 (mkdir's mode applies only to folders it
 * creates, so an operator's existing folder, such as /var/lib/cita, keeps the mode they gave it).
 */
function createPrivateFolder(folder: string): void {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
}

/**
 * The database and its WAL and shared-memory files readable by the owner only. SQLite creates the -wal and
 * -shm files with the main file's mode, so a file created by this store is private from the start; this
 * also closes up files an earlier version left 0644 (WAL mode has opened all three by now).
 */
function makePrivate(path: string): void {
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(file)) chmodSync(file, 0o600);
  }
}

/** A copy of a calendar read from the store, down to its intervals (cheaper than parsing the row again). */
function copyCalendar(calendar: Calendar): Calendar {
  const openingHours: Record<string, OpeningInterval[]> = {};
  for (const [weekday, intervals] of Object.entries(calendar.openingHours)) {
    openingHours[weekday] = intervals.map((interval) => ({ ...interval }));
  }
  return {
    ...calendar,
    openingHours,
    closures: calendar.closures.map((closure) => ({ ...closure })),
  };
}

/** Opens the SQLite store at `path` (creating its directory) and applies pending migrations. */
export async function openSqliteStore(path: string): Promise<SqliteCalendarStore> {
  const store = new SqliteCalendarStore(path);
  await store.migrate();
  return store;
}
