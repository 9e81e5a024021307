// Who may do what, in process: the open default without keys, every rule of access-rules.ts once a key exists,
// the admin token beside keys, ALLOW_ANONYMOUS, and a Worker's deployment (not open without keys).
import { describe, expect, it } from "vitest";
import { CALENDAR, KEYS_ADMIN_TOKEN, keyedApps, parseRequest } from "../../test/support/keyed-app.js";
import { createApp } from "../app.js";
import { readConfig } from "../config.js";

const open = keyedApps();

const PARSE = "/v1/appointments/parse";
const DUCKLING_BODY = { text: "mañana a las 10", locale: "es_ES" };

describe("without keys, on a listener open without them (the embedded default)", () => {
  it("answers every route but admin without a key, as before keys existed, and issues no booking token", async () => {
    const app = await open();
    expect((await app.call("POST", PARSE, undefined, parseRequest())).status).toBe(200);
    expect((await app.call("POST", "/parse", undefined, DUCKLING_BODY)).status).toBe(200);
    expect((await app.call("GET", `/v1/calendars/${CALENDAR}`)).status).toBe(200);
    const booked = await app.book(undefined, 20);
    expect(booked.status).toBe(201);
    expect(Object.keys(booked.body)).toEqual(["booking"]);
    const path = `/v1/calendars/${CALENDAR}/bookings/${booked.body.booking.id}`;
    expect((await app.call("GET", path)).body).toEqual({ booking: booked.body.booking });
    const cancelled = await app.call("DELETE", path);
    expect(cancelled.body).toEqual({ booking: { ...booked.body.booking, status: "cancelled" } });
    // The cancellation is recorded all the same.
    expect(await app.store.getBooking(CALENDAR, booked.body.booking.id)).toMatchObject({
      cancelledBy: "anonymous",
    });
    expect((await app.call("GET", "/admin/keys")).status).toBe(401);
  });

  it("still refuses an unknown key rather than ignoring it", async () => {
    const app = await open();
    const answer = await app.call("POST", PARSE, "cita_key_not-a-key", parseRequest());
    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe("unauthorized");
    expect(answer.headers.get("www-authenticate")).toBe('Bearer realm="cita"');
  });
});

describe("once a key exists", () => {
  it("refuses callers without a key 401, saying which scope to send", async () => {
    const app = await open();
    await app.createKey(["parse"]);
    const refused = await app.call("POST", PARSE, undefined, parseRequest());
    expect(refused.status).toBe(401);
    expect(refused.body.error.message).toContain("'parse' scope");
    expect((await app.call("POST", "/parse", undefined, DUCKLING_BODY)).status).toBe(401);
    expect((await app.book(undefined, 20)).status).toBe(401);
    expect((await app.call("GET", `/v1/calendars/${CALENDAR}`)).status).toBe(401);
    expect(
      (
        await app.call(
          "GET",
          `/v1/calendars/${CALENDAR}/availability?from=2026-01-06T00:00:00Z&to=2026-01-07T00:00:00Z`,
        )
      ).status,
    ).toBe(401);
  });

  it("lets each scope do its part and answers 403 past it", async () => {
    const app = await open();
    const parse = await app.createKey(["parse"]);
    const book = await app.createKey(["book"]);
    const calendars = await app.createKey(["calendars"]);
    const admin = await app.createKey(["admin"]);
    expect((await app.call("POST", PARSE, parse.secret, parseRequest())).status).toBe(200);
    expect((await app.call("POST", "/parse", parse.secret, DUCKLING_BODY)).status).toBe(200);
    const forbidden = await app.call("POST", PARSE, book.secret, parseRequest());
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error).toMatchObject({
      code: "forbidden",
      message: "This client key lacks the 'parse' scope.",
    });
    expect((await app.call("POST", "/parse", book.secret, DUCKLING_BODY)).status).toBe(403);
    expect((await app.book(parse.secret, 20)).status).toBe(403);
    expect((await app.book(book.secret, 20)).status).toBe(201);
    // Calendars: any key reads; writing takes calendars (or admin, or the admin token).
    expect((await app.call("GET", `/v1/calendars/${CALENDAR}`, parse.secret)).status).toBe(200);
    const calendar = (await app.call("GET", `/v1/calendars/${CALENDAR}`, parse.secret)).body;
    const { id: _id, ...settings } = calendar;
    expect((await app.call("PUT", `/v1/calendars/${CALENDAR}`, book.secret, settings)).status).toBe(403);
    expect((await app.call("PUT", `/v1/calendars/${CALENDAR}`, calendars.secret, settings)).status).toBe(200);
    expect((await app.call("PUT", `/v1/calendars/${CALENDAR}`, admin.secret, settings)).status).toBe(200);
    expect((await app.call("PUT", `/v1/calendars/${CALENDAR}`, KEYS_ADMIN_TOKEN, settings)).status).toBe(200);
    expect((await app.call("PUT", `/v1/calendars/${CALENDAR}`, undefined, settings)).status).toBe(401);
    // Admin routes: the admin token or an admin key; admin may do everything.
    expect((await app.call("GET", "/admin/keys", admin.secret)).status).toBe(200);
    expect((await app.call("GET", "/admin/router", admin.secret)).status).toBe(404);
    expect((await app.call("GET", "/admin/keys", calendars.secret)).status).toBe(403);
    expect((await app.call("POST", PARSE, admin.secret, parseRequest())).status).toBe(200);
    expect((await app.book(admin.secret, 21)).status).toBe(201);
  });

  it("refuses a revoked key and a booking's token outside its booking with 401", async () => {
    const app = await open();
    const key = await app.createKey(["parse", "book"]);
    const booked = await app.book(key.secret, 20);
    expect((await app.call("POST", PARSE, booked.body.bookingToken, parseRequest())).status).toBe(401);
    expect((await app.call("DELETE", `/admin/keys/${key.id}`, KEYS_ADMIN_TOKEN)).status).toBe(200);
    const revoked = await app.call("POST", PARSE, key.secret, parseRequest());
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.message).toBe("This client key was revoked.");
  });

  it("a key's rates reach the request's principal", async () => {
    const app = await open();
    const key = await app.createKey(["parse"], { ratePerMinute: { parse: 7 } });
    const [listed] = (await app.call("GET", "/admin/keys", KEYS_ADMIN_TOKEN)).body.keys;
    expect(listed).toMatchObject({ id: key.id, ratePerMinute: { parse: 7 } });
  });

  it("stays keyed once a key was created, even after its last key is revoked (a leaked key's answer)", async () => {
    const app = await open();
    const key = await app.createKey(["parse", "book"]);
    const booked = await app.book(key.secret, 3);
    expect(booked.status).toBe(201);
    expect((await app.call("POST", PARSE, undefined, parseRequest())).status).toBe(401);
    await app.call("DELETE", `/admin/keys/${key.id}`, KEYS_ADMIN_TOKEN);
    expect((await app.call("POST", PARSE, undefined, parseRequest())).status).toBe(401);
    const bookingPath = `/v1/calendars/${CALENDAR}/bookings/${booked.body.booking.id}`;
    expect((await app.call("GET", bookingPath)).status).toBe(401);
    expect((await app.call("DELETE", bookingPath)).status).toBe(401);
    expect((await app.call("GET", bookingPath, booked.body.bookingToken)).status).toBe(200);
  });
});

