// Issue 16, item 3: one anonymous client booked 6,558 bookings in 3 s. Booking creation now draws on a
// budget per client: 10 a minute per anonymous address and 60 per key (a key may name its own rate). The
// flood is sent at once, as a script would; the clock is injected, so the refill is checked without sleeping.
import { describe, expect, it } from "vitest";
import { firstRefusal, type LimitedApp, limitedApps, tally } from "../support/limited-clients.js";

const open = limitedApps();

async function flood(limited: LimitedApp, from: string, count: number, headers: Record<string, string> = {}) {
  return Promise.all(Array.from({ length: count }, (_, slot) => limited.book(from, slot, headers)));
}

describe("booking creation per client", () => {
  it("lets 10 of 100 bookings from one anonymous address through, the rest 429 with Retry-After", async () => {
    const app = await open();
    const answers = await flood(app, "203.0.113.10", 100);
    expect(tally(answers)).toEqual({ 201: 10, 429: 90 });
    // 10 a minute: one token every 6 s.
    expect(await firstRefusal(answers)).toEqual({
      retryAfter: "6",
      error: expect.objectContaining({
        code: "rate_limited",
        message: "Too many bookings from this client (10 a minute). Retry after 6 s.",
      }),
    });
  });

  it("takes one more after the clock moves by Retry-After, and a minute refills the burst", async () => {
    const app = await open();
    await flood(app, "203.0.113.11", 10);
    expect((await app.book("203.0.113.11", 10)).status).toBe(429);
    app.time.now += 5_999;
    const early = await app.book("203.0.113.11", 10);
    expect(early.status).toBe(429);
    expect(early.headers.get("retry-after")).toBe("1");
    app.time.now += 1;
    expect((await app.book("203.0.113.11", 10)).status).toBe(201);
    expect((await app.book("203.0.113.11", 11)).status).toBe(429);
    app.time.now += 60_000;
    const refilled = await Promise.all(
      Array.from({ length: 11 }, (_, slot) => app.book("203.0.113.11", 20 + slot)),
    );
    expect(tally(refilled)).toEqual({ 201: 10, 429: 1 });
  });

  it("does not limit one client by another's flood", async () => {
    const app = await open();
    await flood(app, "203.0.113.12", 30);
    expect((await app.book("203.0.113.13", 40)).status).toBe(201);
    expect((await app.book("2001:db8:7::1", 41)).status).toBe(201);
  });

  it("lets 60 of 100 bookings from one key through, wherever they come from", async () => {
    const app = await open();
    const key = await app.key("clinic frontend");
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, slot) => app.book(`198.51.100.${slot % 5}`, slot, key)),
    );
    expect(tally(answers)).toEqual({ 201: 60, 429: 40 });
    expect((await firstRefusal(answers)).retryAfter).toBe("1");
    // Another key, and the addresses themselves (anonymous), still have their own budgets.
    expect((await app.book("198.51.100.0", 100, await app.key("other"))).status).toBe(201);
    expect((await app.book("198.51.100.0", 101)).status).toBe(201);
  });

  it("takes a key's own booking rate over the default, and KEY_RATE_LIMITS over the built-in one", async () => {
    const app = await open({ KEY_RATE_LIMITS: "booking=3" });
    expect(tally(await flood(app, "198.51.100.9", 10, await app.key("small", { booking: 2 })))).toEqual({
      201: 2,
      429: 8,
    });
    const plain = await app.key("default");
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, slot) => app.book("198.51.100.9", 20 + slot, plain)),
    );
    expect(tally(answers)).toEqual({ 201: 3, 429: 7 });
    // A key's own rate of 0: no limit for that key.
    const unlimitedKey = await app.key("unlimited", { booking: 0 });
    const unlimited = await Promise.all(
      Array.from({ length: 20 }, (_, slot) => app.book("198.51.100.9", 40 + slot, unlimitedKey)),
    );
    expect(tally(unlimited)).toEqual({ 201: 20 });
  });

  it("does not limit a loopback or in-process client: the embedded default stays as open as before", async () => {
    const app = await open();
    expect(tally(await flood(app, "127.0.0.1", 30))).toEqual({ 201: 30 });
    const inProcess = await Promise.all(Array.from({ length: 30 }, (_, slot) => app.book(null, 40 + slot)));
    expect(tally(inProcess)).toEqual({ 201: 30 });
  });

  it("ADDRESS_RATE_LIMITS=booking=0 turns the anonymous booking limit off", async () => {
    const app = await open({ ADDRESS_RATE_LIMITS: "booking=0" });
    expect(tally(await flood(app, "203.0.113.14", 30))).toEqual({ 201: 30 });
  });
});
