// The calendar store's part of issue 16's client keys, run against SQLite, D1 and PostgreSQL alike: keys
// kept by the digest of their secret and revoked once; bookings that remember the key that made them and
// their token's digest; a per-key cap in the conditional insert; Idempotency-Keys scoped to their key; cancellations that
// record who and when.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { CalendarStore } from "../../src/calendars/store.js";
import type { NewClientKey } from "../../src/calendars/types.js";
import {
  BASE_MS,
  bookingFixture,
  calendarFixture,
  describeEachStore,
  MINUTE,
  type OpenedStore,
} from "../support/calendar-store-harness.js";

function newKey(id: string, extra: Partial<NewClientKey> = {}): NewClientKey {
  return {
    id,
    name: `web ${id}`,
    scopes: ["parse", "book"],
    ratePerMinute: { parse: 600 },
    createdAt: "2026-03-01T12:00:00.000Z",
    secretDigest: `digest-of-${id}`,
    ...extra,
  };
}

describeEachStore("client keys in the calendar store: $name", (harness) => {
  let opened: OpenedStore;
  let store: CalendarStore;
  let calendarCount = 0;

  async function newCalendar(): Promise<string> {
    calendarCount += 1;
    const id = `keys-calendar-${calendarCount}`;
    await store.putCalendar(calendarFixture(id));
    return id;
  }

  beforeAll(async () => {
    opened = await harness.open();
    store = opened.store;
  });

  afterAll(async () => {
    await opened?.dispose();
  });

  it("keeps keys by their digest, lists them without it, and revokes each once", async () => {
    expect(await store.hasClientKeys()).toBe(false);
    await store.createClientKey(newKey("key_a"));
    await store.createClientKey(newKey("key_b", { scopes: ["admin"], ratePerMinute: {} }));
    expect(await store.hasClientKeys()).toBe(true);
    const a = {
      id: "key_a",
      name: "web key_a",
      scopes: ["parse", "book"],
      ratePerMinute: { parse: 600 },
      createdAt: "2026-03-01T12:00:00.000Z",
      revokedAt: null,
    };
    expect(await store.findClientKey("digest-of-key_a")).toEqual(a);
    expect(await store.findClientKey("digest-of-nobody")).toBeNull();
    const listed = await store.listClientKeys();
    expect(listed.map((key) => key.id)).toEqual(["key_a", "key_b"]);
    expect(JSON.stringify(listed)).not.toContain("digest-of");

    const revoked = { ...a, revokedAt: "2026-03-02T08:00:00.000Z" };
    expect(await store.revokeClientKey("key_a", "2026-03-02T08:00:00.000Z")).toEqual(revoked);
    expect(await store.revokeClientKey("key_a", "2026-03-03T08:00:00.000Z")).toEqual(revoked);
    expect(await store.findClientKey("digest-of-key_a")).toEqual(revoked);
    expect(await store.revokeClientKey("key_none", "2026-03-02T08:00:00.000Z")).toBeNull();
    expect(await store.hasClientKeys()).toBe(true);
    await store.revokeClientKey("key_b", "2026-03-02T08:00:00.000Z");
    // Revoked keys still count: revoking the last key never reopens a deployment.
    expect(await store.hasClientKeys()).toBe(true);
  });

  it("refuses a second key with the same digest", async () => {
    await store.createClientKey(newKey("key_c"));
    await expect(
      store.createClientKey(newKey("key_d", { secretDigest: "digest-of-key_c" })),
    ).rejects.toThrow();
  });

  it("remembers the key that made a booking and its token's digest, answered only by getBooking", async () => {
    const calendarId = await newCalendar();
    const request = bookingFixture(calendarId, 0, 30, { createdByKey: "key_a", tokenDigest: "token-digest" });
    const result = await store.createBooking(request);
    if (result.kind !== "created") throw new Error(`expected created, got ${result.kind}`);
    expect(result.booking).not.toHaveProperty("tokenDigest");
    expect(result.booking).not.toHaveProperty("createdByKey");
    const stored = await store.getBooking(calendarId, request.id);
    expect(stored?.createdByKey).toBe("key_a");
    expect(stored?.tokenDigest).toBe("token-digest");
    const [confirmed] = await store.confirmedBookings(calendarId, BASE_MS, BASE_MS + 60 * MINUTE);
    expect(confirmed).not.toHaveProperty("tokenDigest");
    const anonymous = bookingFixture(calendarId, 60, 30);
    await store.createBooking(anonymous);
    const plain = await store.getBooking(calendarId, anonymous.id);
    expect(plain).not.toHaveProperty("createdByKey");
    expect(plain).not.toHaveProperty("tokenDigest");
  });

  it("records who cancelled and when, once", async () => {
    const calendarId = await newCalendar();
    const request = bookingFixture(calendarId, 0, 30);
    await store.createBooking(request);
    const cancelled = await store.cancelBooking(calendarId, request.id, {
      by: "key_a",
      at: "2026-03-01T13:00:00.000Z",
    });
    expect(cancelled).toMatchObject({
      status: "cancelled",
      cancelledBy: "key_a",
      cancelledAt: "2026-03-01T13:00:00.000Z",
    });
    const again = await store.cancelBooking(calendarId, request.id, {
      by: "token",
      at: "2026-03-01T14:00:00.000Z",
    });
    expect(again).toMatchObject({ cancelledBy: "key_a", cancelledAt: "2026-03-01T13:00:00.000Z" });
    expect(await store.getBooking(calendarId, request.id)).toMatchObject({ cancelledBy: "key_a" });
  });

  it("caps a key's active bookings per calendar in the conditional insert", async () => {
    const calendarId = await newCalendar();
    const cap = (minutes = 0) => ({ keyLimit: { max: 2, nowMs: BASE_MS + minutes * MINUTE } });
    const book = (offset: number, extra: object) =>
      store.createBooking(bookingFixture(calendarId, offset, 30, { contact: null, ...extra }));
    expect((await book(0, { createdByKey: "key_a", ...cap() })).kind).toBe("created");
    expect((await book(60, { createdByKey: "key_a", ...cap() })).kind).toBe("created");
    expect(await book(120, { createdByKey: "key_a", ...cap() })).toEqual({ kind: "key_limit" });
    // Another key, no key (the cap is per key), or no cap: not limited.
    expect((await book(120, { createdByKey: "key_b", ...cap() })).kind).toBe("created");
    expect((await book(180, cap())).kind).toBe("created");
    expect((await book(240, { createdByKey: "key_a" })).kind).toBe("created");
    // A taken slot under the cap is still a conflict; ended and cancelled bookings no longer count.
    expect(await book(120, { createdByKey: "key_c", ...cap() })).toEqual({ kind: "conflict" });
    expect((await book(300, { createdByKey: "key_a", ...cap(45) })).kind).toBe("key_limit");
    // At minute 90, the bookings at 0 and 60 have ended; the one at 240 (made without a cap) still counts.
    const third = await book(300, { createdByKey: "key_a", ...cap(90) });
    expect(third.kind).toBe("created");
    expect(await book(360, { createdByKey: "key_a", ...cap(90) })).toEqual({ kind: "key_limit" });
    if (third.kind !== "created") throw new Error("expected the third booking to be created");
    await store.cancelBooking(calendarId, third.booking.id);
    expect((await book(360, { createdByKey: "key_a", ...cap(90) })).kind).toBe("created");
  });

  it("a contact at its cap is told apart from a key at its cap", async () => {
    const calendarId = await newCalendar();
    const limits = {
      createdByKey: "key_a",
      keyLimit: { max: 1, nowMs: BASE_MS },
      contactLimit: { max: 1, nowMs: BASE_MS },
    };
    expect((await store.createBooking(bookingFixture(calendarId, 0, 30, limits))).kind).toBe("created");
    expect(await store.createBooking(bookingFixture(calendarId, 60, 30, limits))).toEqual({
      kind: "contact_limit",
    });
    const otherContact = { ...limits, contact: "luis@example.com" };
    expect(await store.createBooking(bookingFixture(calendarId, 60, 30, otherContact))).toEqual({
      kind: "key_limit",
    });
  });

  it("scopes Idempotency-Keys to the key that sent them", async () => {
    const calendarId = await newCalendar();
    const keyed = (offset: number, createdByKey?: string) =>
      bookingFixture(calendarId, offset, 30, {
        idempotencyKey: "same-key",
        requestHash: "same-hash",
        ...(createdByKey === undefined ? {} : { createdByKey }),
      });
    const first = await store.createBooking(keyed(0, "key_a"));
    expect(first.kind).toBe("created");
    // The same key and request from another key, or from nobody, books anew rather than replaying.
    expect((await store.createBooking(keyed(60, "key_b"))).kind).toBe("created");
    expect((await store.createBooking(keyed(120))).kind).toBe("created");
    const replay = await store.createBooking(keyed(0, "key_a"));
    expect(replay.kind).toBe("replayed");
    if (replay.kind !== "replayed" || first.kind !== "created") throw new Error("expected a replay");
    expect(replay.booking).toEqual(first.booking);
  });

  it("a replay after a cancel answers the booking as first confirmed, without the cancellation", async () => {
    const calendarId = await newCalendar();
    const request = bookingFixture(calendarId, 0, 30, {
      createdByKey: "key_a",
      idempotencyKey: "k",
      requestHash: "h",
    });
    await store.createBooking(request);
    await store.cancelBooking(calendarId, request.id, { by: "key_a", at: "2026-03-01T13:00:00.000Z" });
    const replay = await store.createBooking({ ...request, id: "booking-replayed" });
    expect(replay).toMatchObject({ kind: "replayed", booking: { id: request.id, status: "confirmed" } });
    if (replay.kind !== "replayed") throw new Error("expected a replay");
    expect(replay.booking).not.toHaveProperty("cancelledBy");
    expect(replay.booking).not.toHaveProperty("cancelledAt");
  });
});
