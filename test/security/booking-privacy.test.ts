// Leaked booking ids, attacked over a real socket on a keyed service: the id alone reads and cancels nothing
// (401), another client's key learns nothing (404), a wrong token is refused (401); the booking's own token
// reads it without the notes and cancels it, and the cancellation says who and when to the key that made it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, type BookingServer, slotIn, startBookingServer } from "../support/booking-server.js";

const CALENDAR = "private";
const NOTES = "alergia a penicilina; tel 600123456";
let server: BookingServer;
let creator: string;
let stranger: string;

async function createKey(scopes: string[]): Promise<string> {
  const created = await server.app.send(
    "127.0.0.1",
    "POST",
    "/admin/keys",
    { name: "k", scopes },
    {
      authorization: `Bearer ${ADMIN_TOKEN}`,
    },
  );
  return (created.body as { secret: string }).secret;
}

function call(method: string, path: string, secret?: string) {
  return server.app.send(
    "127.0.0.1",
    method,
    path,
    undefined,
    secret === undefined ? {} : { authorization: `Bearer ${secret}` },
  );
}

async function book(
  slot: number,
): Promise<{ path: string; token: string; booking: Record<string, unknown> }> {
  const booked = await server.app.send(
    "127.0.0.1",
    "POST",
    `/v1/calendars/${CALENDAR}/bookings`,
    {
      start: slotIn(1, slot),
      durationMinutes: 30,
      contact: "Ana López",
      notes: NOTES,
    },
    { authorization: `Bearer ${creator}` },
  );
  expect(booked.status).toBe(201);
  const body = booked.body as { booking: Record<string, unknown>; bookingToken: string };
  return {
    path: `/v1/calendars/${CALENDAR}/bookings/${body.booking.id}`,
    token: body.bookingToken,
    booking: body.booking,
  };
}

beforeAll(async () => {
  server = await startBookingServer();
  await server.putCalendar(CALENDAR);
  creator = await createKey(["book"]);
  stranger = await createKey(["book", "parse"]);
});

afterAll(async () => {
  await server?.close();
});

describe("a leaked booking id", () => {
  it("alone reads and cancels nothing", async () => {
    const { path } = await book(0);
    for (const method of ["GET", "DELETE"]) {
      const answer = await call(method, path);
      expect(answer.status, method).toBe(401);
      expect(answer.text).not.toContain("penicilina");
    }
    expect(((await call("GET", path, creator)).body as { booking: { status: string } }).booking.status).toBe(
      "confirmed",
    );
  });

  it("with another client's key, or another booking's token, reads and cancels nothing either", async () => {
    const { path } = await book(2);
    const other = await book(4);
    for (const method of ["GET", "DELETE"]) {
      expect((await call(method, path, stranger)).status).toBe(404);
      expect((await call(method, path, other.token)).status).toBe(401);
    }
    expect(((await call("GET", path, creator)).body as { booking: { status: string } }).booking.status).toBe(
      "confirmed",
    );
  });
});

describe("the booking's own token", () => {
  it("reads the booking without its notes", async () => {
    const { path, token } = await book(6);
    const read = await call("GET", path, token);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ booking: { contact: "Ana López", status: "confirmed" } });
    expect(read.body.booking).not.toHaveProperty("notes");
    expect(read.text).not.toContain("penicilina");
    expect(((await call("GET", path, creator)).body as { booking: { notes: string } }).booking.notes).toBe(
      NOTES,
    );
  });

  it("cancels it, and the cancellation records who and when for the key that made it", async () => {
    const { path, token } = await book(8);
    const before = Date.now();
    const cancelled = await call("DELETE", path, token);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.booking).not.toHaveProperty("cancelledBy");
    const seen = (await call("GET", path, creator)).body as {
      booking: { cancelledBy: string; cancelledAt: string };
    };
    expect(seen.booking.cancelledBy).toBe("token");
    expect(Date.parse(seen.booking.cancelledAt)).toBeGreaterThanOrEqual(before - 1_000);
  });
});