describe("ALLOW_ANONYMOUS", () => {
  it("with keys: anonymous callers parse, use Duckling, read calendars and book, and read a booking only with its token", async () => {
    const app = await open({ ALLOW_ANONYMOUS: "true" });
    await app.createKey(["parse"]);
    expect((await app.call("POST", PARSE, undefined, parseRequest())).status).toBe(200);
    expect((await app.call("POST", "/parse", undefined, DUCKLING_BODY)).status).toBe(200);
    expect((await app.call("GET", `/v1/calendars/${CALENDAR}`)).status).toBe(200);
    const booked = await app.book(undefined, 20);
    expect(booked.status).toBe(201);
    expect(booked.body.bookingToken).toMatch(/^cita_bt_[A-Za-z0-9_-]{43}$/);
    const path = `/v1/calendars/${CALENDAR}/bookings/${booked.body.booking.id}`;
    expect((await app.call("GET", path)).status).toBe(401);
    expect((await app.call("GET", path, booked.body.bookingToken)).status).toBe(200);
    expect((await app.call("GET", "/admin/keys")).status).toBe(401);
  });

  it("without keys on a deployment not open by itself (a Worker): open, as the operator asked", async () => {
    const app = await open({ ALLOW_ANONYMOUS: "true" }, { openWithoutKeys: false });
    const booked = await app.book(undefined, 20);
    expect(Object.keys(booked.body)).toEqual(["booking"]);
    expect(
      (await app.call("GET", `/v1/calendars/${CALENDAR}/bookings/${booked.body.booking.id}`)).status,
    ).toBe(200);
  });
});

describe("a deployment not open without keys (a Worker) and no ALLOW_ANONYMOUS", () => {
  it("answers keyed routes 401 saying how to create the first key", async () => {
    const app = await open({}, { openWithoutKeys: false });
    const refused = await app.call("POST", PARSE, undefined, parseRequest());
    expect(refused.status).toBe(401);
    expect(refused.body.error.message).toContain("POST /admin/keys");
    expect(refused.body.error.message).toContain("npm run keys -- create");
    expect((await app.book(undefined, 20)).status).toBe(401);
    expect((await app.call("GET", `/v1/calendars/${CALENDAR}`)).status).toBe(401);
    const key = await app.createKey(["parse"]);
    expect((await app.call("POST", PARSE, key.secret, parseRequest())).status).toBe(200);
  });
});

describe("without ADMIN_TOKEN", () => {
  it("admin and calendar writes answer 403 until a key exists; then an admin or calendars key may act", async () => {
    const app = await open();
    const tokenless = createApp({ config: readConfig({}), store: app.store, keyCacheMs: 0 });
    const call = (method: string, path: string, secret?: string) =>
      tokenless.request(path, {
        method,
        headers: secret === undefined ? {} : { authorization: `Bearer ${secret}` },
      });
    expect((await call("GET", "/admin/keys")).status).toBe(403);
    expect((await call("PUT", `/v1/calendars/${CALENDAR}`)).status).toBe(403);
    const admin = await app.createKey(["admin"]);
    expect((await call("GET", "/admin/keys", admin.secret)).status).toBe(200);
    expect((await call("GET", "/admin/keys")).status).toBe(401);
    expect((await call("GET", "/admin/keys", KEYS_ADMIN_TOKEN)).status).toBe(401);
  });
});
