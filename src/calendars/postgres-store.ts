// The calendar store on PostgreSQL (DATABASE_URL=postgres://…), for several Node instances sharing one
// database. Node only, and the only module that imports the `pg` driver: src/node.ts loads it with a dynamic
// import when DATABASE_URL is set, so neither the Workers bundle nor an embedded deployment ever sees it. It
// runs the statements SQLite and D1 run (postgres-sql.ts translates them) and the schema of
// postgres-migrations.ts, whose exclusion constraint makes a double booking impossible in the database itself.
import pg from "pg";
import { type ActiveCounts, activeCountsStatement } from "./booking-caps.js";
import {
  CREATE_SCHEMA_MIGRATIONS,
  pendingMigrations,
  RECORD_MIGRATION,
  SELECT_APPLIED_VERSIONS,
} from "./migrations.js";
import { isUnavailable, POOL_SIZE, readConnectionSettings } from "./postgres-connection.js";
import { MIGRATION_LOCK, POSTGRES_MIGRATIONS } from "./postgres-migrations.js";
import { postgresStatement } from "./postgres-sql.js";
import {
  bookingOutcome,
  forgetExpiredKeysStatement,
  insertBookingStatement,
  type KeyedBookingRow,
  keyedBookingStatement,
  recordKeyStatement,
  storedIdempotencyKey,
} from "./queries.js";
import type { Statement } from "./statement.js";
import { StatementCalendarStore } from "./statement-store.js";
import type { BookingResult, CalendarStore, NewBooking } from "./store.js";
import { StoreUnavailableError } from "./store-unavailable.js";

/** The exclusion constraint's SQLSTATE: a confirmed booking of the calendar already holds the time. */
const EXCLUSION_VIOLATION = "23P01";
/** Advisory locks of bookings: this class, and the calendar id's hash as the object. */
const BOOKING_LOCK_CLASS = 7_017;

/** Anything that runs a statement: the pool, or one client inside a transaction. */
type Queryable = Pick<pg.Pool, "query"> | pg.PoolClient;

export class PostgresCalendarStore extends StatementCalendarStore implements CalendarStore {
  readonly engine = "postgres" as const;
  private readonly pool: pg.Pool;

  constructor(url: string) {
    super();
    this.pool = new pg.Pool({ ...readConnectionSettings(url), max: POOL_SIZE });
    // An idle connection the server closes (a restart, a stopped server) is reported here; without a
    // listener Node would end the process. The next query opens a new connection.
    this.pool.on("error", () => {});
  }

  async migrate(): Promise<void> {
    await this.transaction(async (client) => {
      // Two instances starting together: the second waits here, then finds every migration applied.
      await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
      await client.query(CREATE_SCHEMA_MIGRATIONS);
      const applied = await this.rows<{ version: number }>(
        { sql: SELECT_APPLIED_VERSIONS, params: [] },
        client,
      );
      for (const migration of pendingMigrations(
        applied.map((row) => row.version),
        POSTGRES_MIGRATIONS,
      )) {
        for (const sql of migration.statements) await client.query(sql);
        await this.execute({ sql: RECORD_MIGRATION, params: [migration.version, migration.name] }, client);
      }
    });
  }

  /**
   * One transaction per booking, holding an advisory lock on the calendar: bookings of one calendar take
   * turns, so the caps and the Idempotency-Key are decided as SQLite's single writer decides them. The
   * exclusion constraint stands behind the conditional insert: were two overlapping bookings ever to reach
   * the table together, the database refuses the second.
   */
  async createBooking(booking: NewBooking): Promise<BookingResult> {
    const key = storedIdempotencyKey(booking);
    try {
      return await this.transaction(async (client) => {
        await client.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [
          BOOKING_LOCK_CLASS,
          booking.calendarId,
        ]);
        if (key !== undefined) await this.execute(forgetExpiredKeysStatement(booking), client);
        const inserted = (await this.execute(insertBookingStatement(booking), client)) === 1;
        if (inserted) {
          if (key !== undefined) await this.execute(recordKeyStatement(booking, key), client);
          return bookingOutcome(booking, true, null);
        }
        const keyed =
          key === undefined
            ? null
            : ((await this.first<KeyedBookingRow>(keyedBookingStatement(booking.calendarId, key), client)) ??
              null);
        return bookingOutcome(booking, false, keyed, await this.activeCounts(booking, client));
      });
    } catch (error) {
      if ((error as { code?: unknown }).code === EXCLUSION_VIOLATION) return { kind: "conflict" };
      throw error;
    }
  }

  private async activeCounts(booking: NewBooking, client: Queryable): Promise<ActiveCounts | null> {
    const statement = activeCountsStatement(booking);
    return statement === null ? null : ((await this.first<ActiveCounts>(statement, client)) ?? null);
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }

  private async transaction<Result>(work: (client: pg.PoolClient) => Promise<Result>): Promise<Result> {
    const client = await unavailableOnFault(() => this.pool.connect());
    let broken = false;
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      // A statement's lost connection arrives as StoreUnavailableError already (query()); BEGIN's and
      // COMMIT's as the driver's error.
      broken = error instanceof StoreUnavailableError || isUnavailable(error);
      if (broken) throw new StoreUnavailableError();
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      // A connection that failed mid-transaction is dropped, not handed to the next request.
      client.release(broken);
    }
  }

  private async query<Row>(
    statement: Statement,
    client: Queryable = this.pool,
  ): Promise<pg.QueryResult<Row & pg.QueryResultRow>> {
    return unavailableOnFault(() => client.query<Row & pg.QueryResultRow>(postgresStatement(statement)));
  }

  protected async execute(statement: Statement, client?: Queryable): Promise<number> {
    return (await this.query(statement, client)).rowCount ?? 0;
  }

  protected async first<Row>(statement: Statement, client?: Queryable): Promise<Row | undefined> {
    return (await this.query<Row>(statement, client)).rows[0];
  }

  protected async rows<Row>(statement: Statement, client?: Queryable): Promise<Row[]> {
    return (await this.query<Row>(statement, client)).rows;
  }
}

/** Runs a driver call, turning a lost or refused connection into StoreUnavailableError (503 for callers). */
async function unavailableOnFault<Result>(call: () => Promise<Result>): Promise<Result> {
  try {
    return await call();
  } catch (error) {
    if (isUnavailable(error)) throw new StoreUnavailableError();
    throw error;
  }
}

/** Opens the PostgreSQL store at `url` and applies pending migrations. */
export async function openPostgresStore(url: string): Promise<PostgresCalendarStore> {
  const store = new PostgresCalendarStore(url);
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
