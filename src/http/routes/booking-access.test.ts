// Who reads and cancels one booking once keys exist, and what each reader sees; a key's own Idempotency-Keys;
// its cap of active bookings.
import { describe, expect, it } from "vitest";
import { CALENDAR, KEYS_ADMIN_TOKEN, keyedApps } from "../../../test/support/keyed-app.js";

const open = keyedApps();

const pathOf = (id: string) => `/v1/calendars/${CALENDAR}/bookings/${id}`;

describe("reading a booking", () => {
  it("shows everything to its key, a calendars key and the admin token; the notes to no token-only reader", async () => {
    const app = await open();
    const creator = await app.createKey(["book"]);
    const calendars = await app.createKey(["calendars"]);
    const booked = await app.book(creator.secret, 20);
    expect(booked.status).toBe(201);
    const { booking, bookingToken } = booked.body;
    expect(booking.notes).toBe("alergia a penicilina");
    expect(bookingToken).toMatch(/^cita_bt_/);
    for (const reader of [creator.secret, calendars.secret, KEYS_ADMIN_TOKEN]) {
      expect((await app.call("GET", pathOf(booking.id), reader)).body).toEqual({ booking });
    }
    const { notes: _notes, ...withoutNotes } = booking;
    const byToken = await app.call("GET", pathOf(booking.id), bookingToken);
    expect(byToken.body).toEqual({ booking: withoutNotes });
  });

  it("opens nothing to a bare id, another key (404, as if absent) or another booking's token (401)", async () => {
    const app = await open();
    const creator = await app.createKey(["book"]);
    const other = await app.createKey(["book", "parse"]);
    const first = (await app.book(creator.secret, 20)).body;
    const second = (await app.book(other.secret, 22)).body;
    const bare = await app.call("GET", pathOf(first.booking.id));
    expect(bare.status).toBe(401);
    expect(bare.body.error.message).toContain("booking's token");
    expect((await app.call("DELETE", pathOf(first.booking.id))).status).toBe(401);
    const stranger = await app.call("GET", pathOf(first.booking.id), other.secret);
    expect(stranger.status).toBe(404);
    expect(stranger.body.error.code).toBe("not_found");
    expect((await app.call("DELETE", pathOf(first.booking.id), other.secret)).status).toBe(404);
    const wrongToken = await app.call("GET", pathOf(first.booking.id), second.bookingToken);
    expect(wrongToken.status).toBe(401);
    expect((await app.call("DELETE", pathOf(first.booking.id), second.bookingToken)).status).toBe(401);
    expect((await app.call("GET", pathOf(first.booking.id), "cita_bt_forged")).status).toBe(401);
    expect((await app.store.getBooking(CALENDAR, first.booking.id))?.status).toBe("confirmed");
  });

  it("tells a made-up token nothing about which ids exist: 401 for a booking there and one not there", async () => {
    const app = await open();
    const creator = await app.createKey(["book"]);
    const there = (await app.book(creator.secret, 24)).body.booking.id;
    const notThere = `${there.slice(0, -4)}zzzz`;
    for (const id of [there, notThere]) {
      for (const method of ["GET", "DELETE"]) {
        const answer = await app.call(method, pathOf(id), "cita_bt_made-up");
        expect([id === there, method, answer.status, answer.body.error.message]).toEqual([
          id === there,
          method,
          401,
          "This token does not open this booking.",
        ]);
      }
    }
    // A key holder still gets 404 for an id that is not there.
    expect((await app.call("GET", pathOf(notThere), creator.secret)).status).toBe(404);
  });

  it("a booking made before keys existed has no token: only a key with calendars or the admin reads it", async () => {
    const app = await open();
    const before = (await app.book(undefined, 20)).body.booking;
    const calendars = await app.createKey(["calendars"]);
    const book = await app.createKey(["book"]);
    expect((await app.call("GET", pathOf(before.id), book.secret)).status).toBe(404);
    expect((await app.call("GET", pathOf(before.id), calendars.secret)).body).toEqual({ booking: before });
  });
});

