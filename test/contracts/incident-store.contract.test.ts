// The incident store contract (src/incidents/types.ts IncidentStore), run against every implementation:
// memory, SQLite on a file, D1 in local workerd and PostgreSQL on a private server. Then what only the
// databases show: a record that no longer parses, and migration 4 applied to a database that holds data.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { Miniflare } from "miniflare";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { D1CalendarStore } from "../../src/calendars/d1-store.js";
import {
  CREATE_SCHEMA_MIGRATIONS,
  MIGRATIONS,
  type Migration,
  RECORD_MIGRATION,
} from "../../src/calendars/migrations.js";
import { POSTGRES_MIGRATIONS } from "../../src/calendars/postgres-migrations.js";
import { postgresStatement } from "../../src/calendars/postgres-sql.js";
import { openPostgresStore } from "../../src/calendars/postgres-store.js";
import { putCalendarStatement } from "../../src/calendars/queries.js";
import { openSqliteStore } from "../../src/calendars/sqlite-store.js";
import type { Statement } from "../../src/calendars/statement.js";
import type { CalendarStore } from "../../src/calendars/store.js";
import type { LogRecord } from "../../src/http/logger.js";
import { type Incident, type IncidentStore, MAX_KEPT_INCIDENTS } from "../../src/incidents/types.js";
import { calendarFixture } from "../support/calendar-store-harness.js";
import { openIncidentRecord, resolvedRecord } from "../support/incident-records.js";
import { describeEachIncidentStore, type OpenedIncidentStore } from "../support/incident-store-harness.js";
import { postgresSkipReason, startPostgres } from "../support/postgres-server.js";

