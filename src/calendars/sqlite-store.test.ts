// The SQLite store's calendar reads are served from rows read before while the database is unchanged: a
// calendar changed through this store, through another store on the same file or from another connection
// must read back as changed.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqliteStore, type SqliteCalendarStore } from "./sqlite-store.js";
import type { Calendar } from "./types.js";

const calendar: Calendar = {
  id: "luna",
  name: "Clínica Luna",
  timezone: "Europe/Madrid",
  slotMinutes: 30,
  bufferMinutes: 0,
  openingHours: { monday: [{ from: "09:00", to: "14:00" }] },
  closures: [],
};

let directory: string;
let path: string;
let store: SqliteCalendarStore;
let other: SqliteCalendarStore;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), "cita-sqlite-store-"));
  path = join(directory, "calendars.db");
  store = await openSqliteStore(path);
  other = await openSqliteStore(path);
});

afterAll(async () => {
  await store.close();
  await other.close();
  rmSync(directory, { recursive: true, force: true });
});

describe("SqliteCalendarStore calendar reads", () => {
  it("reads a calendar put through the same store, and its update", async () => {
    await store.putCalendar(calendar);
    expect(await store.getCalendar("luna")).toEqual(calendar);
    const updated = { ...calendar, slotMinutes: 20 };
    await store.putCalendar(updated);
    expect(await store.getCalendar("luna")).toEqual(updated);
  });

  it("reads a calendar changed through another store on the same file", async () => {
    await store.putCalendar(calendar);
    expect(await store.getCalendar("luna")).toEqual(calendar);
    const updated = { ...calendar, timezone: "Atlantic/Canary" };
    await other.putCalendar(updated);
    expect(await store.getCalendar("luna")).toEqual(updated);
  });

  it("reads a calendar changed or removed by another connection", async () => {
    await store.putCalendar(calendar);
    expect(await store.getCalendar("luna")).toEqual(calendar);
    const connection = new Database(path);
    try {
      connection.prepare("UPDATE calendars SET name = ? WHERE id = ?").run("Clínica Sol", "luna");
      expect(await store.getCalendar("luna")).toEqual({ ...calendar, name: "Clínica Sol" });
      connection.prepare("DELETE FROM calendars WHERE id = ?").run("luna");
      expect(await store.getCalendar("luna")).toBeNull();
    } finally {
      connection.close();
    }
  });

  it("reads a zone stored in another letter case in its canonical spelling", async () => {
    await store.putCalendar(calendar);
    const connection = new Database(path);
    try {
      connection.prepare("UPDATE calendars SET timezone = ? WHERE id = ?").run("eUrOpE/mAdRiD", "luna");
      expect(await store.getCalendar("luna")).toEqual(calendar);
    } finally {
      connection.close();
    }
  });

  it("hands out a calendar of its own on every read", async () => {
    await store.putCalendar(calendar);
    const first = await store.getCalendar("luna");
    first?.closures.push({ from: "2026-01-01", to: "2026-01-01" });
    first?.openingHours.monday?.push({ from: "16:00", to: "18:00" });
    if (first?.openingHours.monday?.[0]) first.openingHours.monday[0].to = "12:00";
    expect(await store.getCalendar("luna")).toEqual(calendar);
  });
});