describe("cancelling a booking", () => {
  it("records who and when, shown to key holders and the admin, not to the token-only reader", async () => {
    const app = await open();
    const creator = await app.createKey(["book"]);
    const { booking, bookingToken } = (await app.book(creator.secret, 20)).body;
    const cancelled = await app.call("DELETE", pathOf(booking.id), bookingToken);
    expect(cancelled.status).toBe(200);
    const { notes: _notes, ...withoutNotes } = booking;
    expect(cancelled.body).toEqual({ booking: { ...withoutNotes, status: "cancelled" } });
    const record = {
      status: "cancelled",
      cancelledBy: "token",
      cancelledAt: "2026-01-05T08:00:00+00:00",
    };
    expect((await app.call("GET", pathOf(booking.id), creator.secret)).body.booking).toEqual({
      ...booking,
      ...record,
    });
    expect((await app.call("GET", pathOf(booking.id), KEYS_ADMIN_TOKEN)).body.booking).toMatchObject(record);
    // A second cancel keeps the first record.
    const again = await app.call("DELETE", pathOf(booking.id), creator.secret);
    expect(again.body.booking).toMatchObject(record);
  });

  it.each([
    ["the creating key", "creator"],
    ["a calendars key", "calendars"],
    ["the admin token", "admin"],
  ])("records %s", async (_name, who) => {
    const app = await open();
    const creator = await app.createKey(["book"]);
    const calendars = await app.createKey(["calendars"]);
    const { booking } = (await app.book(creator.secret, 20)).body;
    const secret = { creator: creator.secret, calendars: calendars.secret, admin: KEYS_ADMIN_TOKEN }[who];
    const cancelled = await app.call("DELETE", pathOf(booking.id), secret);
    const by = { creator: creator.id, calendars: calendars.id, admin: "admin" }[who];
    expect(cancelled.body.booking).toMatchObject({ status: "cancelled", cancelledBy: by });
  });
});

describe("Idempotency-Keys and the booking token", () => {
  it("a replay answers the first booking without its token; another key's same Idempotency-Key replays nothing", async () => {
    const app = await open();
    const first = await app.createKey(["book"]);
    const second = await app.createKey(["book"]);
    const headers = { "idempotency-key": "checkout-1" };
    const created = await app.book(first.secret, 20, {}, headers);
    expect(created.body.bookingToken).toMatch(/^cita_bt_/);
    const replay = await app.book(first.secret, 20, {}, headers);
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.body).toEqual({ booking: created.body.booking });
    // The other key's identical request is its own: it meets the taken slot, not the first key's booking.
    const other = await app.book(second.secret, 20, {}, headers);
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe("slot_unavailable");
    expect((await app.book(second.secret, 24, {}, headers)).body.booking.id).not.toBe(
      created.body.booking.id,
    );
  });
});

describe("MAX_ACTIVE_BOOKINGS_PER_KEY", () => {
  it("refuses a key's next booking 422 key_booking_limit at its cap; anonymous and other keys go on", async () => {
    const app = await open({ MAX_ACTIVE_BOOKINGS_PER_KEY: "2", ALLOW_ANONYMOUS: "true" });
    const key = await app.createKey(["book"]);
    const other = await app.createKey(["book"]);
    expect((await app.book(key.secret, 20, { contact: "a" })).status).toBe(201);
    const second = await app.book(key.secret, 21, { contact: "b" });
    expect(second.status).toBe(201);
    const refused = await app.book(key.secret, 22, { contact: "c" });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({
      code: "key_booking_limit",
      message: "This client key already holds 2 active bookings in this calendar; cancel one first.",
    });
    expect((await app.book(other.secret, 22, { contact: "c" })).status).toBe(201);
    expect((await app.book(undefined, 23, { contact: "d" })).status).toBe(201);
    await app.call("DELETE", pathOf(second.body.booking.id), key.secret);
    expect((await app.book(key.secret, 24, { contact: "e" })).status).toBe(201);
  });

  it("0 lifts the cap", async () => {
    const app = await open({ MAX_ACTIVE_BOOKINGS_PER_KEY: "0" });
    const key = await app.createKey(["book"]);
    for (let slot = 20; slot < 24; slot++)
      expect((await app.book(key.secret, slot, { contact: `c${slot}` })).status).toBe(201);
  });
});
