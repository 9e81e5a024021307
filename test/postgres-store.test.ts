// What only the PostgreSQL calendar store has, beyond the shared contract (test/contracts/): the statements
// translated out of SQLite's dialect, migrations that two instances may start at once, the exclusion
// constraint that refuses a double booking even from SQL that skips the conditional insert, bookings raced
// across two connection pools, a database that stops and comes back, and the driver kept out of the Workers
// bundle. Runs on a private server (test/support/postgres-server.ts); skipped, and said so, without one.
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeCountsStatement, capConditions } from "../src/calendars/booking-caps.js";
import { anyClientKeysStatement } from "../src/calendars/client-keys.js";
import { RECORD_MIGRATION } from "../src/calendars/migrations.js";
import { redactedDatabaseUrl } from "../src/calendars/postgres-connection.js";
import { POSTGRES_MIGRATIONS } from "../src/calendars/postgres-migrations.js";
import { postgresSql } from "../src/calendars/postgres-sql.js";
import { openPostgresStore, PostgresCalendarStore } from "../src/calendars/postgres-store.js";
import { forgetExpiredKeysStatement, putCalendarStatement } from "../src/calendars/queries.js";
import { StoreUnavailableError } from "../src/calendars/store-unavailable.js";
import { bookingFixture, calendarFixture, MINUTE } from "./support/calendar-store-harness.js";
import { reachableFrom, specifiersOf } from "./support/import-graph.js";
import { type PostgresServer, postgresSkipReason, startPostgres } from "./support/postgres-server.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

describe("the shared statements in PostgreSQL's dialect", () => {
  const capped = bookingFixture("c", 0, 30, {
    contactLimit: { max: 2, nowMs: 0 },
    createdByKey: "key-1",
    keyLimit: { max: 2, nowMs: 0 },
  });
  const statements = [
    putCalendarStatement(calendarFixture("c")),
    forgetExpiredKeysStatement(capped),
    capConditions(capped),
    activeCountsStatement(capped)!,
    anyClientKeysStatement(),
    { sql: RECORD_MIGRATION, params: [1, "first"] },
  ];

  it.each(statements.map((statement) => [statement.sql.slice(0, 40), statement]))(
    "%s…: no SQLite-only spelling left, one $n per parameter",
    (_, statement) => {
      const sql = postgresSql(statement.sql);
      expect(sql).not.toMatch(/strftime|julianday|NOCASE|\?|AS byKey/);
      const numbers = [...sql.matchAll(/\$(\d+)/g)].map((match) => Number(match[1]));
      expect(numbers).toEqual(statement.params.map((_, index) => index + 1));
    },
  );

  it("shows DATABASE_URL without its password", () => {
    expect(redactedDatabaseUrl("postgres://cita:s3cret@db.internal:5432/cita")).toBe(
      "postgres://cita:***@db.internal:5432/cita",
    );
    expect(redactedDatabaseUrl("not a url s3cret")).not.toContain("s3cret");
  });
});

describe("the Workers bundle's import graph", () => {
  it("reaches neither pg nor better-sqlite3 nor the files that import them", () => {
    const graph = reachableFrom([join(ROOT, "src/worker.ts")]);
    const drivers = [...graph.files].filter((file) =>
      specifiersOf(readFileSync(file, "utf8")).some((name) => name === "pg" || name === "better-sqlite3"),
    );
    expect(drivers).toEqual([]);
    expect([...graph.files].some((file) => file.endsWith("postgres-store.ts"))).toBe(false);
  });
});

