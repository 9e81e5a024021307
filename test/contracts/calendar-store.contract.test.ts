// The calendar store contract, run against every implementation (SQLite on Node, D1 through miniflare,
// PostgreSQL on a private server), then
// the Node-only reliability cases: real concurrency across processes, restart, and a process killed mid-booking.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../src/calendars/migrations.js";
import { openSqliteStore, SqliteCalendarStore } from "../../src/calendars/sqlite-store.js";
import {
  type BookingResult,
  type CalendarStore,
  IDEMPOTENCY_KEY_LIFETIME_MS,
} from "../../src/calendars/store.js";
import {
  BASE_MS,
  bookingFixture,
  calendarFixture,
  describeEachStore,
  MINUTE,
  type OpenedStore,
} from "../support/calendar-store-harness.js";
import { forkChild, nextMessage, readUntil } from "../support/sqlite-store-children.js";

function kinds(results: BookingResult[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const result of results) counts[result.kind] = (counts[result.kind] ?? 0) + 1;
  return counts;
}

describeEachStore("calendar store contract: $name", (harness) => {
  let opened: OpenedStore;
  let store: CalendarStore;
  let calendarCount = 0;

  /** A fresh calendar per test, so the tests share one database without seeing each other's bookings. */
  async function newCalendar(bufferMinutes = 0): Promise<string> {
    calendarCount += 1;
    const id = `calendar-${calendarCount}`;
    await store.putCalendar(calendarFixture(id, { bufferMinutes }));
    return id;
  }

  beforeAll(async () => {
    opened = await harness.open();
    store = opened.store;
  });
  afterAll(async () => opened?.dispose());

  it("migrates again without error or change", async () => {
    await store.migrate();
    const id = await newCalendar();
    await store.migrate();
    expect(await store.getCalendar(id)).toEqual(calendarFixture(id));
  });

  it("round-trips a calendar and updates it in place", async () => {
    const calendar = calendarFixture("round-trip");
    await store.putCalendar(calendar);
    expect(await store.getCalendar("round-trip")).toEqual(calendar);

    const updated = calendarFixture("round-trip", {
      name: "Clínica Luna",
      timezone: "America/Mexico_City",
      slotMinutes: 45,
      bufferMinutes: 10,
      openingHours: { tuesday: [{ from: "08:30", to: "12:00" }] },
      closures: [],
    });
    await store.putCalendar(updated);
    expect(await store.getCalendar("round-trip")).toEqual(updated);
    expect(await store.getCalendar("nowhere")).toBeNull();
  });

  it("round-trips a booking horizon, and reads a calendar without one as it was written", async () => {
    const calendar = { ...calendarFixture("horizon"), bookingHorizonDays: 30 };
    await store.putCalendar(calendar);
    expect(await store.getCalendar("horizon")).toEqual(calendar);
    await store.putCalendar(calendarFixture("horizon"));
    expect(await store.getCalendar("horizon")).toEqual(calendarFixture("horizon"));
  });

  it("caps a contact's active bookings in the insert itself, by calendar and without ASCII case", async () => {
    const calendarId = await newCalendar();
    const limit = { contactLimit: { max: 2, nowMs: BASE_MS } };
    const book = (offset: number, contact: string | null, extra: object = limit) =>
      store.createBooking(bookingFixture(calendarId, offset, 30, { contact, ...extra }));
    expect((await book(0, "ana@example.com")).kind).toBe("created");
    expect((await book(60, "ANA@example.com")).kind).toBe("created");
    expect(await book(120, "Ana@Example.com")).toEqual({ kind: "contact_limit" });
    // Another contact, no contact, or no cap: not limited.
    expect((await book(180, "luis@example.com")).kind).toBe("created");
    expect((await book(240, null)).kind).toBe("created");
    expect((await book(300, "ana@example.com", {})).kind).toBe("created");
    // A taken slot with room under the cap is still a conflict.
    expect(await book(180, "maria@example.com")).toEqual({ kind: "conflict" });
    // Bookings that ended by nowMs, and cancelled ones, no longer count.
    // At +45 min ana holds 60–90 and 300–330 (the uncapped one counts too); at +90 only 300–330.
    const at = (minutes: number) => ({ contactLimit: { max: 2, nowMs: BASE_MS + minutes * MINUTE } });
    expect((await book(360, "ana@example.com", at(45))).kind).toBe("contact_limit");
    expect((await book(360, "ana@example.com", at(90))).kind).toBe("created");
    const first = await book(420, "eva@example.com");
    expect((await book(480, "eva@example.com")).kind).toBe("created");
    expect(await book(540, "eva@example.com")).toEqual({ kind: "contact_limit" });
    if (first.kind !== "created") throw new Error("expected the first booking to be created");
    await store.cancelBooking(calendarId, first.booking.id);
    expect((await book(540, "eva@example.com")).kind).toBe("created");
  });

  it("caps a contact's bookings with an Idempotency-Key too, and replays before it refuses", async () => {
    const calendarId = await newCalendar();
    const limit = { max: 1, nowMs: BASE_MS };
    const first = bookingFixture(calendarId, 0, 30, {
      contactLimit: limit,
      idempotencyKey: "k1",
      requestHash: "h1",
    });
    expect((await store.createBooking(first)).kind).toBe("created");
    expect((await store.createBooking({ ...first, id: "booking-replay" })).kind).toBe("replayed");
    const second = bookingFixture(calendarId, 60, 30, {
      contactLimit: limit,
      idempotencyKey: "k2",
      requestHash: "h2",
    });
    expect(await store.createBooking(second)).toEqual({ kind: "contact_limit" });
  });

  it("creates, reads and cancels a booking", async () => {
    const calendarId = await newCalendar();
    const request = bookingFixture(calendarId, 60, 30, { notes: "primera visita" });
    const result = await store.createBooking(request);
    const expected = {
      id: request.id,
      calendarId,
      start: request.start,
      end: request.end,
      contact: "ana@example.com",
      service: "revisión",
      notes: "primera visita",
      status: "confirmed",
      createdAt: request.createdAt,
    };
    expect(result).toEqual({ kind: "created", booking: expected });
    expect(await store.getBooking(calendarId, request.id)).toEqual(expected);
    expect(await store.getBooking("another-calendar", request.id)).toBeNull();
    expect(await store.confirmedBookings(calendarId, BASE_MS, BASE_MS + 24 * 60 * MINUTE)).toEqual([
      expected,
    ]);

    expect(await store.cancelBooking(calendarId, request.id)).toEqual({ ...expected, status: "cancelled" });
    expect(await store.getBooking(calendarId, request.id)).toEqual({ ...expected, status: "cancelled" });
    expect(await store.confirmedBookings(calendarId, BASE_MS, BASE_MS + 24 * 60 * MINUTE)).toEqual([]);
    expect(await store.cancelBooking(calendarId, "no-such-booking")).toBeNull();
  });

  it("lists the confirmed bookings that overlap a range, in order", async () => {
    const calendarId = await newCalendar();
    const late = bookingFixture(calendarId, 120, 30);
    const early = bookingFixture(calendarId, 0, 30);
    const outside = bookingFixture(calendarId, 300, 30);
    for (const request of [late, early, outside])
      expect((await store.createBooking(request)).kind).toBe("created");

    const found = await store.confirmedBookings(calendarId, BASE_MS + 15 * MINUTE, BASE_MS + 130 * MINUTE);
    expect(found.map((booking) => booking.id)).toEqual([early.id, late.id]);
    // [from, to) is half-open: a booking ending at `from` or starting at `to` is not in it.
    expect(await store.confirmedBookings(calendarId, BASE_MS + 30 * MINUTE, BASE_MS + 120 * MINUTE)).toEqual(
      [],
    );
  });

  it("allows adjacent slots and refuses every kind of overlap", async () => {
    const calendarId = await newCalendar();
    expect((await store.createBooking(bookingFixture(calendarId, 60, 30))).kind).toBe("created");

    expect((await store.createBooking(bookingFixture(calendarId, 90, 30))).kind).toBe("created");
    expect((await store.createBooking(bookingFixture(calendarId, 30, 30))).kind).toBe("created");
    for (const [offset, minutes] of [
      [75, 30], // starts inside
      [45, 30], // ends inside
      [60, 30], // the same slot
      [65, 10], // contained
      [20, 120], // contains
    ] as const) {
      expect((await store.createBooking(bookingFixture(calendarId, offset, minutes))).kind).toBe("conflict");
    }
    expect(await store.confirmedBookings(calendarId, BASE_MS, BASE_MS + 240 * MINUTE)).toHaveLength(3);
  });

  it("keeps the buffer free on both sides of a booking", async () => {
    const calendarId = await newCalendar(15);
    const buffered = (offset: number, minutes: number) =>
      store.createBooking(bookingFixture(calendarId, offset, minutes, { bufferMinutes: 15 }));
    expect((await buffered(60, 30)).kind).toBe("created");

    expect((await buffered(90, 30)).kind).toBe("conflict"); // right after: inside the buffer
    expect((await buffered(100, 30)).kind).toBe("conflict"); // 10 min after
    expect((await buffered(30, 20)).kind).toBe("conflict"); // ends 10 min before
    expect((await buffered(105, 30)).kind).toBe("created"); // exactly 15 min after
    expect((await buffered(15, 30)).kind).toBe("created"); // ends exactly 15 min before
  });

  it("frees the slot of a cancelled booking, and calendars do not share slots", async () => {
    const calendarId = await newCalendar();
    const otherId = await newCalendar();
    const first = bookingFixture(calendarId, 60, 30);
    expect((await store.createBooking(first)).kind).toBe("created");
    expect((await store.createBooking(bookingFixture(otherId, 60, 30))).kind).toBe("created");
    expect((await store.createBooking(bookingFixture(calendarId, 60, 30))).kind).toBe("conflict");

    await store.cancelBooking(calendarId, first.id);
    expect((await store.createBooking(bookingFixture(calendarId, 60, 30))).kind).toBe("created");
  });

  it("replays an idempotent retry with the first booking and creates nothing new", async () => {
    const calendarId = await newCalendar();
    const keyed = { idempotencyKey: "key-1", requestHash: "hash-a" };
    const first = bookingFixture(calendarId, 60, 30, keyed);
    const created = await store.createBooking(first);
    expect(created.kind).toBe("created");

    // A retry carries a fresh booking id (the route makes one per request) and the same key and body.
    const retry = bookingFixture(calendarId, 60, 30, keyed);
    const replayed = await store.createBooking(retry);
    expect(replayed).toEqual({ kind: "replayed", booking: (created as { booking: unknown }).booking });
    expect(await store.getBooking(calendarId, retry.id)).toBeNull();
    expect(await store.confirmedBookings(calendarId, BASE_MS, BASE_MS + 240 * MINUTE)).toHaveLength(1);

    // The key belongs to its calendar: the same key elsewhere is a new request.
    const otherId = await newCalendar();
    expect((await store.createBooking(bookingFixture(otherId, 60, 30, keyed))).kind).toBe("created");
  });

  it("replays the first answer (confirmed) after the booking was cancelled, and books nothing", async () => {
    const calendarId = await newCalendar();
    const keyed = { idempotencyKey: "key-cancel", requestHash: "hash-a" };
    const created = await store.createBooking(bookingFixture(calendarId, 60, 30, keyed));
    if (created.kind !== "created") throw new Error(created.kind);
    expect((await store.cancelBooking(calendarId, created.booking.id))?.status).toBe("cancelled");

    const retry = bookingFixture(calendarId, 60, 30, keyed);
    expect(await store.createBooking(retry)).toEqual({ kind: "replayed", booking: created.booking });
    expect(await store.getBooking(calendarId, retry.id)).toBeNull();
    expect(await store.confirmedBookings(calendarId, BASE_MS, BASE_MS + 240 * MINUTE)).toHaveLength(0);
  });

  it("forgets a key 24 hours after its booking: the same key and request then book anew", async () => {
    const calendarId = await newCalendar();
    const keyed = { idempotencyKey: "key-expiry", requestHash: "hash-a" };
    const createdAt = Date.parse("2026-03-01T12:00:00.000Z");
    const at = (ms: number) => ({ ...keyed, createdAt: new Date(ms).toISOString() });
    const first = await store.createBooking(bookingFixture(calendarId, 60, 30, at(createdAt)));
    if (first.kind !== "created") throw new Error(first.kind);
    await store.cancelBooking(calendarId, first.booking.id);

    // A millisecond before the 24 hours end the key still holds; at 24 hours it is gone.
    const justBefore = bookingFixture(calendarId, 60, 30, at(createdAt + IDEMPOTENCY_KEY_LIFETIME_MS - 1));
    expect((await store.createBooking(justBefore)).kind).toBe("replayed");
    const after = bookingFixture(calendarId, 60, 30, at(createdAt + IDEMPOTENCY_KEY_LIFETIME_MS));
    expect((await store.createBooking(after)).kind).toBe("created");
    expect((await store.getBooking(calendarId, after.id))?.status).toBe("confirmed");
    // The new booking holds the key afresh: a retry now replays it.
    const retry = bookingFixture(calendarId, 60, 30, at(createdAt + IDEMPOTENCY_KEY_LIFETIME_MS + 1));
    expect(await store.createBooking(retry)).toMatchObject({ kind: "replayed", booking: { id: after.id } });
  });

  it("refuses a key reused for another request and changes nothing", async () => {
    const calendarId = await newCalendar();
    const first = bookingFixture(calendarId, 60, 30, { idempotencyKey: "key-2", requestHash: "hash-a" });
    expect((await store.createBooking(first)).kind).toBe("created");

    const other = bookingFixture(calendarId, 180, 30, { idempotencyKey: "key-2", requestHash: "hash-b" });
    expect(await store.createBooking(other)).toEqual({ kind: "key_reused" });
    expect(await store.getBooking(calendarId, other.id)).toBeNull();
    expect(await store.confirmedBookings(calendarId, BASE_MS, BASE_MS + 600 * MINUTE)).toHaveLength(1);
  });

  it("does not spend a key on a conflict, so a later retry can still book", async () => {
    const calendarId = await newCalendar();
    const blocker = bookingFixture(calendarId, 60, 30);
    await store.createBooking(blocker);
    const keyed = { idempotencyKey: "key-3", requestHash: "hash-a" };
    expect((await store.createBooking(bookingFixture(calendarId, 60, 30, keyed))).kind).toBe("conflict");

    await store.cancelBooking(calendarId, blocker.id);
    expect((await store.createBooking(bookingFixture(calendarId, 60, 30, keyed))).kind).toBe("created");
  });

  it("creates exactly one of 50 concurrent overlapping bookings", async () => {
    const calendarId = await newCalendar();
    // Each starts a minute after the previous and lasts an hour, so every two of them overlap.
    const requests = Array.from({ length: 50 }, (_, index) => bookingFixture(calendarId, index, 60));
    const results = await Promise.all(requests.map((request) => store.createBooking(request)));

    expect(kinds(results)).toEqual({ created: 1, conflict: 49 });
    expect(await store.confirmedBookings(calendarId, BASE_MS, BASE_MS + 240 * MINUTE)).toHaveLength(1);
  });

  it("creates once for 20 concurrent retries with one key and replays the rest", async () => {
    const calendarId = await newCalendar();
    const keyed = { idempotencyKey: "key-4", requestHash: "hash-a" };
    const requests = Array.from({ length: 20 }, () => bookingFixture(calendarId, 60, 30, keyed));
    const results = await Promise.all(requests.map((request) => store.createBooking(request)));

    expect(kinds(results)).toEqual({ created: 1, replayed: 19 });
    const ids = new Set(results.map((result) => ("booking" in result ? result.booking.id : null)));
    expect(ids.size).toBe(1);
    expect(await store.confirmedBookings(calendarId, BASE_MS, BASE_MS + 240 * MINUTE)).toHaveLength(1);
  });

  it("lets one key create one booking even when 20 concurrent requests ask for different free slots", async () => {
    const calendarId = await newCalendar();
    // Slots far apart, so only the key (not the overlap rule) can stop the other 19.
    const requests = Array.from({ length: 20 }, (_, index) =>
      bookingFixture(calendarId, index * 60, 30, { idempotencyKey: "key-5", requestHash: `hash-${index}` }),
    );
    const results = await Promise.all(requests.map((request) => store.createBooking(request)));

    expect(kinds(results)).toEqual({ created: 1, key_reused: 19 });
    expect(await store.confirmedBookings(calendarId, BASE_MS, BASE_MS + 1440 * MINUTE)).toHaveLength(1);
  });
});