describeEachIncidentStore("incident store contract: $name", (harness) => {
  let opened: OpenedIncidentStore;
  let store: IncidentStore;
  /** Every test opens its incidents later than the tests before it, so "newest" is well defined. */
  let minute = 0;

  /** Opens a new incident (the previous one must be resolved) and returns it. */
  async function openNew(): Promise<Incident> {
    minute += 1;
    const { incident, created } = await store.openIncident(openIncidentRecord(minute));
    expect(created).toBe(true);
    return incident;
  }

  async function resolve(incident: Incident): Promise<Incident> {
    const resolved = resolvedRecord(incident);
    await store.saveIncident(resolved);
    return resolved;
  }

  beforeAll(async () => {
    opened = await harness.open();
    store = opened.store;
  });
  afterAll(async () => opened?.dispose());

  it("opens exactly one of 10 concurrent openIncident calls; the others get that one", async () => {
    minute += 1;
    const candidates = Array.from({ length: 10 }, () => openIncidentRecord(minute));
    const results = await Promise.all(candidates.map((candidate) => store.openIncident(candidate)));

    expect(results.filter((result) => result.created)).toHaveLength(1);
    const winner = results.find((result) => result.created)?.incident;
    for (const result of results) expect(result.incident).toEqual(winner);
    expect(await store.openedIncident()).toEqual(winner);
    await resolve(winner as Incident);
  });

  it("round-trips a record through openIncident, saveIncident and getIncident", async () => {
    const incident = await openNew();
    expect(await store.getIncident(incident.id)).toEqual(incident);
    const updated: Incident = {
      ...incident,
      updatedAt: new Date(Date.parse(incident.openedAt) + 60_000).toISOString(),
      severity: "P3",
      types: ["rate_limiting", "high_latency"],
      timeline: [
        ...incident.timeline,
        { at: incident.openedAt, event: "severity", detail: "P1 to P3", severity: "P3" },
      ],
    };
    await store.saveIncident(updated);
    expect(await store.getIncident(incident.id)).toEqual(updated);
    expect(await store.openedIncident()).toEqual(updated);
    await resolve(updated);
  });

  it("answers null for an id it does not hold, and stores nothing when asked to save one", async () => {
    expect(await store.getIncident("inc_ffffffffffffffff")).toBeNull();
    const stranger = resolvedRecord(openIncidentRecord(0, { id: "inc_fffffffffffffffe" }));
    await store.saveIncident(stranger);
    expect(await store.getIncident(stranger.id)).toBeNull();
  });

  it("frees the open slot when the incident resolves, so a new one opens", async () => {
    const first = await openNew();
    minute += 1;
    const refused = await store.openIncident(openIncidentRecord(minute));
    expect(refused).toEqual({ incident: first, created: false });

    const resolved = await resolve(first);
    expect(await store.openedIncident()).toBeNull();
    expect(await store.getIncident(first.id)).toEqual(resolved);
    const second = await openNew();
    expect(second.id).not.toBe(first.id);
    expect(await store.openedIncident()).toEqual(second);
    await resolve(second);
  });

  it("never reopens a resolved incident from a stale copy, but takes later changes to the resolved one", async () => {
    const incident = await openNew();
    const resolved = await resolve(incident);
    await store.saveIncident({ ...incident, updatedAt: resolved.updatedAt, severity: "P2" });
    expect(await store.getIncident(incident.id)).toEqual(resolved);
    expect(await store.openedIncident()).toBeNull();

    const announced: Incident = {
      ...resolved,
      timeline: [...resolved.timeline, { at: resolved.updatedAt, event: "announcement", detail: "sent" }],
    };
    await store.saveIncident(announced);
    expect(await store.getIncident(incident.id)).toEqual(announced);
  });

  it("saves on the version last read only: a save from a stale copy changes nothing and answers false", async () => {
    const incident = await openNew();
    const minuteLater = (minutes: number) =>
      new Date(Date.parse(incident.openedAt) + minutes * 60_000).toISOString();
    const first: Incident = { ...incident, updatedAt: minuteLater(1), severity: "P3" };
    expect(await store.saveIncident(first, incident.updatedAt)).toBe(true);
    // Another instance's copy, read before the save above: refused, the stored record untouched.
    const stale: Incident = { ...incident, updatedAt: minuteLater(2), severity: "P2" };
    expect(await store.saveIncident(stale, incident.updatedAt)).toBe(false);
    expect(await store.getIncident(incident.id)).toEqual(first);
    // Counts saved without a new timeline entry keep updatedAt: the same version saves again.
    const counted: Incident = { ...first, severity: "P4" };
    expect(await store.saveIncident(counted, first.updatedAt)).toBe(true);
    expect(await store.getIncident(incident.id)).toEqual(counted);
    const resolved = resolvedRecord(counted);
    expect(await store.saveIncident(resolved, counted.updatedAt)).toBe(true);
    // A copy still open, whatever version it names, never reopens it, and says so.
    expect(await store.saveIncident({ ...counted, updatedAt: resolved.updatedAt }, resolved.updatedAt)).toBe(
      false,
    );
    expect(await store.saveIncident({ ...counted, updatedAt: minuteLater(20) })).toBe(false);
    expect(await store.getIncident(incident.id)).toEqual(resolved);
    expect(await store.saveIncident({ ...resolved, severity: "P2" })).toBe(true);
    expect(await store.saveIncident(resolvedRecord(openIncidentRecord(0)), incident.updatedAt)).toBe(false);
  });

  it("lists the newest first, at most `limit`, the open one among them", async () => {
    const oldest = await resolve(await openNew());
    const middle = await resolve(await openNew());
    const newest = await openNew();
    expect(await store.listIncidents(3)).toEqual([newest, middle, oldest]);
    expect(await store.listIncidents(2)).toEqual([newest, middle]);
    expect(await store.listIncidents(1)).toEqual([newest]);
    await resolve(newest);
  });

  it(`keeps the newest ${MAX_KEPT_INCIDENTS} resolved incidents and deletes the oldest beyond them`, async () => {
    const resolved: Incident[] = [];
    for (let index = 0; index < MAX_KEPT_INCIDENTS + 3; index += 1) {
      resolved.push(await resolve(await openNew()));
    }
    const open = await openNew();

    const listed = await store.listIncidents(MAX_KEPT_INCIDENTS + 50);
    expect(listed).toHaveLength(MAX_KEPT_INCIDENTS + 1);
    expect(listed[0]).toEqual(open);
    expect(listed.slice(1)).toEqual(resolved.slice(3).reverse());
    for (const gone of resolved.slice(0, 3)) expect(await store.getIncident(gone.id)).toBeNull();
  }, 120_000);
});

describe("SQLite incident store: records that no longer parse, a restart", () => {
  let directory: string;
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), "cita-incidents-"));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it("skips an unreadable document with a log line, and releases an unreadable open one", async () => {
    const path = join(directory, "unreadable.db");
    const calendars = await openSqliteStore(path);
    const logged: LogRecord[] = [];
    const store = calendars.incidents({ debug() {}, info() {}, error: (record) => logged.push(record) });
    const resolved = resolvedRecord(openIncidentRecord(1));
    await store.openIncident(openIncidentRecord(1, { id: resolved.id }));
    await store.saveIncident(resolved);
    const open = openIncidentRecord(2);
    await store.openIncident(open);
    const database = new Database(path);
    database.prepare("UPDATE incidents SET document = ? WHERE id = ?").run('{"id": "inc_', resolved.id);
    database.prepare("UPDATE incidents SET document = ? WHERE id = ?").run("[]", open.id);
    database.close();

    expect(await store.getIncident(resolved.id)).toBeNull();
    expect(await store.listIncidents(10)).toEqual([]);
    expect(await store.openedIncident()).toBeNull();
    expect(logged).toContainEqual({
      event: "incident_unreadable",
      incident: resolved.id,
      reason: "not JSON",
    });
    expect(logged).toContainEqual({
      event: "incident_unreadable",
      incident: open.id,
      reason: "not an object",
    });
    // The unreadable open row would hold the one open slot for ever: the next opening releases it.
    const next = openIncidentRecord(3);
    expect(await store.openIncident(next)).toEqual({ incident: next, created: true });
    expect(await store.openedIncident()).toEqual(next);
    await calendars.close();
  });

  it("gives a store on the same file, after a restart, the open incident the first one opened", async () => {
    const path = join(directory, "restart.db");
    const first = await openSqliteStore(path);
    const open = openIncidentRecord(1);
    await first.incidents(silent).openIncident(open);
    await first.close();

    const second = await openSqliteStore(path);
    const incidents = second.incidents(silent);
    expect(await incidents.openedIncident()).toEqual(open);
    expect(await incidents.openIncident(openIncidentRecord(2))).toEqual({ incident: open, created: false });
    await second.close();
  });
});

