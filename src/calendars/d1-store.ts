// The calendar store on Workers: Cloudflare D1 through its binding (prepare/bind/run/first/all/batch). D1
// refuses BEGIN, so atomicity comes from single statements and batch(), which D1 runs as one transaction.

import { type ActiveCounts, activeCountsStatement } from "./booking-caps.js";
import {
  CREATE_SCHEMA_MIGRATIONS,
  pendingMigrations,
  RECORD_MIGRATION,
  SELECT_APPLIED_VERSIONS,
} from "./migrations.js";
import {
  bookingOutcome,
  forgetExpiredKeysStatement,
  insertBookingStatement,
  type KeyedBookingRow,
  keyedBookingStatement,
  recordKeyStatement,
  type Statement,
  storedIdempotencyKey,
} from "./queries.js";
import { StatementCalendarStore } from "./statement-store.js";
import type { BookingResult, CalendarStore, NewBooking } from "./store.js";

/** The part of D1's result this store reads. */
export interface D1ResultLike<Row = unknown> {
  results: Row[];
  meta: { changes: number };
}

export interface D1PreparedStatementLike {
  bind(...values: unknown[]): D1PreparedStatementLike;
  first<Row = unknown>(): Promise<Row | null>;
  run<Row = unknown>(): Promise<D1ResultLike<Row>>;
  all<Row = unknown>(): Promise<D1ResultLike<Row>>;
}

/** The slice of the Workers `D1Database` binding used here, so no Workers type package is needed. */
export interface D1DatabaseBinding {
  prepare(sql: string): D1PreparedStatementLike;
  batch<Row = unknown>(statements: D1PreparedStatementLike[]): Promise<D1ResultLike<Row>[]>;
}

export class D1CalendarStore extends StatementCalendarStore implements CalendarStore {
  readonly engine = "d1" as const;
  constructor(private readonly database: D1DatabaseBinding) {
    super();
  }

  async migrate(): Promise<void> {
    await this.database.prepare(CREATE_SCHEMA_MIGRATIONS).run();
    for (const migration of pendingMigrations(await this.appliedVersions())) {
      const statements = migration.statements.map((sql) => this.database.prepare(sql));
      statements.push(this.bind({ sql: RECORD_MIGRATION, params: [migration.version, migration.name] }));
      try {
        // One batch, one transaction: a migration is applied and recorded, or neither.
        await this.database.batch(statements);
      } catch (error) {
        // Another isolate applied it first (its CREATE TABLE or our record then fails): that is fine.
        if (!(await this.appliedVersions()).includes(migration.version)) throw error;
      }
    }
  }

  async createBooking(booking: NewBooking): Promise<BookingResult> {
    const key = storedIdempotencyKey(booking);
    if (key === undefined) {
      // One conditional INSERT: D1 runs each statement whole, so the overlap check and the insert are atomic.
      const inserted = (await this.execute(insertBookingStatement(booking))) === 1;
      return bookingOutcome(booking, inserted, null, inserted ? null : await this.activeCounts(booking));
    }
    // Race-free without BEGIN: the statements run as one batch, which D1 executes as a single
    // transaction on the database's one thread, so no other request's statements interleave. The insert
    // also requires the key to be unused and the key is recorded only if the insert created this booking,
    // so of two requests with one key exactly one creates; the other's read-back finds the first one's key
    // (replayed, or key_reused when the request hash differs). The (calendar_id, key) primary key backs this
    // up: a second key row would fail the whole batch rather than commit.
    const [, inserted, , keyed] = await this.database.batch([
      this.bind(forgetExpiredKeysStatement(booking)),
      this.bind(insertBookingStatement(booking)),
      this.bind(recordKeyStatement(booking, key)),
      this.bind(keyedBookingStatement(booking.calendarId, key)),
    ]);
    const created = inserted?.meta.changes === 1;
    return bookingOutcome(
      booking,
      created,
      created ? null : ((keyed?.results[0] as KeyedBookingRow | undefined) ?? null),
      created ? null : await this.activeCounts(booking),
    );
  }

  /** The active bookings each cap counts, read only to explain a refused insert (null: no cap applies). */
  private async activeCounts(booking: NewBooking): Promise<ActiveCounts | null> {
    const statement = activeCountsStatement(booking);
    return statement === null ? null : ((await this.first<ActiveCounts>(statement)) ?? null);
  }

  private async appliedVersions(): Promise<number[]> {
    const { results } = await this.database.prepare(SELECT_APPLIED_VERSIONS).all<{ version: number }>();
    return results.map((row) => row.version);
  }

  protected async execute(statement: Statement): Promise<number> {
    return (await this.bind(statement).run()).meta.changes;
  }

  protected async first<Row>(statement: Statement): Promise<Row | undefined> {
    return (await this.bind(statement).first<Row>()) ?? undefined;
  }

  protected async rows<Row>(statement: Statement): Promise<Row[]> {
    return (await this.bind(statement).all<Row>()).results;
  }

  private bind({ sql, params }: Statement): D1PreparedStatementLike {
    return this.database.prepare(sql).bind(...params);
  }
}
