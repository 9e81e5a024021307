// Issue 16, item 3: one anonymous client booked all 672 slots of 14 days. Until client keys exist, a
// contact may hold at most MAX_ACTIVE_BOOKINGS_PER_CONTACT (default 10) confirmed bookings not yet ended
// in a calendar. Over a real socket: the eleventh answers 422 contact_booking_limit, even when all are sent
// at once (the cap is part of the conditional insert), and a cancelled booking frees its place.
import { afterEach, describe, expect, it } from "vitest";
import { readConfig } from "../../src/config.js";
import { ErrorResponseSchema } from "../../src/http/schemas/errors.js";
import { type BookingServer, slotIn, startBookingServer } from "../support/booking-server.js";

let server: BookingServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start(environment: Record<string, string> = {}): Promise<BookingServer> {
  server = await startBookingServer(environment);
  expect((await server.putCalendar("clinic")).status).toBe(200);
  return server;
}

describe("active bookings per contact", () => {
  it("takes 10 bookings of one contact, refuses the 11th with 422, and still serves other contacts", async () => {
    const { book } = await start();
    for (let slot = 0; slot < 10; slot++) {
      expect((await book("clinic", { start: slotIn(1, slot), contact: "Ana" })).status).toBe(201);
    }
    const refused = await book("clinic", { start: slotIn(1, 10), contact: "ANA" });
    expect(refused.status, refused.text).toBe(422);
    expect(ErrorResponseSchema.parse(refused.body).error).toMatchObject({
      code: "contact_booking_limit",
      message: "contact: already holds 10 active bookings in this calendar; cancel one first.",
    });
    expect((await book("clinic", { start: slotIn(1, 10), contact: "Luis" })).status).toBe(201);
  });

  it("lets exactly 10 of 40 concurrent bookings of one contact through", async () => {
    const { book } = await start();
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, slot) => book("clinic", { start: slotIn(2, slot), contact: "Ana" })),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(10);
    expect(statuses.filter((status) => status === 422)).toHaveLength(30);
  });

  it("frees a place when a booking is cancelled", async () => {
    const { app, book } = await start({ MAX_ACTIVE_BOOKINGS_PER_CONTACT: "2" });
    const first = await book("clinic", { start: slotIn(1), contact: "Ana" });
    expect((await book("clinic", { start: slotIn(1, 1), contact: "Ana" })).status).toBe(201);
    expect((await book("clinic", { start: slotIn(1, 2), contact: "Ana" })).status).toBe(422);
    const id = (first.body.booking as { id: string }).id;
    expect((await app.send("127.0.0.1", "DELETE", `/v1/calendars/clinic/bookings/${id}`)).status).toBe(200);
    expect((await book("clinic", { start: slotIn(1, 2), contact: "Ana" })).status).toBe(201);
  });

  it("has no cap with MAX_ACTIVE_BOOKINGS_PER_CONTACT=0, and refuses a value that is no count", async () => {
    const { book } = await start({ MAX_ACTIVE_BOOKINGS_PER_CONTACT: "0" });
    for (let slot = 0; slot < 12; slot++) {
      expect((await book("clinic", { start: slotIn(1, slot), contact: "Ana" })).status).toBe(201);
    }
    for (const value of ["-1", "ten", "2.5"]) {
      expect(() => readConfig({ MAX_ACTIVE_BOOKINGS_PER_CONTACT: value })).toThrow(
        /MAX_ACTIVE_BOOKINGS_PER_CONTACT/,
      );
    }
  });
});
