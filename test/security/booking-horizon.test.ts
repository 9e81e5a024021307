// Issue 16, item 3: bookings up to 9999-12-31 were accepted and answered with a five-digit year that breaks
// the contract's format. Over a real socket, as an anonymous client: a booking past the calendar's horizon
// (bookingHorizonDays, default 365) answers 422 beyond_booking_horizon in the contract's error shape, and
// no answer prints a five-digit year.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorResponseSchema } from "../../src/http/schemas/errors.js";
import { type BookingServer, slotIn, startBookingServer } from "../support/booking-server.js";

const FIVE_DIGIT_YEAR = /\d{5}-\d{2}-\d{2}/;
let server: BookingServer;

beforeAll(async () => {
  server = await startBookingServer();
  expect((await server.putCalendar("open")).status).toBe(200);
});
afterAll(() => server?.close());

function expectRefused(answer: { status: number; body: unknown; text: string }, days: number) {
  expect(answer.status, answer.text).toBe(422);
  const { error } = ErrorResponseSchema.parse(answer.body);
  expect(error.code).toBe("beyond_booking_horizon");
  expect(error.message).toBe(
    `start: must be at most ${days} days ahead (the calendar's bookingHorizonDays).`,
  );
  expect(answer.text).not.toMatch(FIVE_DIGIT_YEAR);
}

describe("the booking horizon", () => {
  it("refuses a booking on 9999-12-31 with a 4xx, and no five-digit year anywhere", async () => {
    for (const start of ["9999-12-31T23:30:00Z", "9999-12-31T23:30:00+14:00", "2099-01-01T00:00:00Z"]) {
      expectRefused(await server.book("open", { start, contact: "attacker" }), 365);
    }
    const availability = await server.app.send(
      "127.0.0.1",
      "GET",
      "/v1/calendars/open/availability?from=9999-12-01T00:00:00Z&to=9999-12-31T00:00:00Z",
    );
    expect(availability.text).not.toMatch(FIVE_DIGIT_YEAR);
  });

  it("takes a booking 364 days ahead and refuses one 366 days ahead (the default 365)", async () => {
    const inside = await server.book("open", { start: slotIn(364), contact: "Ana" });
    expect(inside.status, inside.text).toBe(201);
    expect(inside.text).not.toMatch(FIVE_DIGIT_YEAR);
    expectRefused(await server.book("open", { start: slotIn(366), contact: "Ana" }), 365);
  });

  it("follows the calendar's own horizon, and even the longest keeps years at four digits", async () => {
    expect((await server.putCalendar("week", { bookingHorizonDays: 7 })).status).toBe(200);
    const read = await server.app.send("127.0.0.1", "GET", "/v1/calendars/week");
    expect(read.body).toMatchObject({ bookingHorizonDays: 7 });
    expect((await server.book("week", { start: slotIn(6) })).status).toBe(201);
    expectRefused(await server.book("week", { start: slotIn(8) }), 7);
    expect((await server.putCalendar("decade", { bookingHorizonDays: 3650 })).status).toBe(200);
    expectRefused(await server.book("decade", { start: "9999-12-31T23:30:00Z" }), 3650);
  });

  it("refuses a horizon out of range when the calendar is written", async () => {
    for (const bookingHorizonDays of [0, -1, 1.5, 3651, 2_914_000, "365"]) {
      const answer = await server.putCalendar("bad", { bookingHorizonDays });
      expect(answer.status, answer.text).toBe(400);
      expect(ErrorResponseSchema.parse(JSON.parse(answer.text)).error).toMatchObject({
        code: "invalid_request",
        message: expect.stringContaining("bookingHorizonDays"),
      });
    }
  });
});