const silent = { debug() {}, info() {}, error() {} };

/** A database holding the calendar schema as it was before incidents (migrations below 4) and a calendar. */
interface OlderDatabase {
  /** Runs one statement of the engine's dialect. */
  run(statement: Statement): Promise<void>;
  /** The calendar store on that database, with its migrations applied. */
  open(): Promise<CalendarStore>;
  dispose(): Promise<void>;
}

/** The migration that adds the incidents; PostgreSQL's own (numbered from 1001) predate it too. */
const INCIDENTS_MIGRATION = 4;

async function applyOlderSchema(database: OlderDatabase, migrations: readonly Migration[]): Promise<void> {
  await database.run({ sql: CREATE_SCHEMA_MIGRATIONS, params: [] });
  const older = migrations.filter((each) => each.version < INCIDENTS_MIGRATION || each.version > 1000);
  for (const migration of older) {
    for (const sql of migration.statements) await database.run({ sql, params: [] });
    await database.run({ sql: RECORD_MIGRATION, params: [migration.version, migration.name] });
  }
  await database.run(putCalendarStatement(calendarFixture("before-incidents")));
}

const olderDatabases: Array<{ name: string; skip: boolean; create(): Promise<OlderDatabase> }> = [
  {
    name: "SQLite",
    skip: false,
    async create() {
      const directory = mkdtempSync(join(tmpdir(), "cita-upgrade-"));
      const path = join(directory, "cita.db");
      const raw = new Database(path);
      let store: CalendarStore | undefined;
      return {
        async run({ sql, params }) {
          raw.prepare(sql).run(...params);
        },
        async open() {
          raw.close();
          store = await openSqliteStore(path);
          return store;
        },
        async dispose() {
          await store?.close?.();
          rmSync(directory, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: "D1",
    skip: false,
    async create() {
      const miniflare = new Miniflare({
        modules: true,
        script: "export default { fetch() { return new Response(null, { status: 404 }); } };",
        d1Databases: ["DB"],
        cf: false,
      });
      const binding = await miniflare.getD1Database("DB");
      return {
        async run({ sql, params }) {
          await binding
            .prepare(sql)
            .bind(...params)
            .run();
        },
        async open() {
          const store = new D1CalendarStore(binding);
          await store.migrate();
          return store;
        },
        dispose: () => miniflare.dispose(),
      };
    },
  },
  {
    name: "PostgreSQL",
    skip: postgresSkipReason() !== null,
    async create() {
      const server = await startPostgres();
      const url = await server.createDatabase("upgrade");
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      let store: CalendarStore | undefined;
      return {
        async run(statement) {
          await client.query(postgresStatement(statement));
        },
        async open() {
          store = await openPostgresStore(url);
          return store;
        },
        async dispose() {
          await client.end();
          await store?.close?.();
          server.stop();
        },
      };
    },
  },
];

describe("migration 4 on a database that predates incidents", () => {
  it.each(olderDatabases.filter((each) => !each.skip))(
    "$name: keeps the calendars, adds the table, and the store works",
    async ({ name, create }) => {
      const database = await create();
      try {
        await applyOlderSchema(database, name === "PostgreSQL" ? POSTGRES_MIGRATIONS : MIGRATIONS);
        const store = await database.open();
        expect(await store.getCalendar("before-incidents")).toEqual(calendarFixture("before-incidents"));
        const incidents = store.incidents(silent);
        const open = openIncidentRecord(1);
        expect(await incidents.openIncident(open)).toEqual({ incident: open, created: true });
        expect(await incidents.listIncidents(5)).toEqual([open]);
        await store.migrate();
        expect(await incidents.openedIncident()).toEqual(open);
      } finally {
        await database.dispose();
      }
    },
    60_000,
  );
});
