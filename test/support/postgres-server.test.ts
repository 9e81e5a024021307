// The private PostgreSQL's three ways, as promtool's: the tests run where PostgreSQL is installed; without
// it they skip and say why; with CITA_REQUIRE_POSTGRES set (as .ci/run sets it) a missing one fails them.
// And the server itself: it starts, takes connections on 127.0.0.1, and leaves nothing behind.
import { existsSync } from "node:fs";
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  POSTGRES_MISSING_REQUIRED,
  POSTGRES_MISSING_SKIPPED,
  postgresRequired,
  postgresSkipReason,
  startPostgres,
} from "./postgres-server.js";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("without PostgreSQL installed", () => {
  it("skips with the reason, naming the package", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(postgresSkipReason({}, null)).toBe(POSTGRES_MISSING_SKIPPED);
    expect(POSTGRES_MISSING_SKIPPED).toContain('"postgresql" package');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(POSTGRES_MISSING_SKIPPED));
  });

  it("fails instead where CITA_REQUIRE_POSTGRES is set, and only then", () => {
    expect(() => postgresSkipReason({ CITA_REQUIRE_POSTGRES: "1" }, null)).toThrow(POSTGRES_MISSING_REQUIRED);
    expect(postgresRequired({ CITA_REQUIRE_POSTGRES: "0" })).toBe(false);
    expect(postgresRequired({ CITA_REQUIRE_POSTGRES: " " })).toBe(false);
    expect(postgresSkipReason({ CITA_REQUIRE_POSTGRES: "1" }, "/usr/lib/postgresql/15/bin")).toBeNull();
  });
});

describe.skipIf(postgresSkipReason() !== null)("a private server", () => {
  it("answers on 127.0.0.1, makes databases, and is gone once stopped", async () => {
    const server = await startPostgres();
    const url = await server.createDatabase("probe");
    expect(url).toMatch(/^postgres:\/\/cita@127\.0\.0\.1:\d+\/probe$/);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    expect((await client.query("SELECT current_database() AS name")).rows).toEqual([{ name: "probe" }]);
    await client.end();
    expect(existsSync(server.folder)).toBe(true);
    server.stop();
    const after = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    await expect(after.connect()).rejects.toThrow();
    expect(existsSync(server.folder)).toBe(false);
  });
});
