// Client keys, attacked over a real socket: once a key exists, 700 anonymous bookings create nothing (all
// 401, every slot still free); a key without `book` is refused 403; a revoked key 401; an unknown one 401.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, type BookingServer, slotIn, startBookingServer } from "../support/booking-server.js";

const CALENDAR = "flooded";
let server: BookingServer;
let keys: { parse: string; book: string; revoked: string };

async function createKey(scopes: string[]): Promise<{ id: string; secret: string }> {
  const created = await server.app.send(
    "127.0.0.1",
    "POST",
    "/admin/keys",
    { name: scopes.join("+"), scopes },
    {
      authorization: `Bearer ${ADMIN_TOKEN}`,
    },
  );
  expect(created.status).toBe(201);
  const body = created.body as { key: { id: string }; secret: string };
  return { id: body.key.id, secret: body.secret };
}

beforeAll(async () => {
  server = await startBookingServer();
  expect((await server.putCalendar(CALENDAR)).status).toBe(200);
  const revoked = await createKey(["book"]);
  keys = {
    parse: (await createKey(["parse"])).secret,
    book: (await createKey(["book"])).secret,
    revoked: revoked.secret,
  };
  const revoke = await server.app.send("127.0.0.1", "DELETE", `/admin/keys/${revoked.id}`, undefined, {
    authorization: `Bearer ${ADMIN_TOKEN}`,
  });
  expect(revoke.status).toBe(200);
});

afterAll(async () => {
  await server?.close();
});

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

/** A booking of the half hour `days` days ahead, as the holder of `secret`. */
function bookAs(secret: string, days: number) {
  const path = `/v1/calendars/${CALENDAR}/bookings`;
  return server.app.send(
    "127.0.0.1",
    "POST",
    path,
    { start: slotIn(days), durationMinutes: 30 },
    bearer(secret),
  );
}

describe("a keyed service", () => {
  it("creates none of 700 anonymous bookings: every one answers 401 and every slot stays free", async () => {
    const statuses: number[] = [];
    for (let batch = 0; batch < 14; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, index) =>
          server.book(CALENDAR, { start: slotIn(1, batch * 50 + index) }),
        ),
      );
      statuses.push(...answers.map((answer) => answer.status));
    }
    expect(statuses).toHaveLength(700);
    expect(statuses.filter((status) => status !== 401)).toEqual([]);
    const from = slotIn(1);
    const to = slotIn(1, 700);
    const free = await server.app.send(
      "127.0.0.1",
      "GET",
      `/v1/calendars/${CALENDAR}/availability?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
      undefined,
      bearer(keys.parse),
    );
    expect(free.status).toBe(200);
    expect((free.body as { slots: unknown[] }).slots).toHaveLength(700);
  }, 60_000);

  it("refuses a key without the book scope 403, and books with one that has it", async () => {
    const refused = await bookAs(keys.parse, 2);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: "forbidden" } });
    const booked = await bookAs(keys.book, 2);
    expect(booked.status).toBe(201);
  });

  it.each([
    ["a revoked key", () => keys.revoked, "This client key was revoked."],
    ["an unknown key", () => "cita_key_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "Unknown client key"],
  ])("refuses %s 401", async (_name, secret, message) => {
    const refused = await bookAs(secret(), 3);
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ error: { code: "unauthorized" } });
    expect(JSON.stringify(refused.body)).toContain(message);
  });
});