describe("SQLite store on Node: processes, restarts and crashes", () => {
  let directory: string;
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), "cita-sqlite-"));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it("keeps bookings across a restart and migrates only once", async () => {
    const path = join(directory, "nested", "restart.db");
    const first = await openSqliteStore(path);
    await first.putCalendar(calendarFixture("restart"));
    const request = bookingFixture("restart", 60, 30, { idempotencyKey: "key", requestHash: "hash" });
    expect((await first.createBooking(request)).kind).toBe("created");
    await first.close();

    const second = await openSqliteStore(path);
    expect((await second.getBooking("restart", request.id))?.status).toBe("confirmed");
    expect((await second.createBooking({ ...request, id: "retry" })).kind).toBe("replayed");
    await second.close();

    const database = new Database(path, { readonly: true });
    const versions = database.prepare("SELECT version FROM schema_migrations ORDER BY version").all();
    database.close();
    expect(versions).toEqual(MIGRATIONS.map((migration) => ({ version: migration.version })));
  });

  it("creates exactly one of 50 overlapping bookings raced by 5 processes with their own connections", async () => {
    const path = join(directory, "race.db");
    const setup = await openSqliteStore(path);
    await setup.putCalendar(calendarFixture("race"));
    await setup.close();

    const processes = 5;
    const perProcess = 10;
    const children = Array.from({ length: processes }, (_, index) =>
      forkChild(["race", path, "race", String(BASE_MS + index * perProcess * MINUTE), String(perProcess)]),
    );
    try {
      await Promise.all(children.map((child) => nextMessage(child)));
      const go = Date.now() + 100;
      const replies = children.map((child) => nextMessage(child));
      for (const child of children) child.send({ go });
      const all = (await Promise.all(replies)).flatMap((reply) => (reply as { kinds: string[] }).kinds);

      expect(all).toHaveLength(50);
      expect(all.filter((kind) => kind === "created")).toHaveLength(1);
      expect(all.filter((kind) => kind === "conflict")).toHaveLength(49);
    } finally {
      for (const child of children) child.kill("SIGKILL");
    }
    const store = new SqliteCalendarStore(path);
    expect(await store.confirmedBookings("race", BASE_MS, BASE_MS + 600 * MINUTE)).toHaveLength(1);
    await store.close();
  });

  it("leaves each booking whole or absent when the process is killed mid-booking", async () => {
    const path = join(directory, "crash.db");
    const setup = await openSqliteStore(path);
    await setup.putCalendar(calendarFixture("crash"));
    await setup.close();

    const child = forkChild(["loop", path, "crash"], { silent: true });
    const closed = new Promise((resolve) => child.once("close", resolve));
    const acknowledged = await readUntil(child, 150);
    child.kill("SIGKILL");
    // After "close" the array also holds what the child printed between the count and the kill.
    await closed;

    const database = new Database(path);
    try {
      expect(database.pragma("integrity_check", { simple: true })).toBe("ok");
      const bookingIds = new Set(
        database
          .prepare("SELECT id FROM bookings")
          .pluck()
          .all()
          .map((id) => String(id)),
      );
      // Every booking the child saw committed is there: a killed process loses no acknowledged booking.
      for (const id of acknowledged) expect(bookingIds.has(id)).toBe(true);
      expect(bookingIds.size).toBeGreaterThanOrEqual(acknowledged.length);
      // Whole or absent: no booking without its key, no key without its booking.
      const orphanBookings = database
        .prepare(`SELECT count(*) FROM bookings LEFT JOIN idempotency_keys ON booking_id = bookings.id
          WHERE booking_id IS NULL`)
        .pluck()
        .get();
      const orphanKeys = database
        .prepare(`SELECT count(*) FROM idempotency_keys LEFT JOIN bookings ON bookings.id = booking_id
          WHERE bookings.id IS NULL`)
        .pluck()
        .get();
      expect({ orphanBookings, orphanKeys }).toEqual({ orphanBookings: 0, orphanKeys: 0 });
    } finally {
      database.close();
    }
  });
});
