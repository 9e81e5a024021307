// Issue 16, item 6: the SQLite files held bookings' names and notes world-readable (0644). An attacker with
// a shell account on the host reads them; after the fix the data folder is 0700 and the database, its WAL
// and its shared-memory file are 0600, also after a booking has been written and for files left 0644 by an
// earlier version.
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../src/calendars/sqlite-store.js";
import { calendarFixture } from "../support/calendar-store-harness.js";

const mode = (path: string) => statSync(path).mode & 0o777;

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "cita-modes-"));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe("SQLite file modes", () => {
  it("creates the data folder 0700 and the database, WAL and shm files 0600, before and after a write", async () => {
    const folder = join(root, "data");
    const path = join(folder, "cita.db");
    const store = await openSqliteStore(path);
    try {
      await store.putCalendar(calendarFixture("luna"));
      expect(mode(folder)).toBe(0o700);
      for (const file of [path, `${path}-wal`, `${path}-shm`]) expect(mode(file), file).toBe(0o600);
    } finally {
      await store.close();
    }
  });

  it("closes up a database an earlier version left world-readable", async () => {
    const path = join(root, "old.db");
    writeFileSync(path, "");
    chmodSync(path, 0o644);
    const store = await openSqliteStore(path);
    await store.close();
    expect(mode(path)).toBe(0o600);
  });
});