describe.skipIf(postgresSkipReason() !== null)("PostgreSQL store on a private server", () => {
  let server: PostgresServer;
  let databases = 0;

  async function freshDatabase(): Promise<string> {
    databases += 1;
    return server.createDatabase(`cita_${databases}`);
  }

  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(() => server?.stop());

  it("applies each migration once when two instances start at the same moment", async () => {
    const url = await freshDatabase();
    const stores = [
      new PostgresCalendarStore(url),
      new PostgresCalendarStore(url),
      new PostgresCalendarStore(url),
    ];
    await Promise.all(stores.map((store) => store.migrate()));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query("SELECT version FROM schema_migrations ORDER BY version");
    expect(rows).toEqual(POSTGRES_MIGRATIONS.map((migration) => ({ version: migration.version })));
    // Epoch milliseconds outgrow a 32-bit INTEGER: every *_ms column is BIGINT.
    const columns = await client.query(
      "SELECT column_name, data_type FROM information_schema.columns WHERE column_name LIKE '%\\_ms'",
    );
    await client.end();
    expect(columns.rows.map((row) => row.column_name).sort()).toEqual(["buffer_ms", "end_ms", "start_ms"]);
    expect(new Set(columns.rows.map((row) => row.data_type))).toEqual(new Set(["bigint"]));
    await Promise.all(stores.map((store) => store.close()));
  });

  it("refuses an overlapping confirmed booking in the database itself, buffers included", async () => {
    const url = await freshDatabase();
    const store = await openPostgresStore(url);
    await store.putCalendar(calendarFixture("buffered", { bufferMinutes: 10 }));
    await store.putCalendar(calendarFixture("other"));
    expect((await store.createBooking(bookingFixture("buffered", 0, 60))).kind).toBe("created");
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    // Straight SQL, past the conditional insert: only the constraint stands in the way.
    const insert = (id: string, calendar: string, offset: number, status = "confirmed") =>
      client.query(
        `INSERT INTO bookings (id, calendar_id, start_ms, end_ms, start, "end", status, created_at)
         VALUES ($1, $2, $3, $4, 's', 'e', $5, 'now')`,
        [
          id,
          calendar,
          Date.parse("2026-03-02T09:00:00Z") + offset * MINUTE,
          Date.parse("2026-03-02T09:00:00Z") + (offset + 30) * MINUTE,
          status,
        ],
      );
    // Starts 5 minutes after the first ends: inside its 10-minute buffer.
    await expect(insert("in-buffer", "buffered", 65)).rejects.toMatchObject({ code: "23P01" });
    await expect(insert("overlap", "buffered", 30)).rejects.toMatchObject({ code: "23P01" });
    // Past the buffer, cancelled, or in another calendar: no conflict.
    await expect(insert("after-buffer", "buffered", 70)).resolves.toBeDefined();
    await expect(insert("cancelled", "buffered", 30, "cancelled")).resolves.toBeDefined();
    await expect(insert("elsewhere", "other", 30)).resolves.toBeDefined();
    // Confirming the cancelled one would double-book: refused too.
    await expect(
      client.query("UPDATE bookings SET status = 'confirmed' WHERE id = 'cancelled'"),
    ).rejects.toMatchObject({
      code: "23P01",
    });
    await client.end();
    await store.close();
  });

  it("answers conflict when only the constraint refuses: a booking keeps the longer buffer it was made with", async () => {
    const store = await openPostgresStore(await freshDatabase());
    await store.putCalendar(calendarFixture("shortened", { bufferMinutes: 30 }));
    const first = bookingFixture("shortened", 0, 60, { bufferMinutes: 30 });
    expect((await store.createBooking(first)).kind).toBe("created");
    await store.putCalendar(calendarFixture("shortened", { bufferMinutes: 0 }));
    // With no buffer now, the conditional insert lets 10:10 through; the first booking's 30 minutes do not.
    const inBuffer = bookingFixture("shortened", 70, 30, { bufferMinutes: 0 });
    expect(await store.createBooking(inBuffer)).toEqual({ kind: "conflict" });
    expect(await store.getBooking("shortened", inBuffer.id)).toBeNull();
    expect((await store.createBooking(bookingFixture("shortened", 90, 30))).kind).toBe("created");
    await store.close();
  });

  it("creates exactly one of 50 overlapping bookings raced over two instances' pools", async () => {
    const url = await freshDatabase();
    const stores = [await openPostgresStore(url), await openPostgresStore(url)];
    await stores[0]!.putCalendar(calendarFixture("race", { bufferMinutes: 5 }));
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        stores[index % 2]!.createBooking(
          bookingFixture("race", index % 45, 60, { bufferMinutes: 5, contact: `racer ${index}` }),
        ),
      ),
    );
    expect(results.filter((result) => result.kind === "created")).toHaveLength(1);
    expect(results.filter((result) => result.kind === "conflict")).toHaveLength(49);
    await Promise.all(stores.map((store) => store.close()));
  });

  it("keeps a contact's cap when its bookings for different slots race over two instances", async () => {
    const url = await freshDatabase();
    const stores = [await openPostgresStore(url), await openPostgresStore(url)];
    await stores[0]!.putCalendar(calendarFixture("capped"));
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        stores[index % 2]!.createBooking(
          bookingFixture("capped", index * 60, 30, { contactLimit: { max: 2, nowMs: 0 } }),
        ),
      ),
    );
    expect(results.filter((result) => result.kind === "created")).toHaveLength(2);
    expect(results.filter((result) => result.kind === "contact_limit")).toHaveLength(18);
    await Promise.all(stores.map((store) => store.close()));
  });

  it("answers StoreUnavailableError while the server is down, and works again once it is back", async () => {
    const url = await freshDatabase();
    const store = await openPostgresStore(url);
    await store.putCalendar(calendarFixture("outage"));
    server.pause();
    try {
      await expect(store.getCalendar("outage")).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.createBooking(bookingFixture("outage", 0, 30))).rejects.toBeInstanceOf(
        StoreUnavailableError,
      );
    } finally {
      server.start();
    }
    // The same store, no restart: its pool opens new connections.
    expect((await store.getCalendar("outage"))?.id).toBe("outage");
    expect((await store.createBooking(bookingFixture("outage", 0, 30))).kind).toBe("created");
    await store.close();
  });
});
