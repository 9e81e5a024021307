// The no-double-booking check shared by every runtime and store: 50 concurrent bookings over real HTTP for
// slots that all overlap one another must give exactly one 201 and 49 × 409 slot_unavailable, each with
// alternatives, and leave exactly one booking behind.
import { expect } from "vitest";
import { SlotConflictResponseSchema } from "../../src/http/schemas/bookings.js";

export const RACERS = 50;

/** Monday 4 March 2030 in Madrid (+01:00): far enough ahead for a server on the real clock. */
export const RACE_DAY = "2030-03-04";

/** 15-minute grid, open 09:00 to 14:00 on weekdays, taking bookings up to ten years ahead (RACE_DAY). */
export const RACE_CALENDAR = {
  name: "Race",
  timezone: "Europe/Madrid",
  slotMinutes: 15,
  bufferMinutes: 0,
  openingHours: Object.fromEntries(
    ["monday", "tuesday", "wednesday", "thursday", "friday"].map((day) => [
      day,
      [{ from: "09:00", to: "14:00" }],
    ]),
  ),
  closures: [],
  bookingHorizonDays: 3650,
};

const QUARTERS = ["00", "15", "30", "45"];

export async function putRaceCalendar(
  baseUrl: string,
  calendarId: string,
  adminToken: string,
): Promise<void> {
  const response = await fetch(`${baseUrl}/v1/calendars/${calendarId}`, {
    method: "PUT",
    headers: { "content-type": "application/json", authorization: `Bearer ${adminToken}` },
    body: JSON.stringify(RACE_CALENDAR),
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

/**
 * Runs the race on a calendar made with putRaceCalendar, its requests spread in turn over `baseUrls` (one
 * server, or several instances sharing a store); the availability check asks the first.
 */
export async function raceForOneSlot(
  baseUrls: string | readonly string[],
  calendarId: string,
): Promise<void> {
  const servers = typeof baseUrls === "string" ? [baseUrls] : baseUrls;
  const baseUrl = servers[0]!;
  // Hour-long bookings starting within 45 minutes of one another: every pair overlaps.
  const answers = await Promise.all(
    Array.from({ length: RACERS }, async (_, index) => {
      const server = servers[index % servers.length]!;
      const response = await fetch(`${server}/v1/calendars/${calendarId}/bookings`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          start: `${RACE_DAY}T10:${QUARTERS[index % QUARTERS.length]}:00+01:00`,
          durationMinutes: 60,
          contact: `racer ${index}`,
        }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    }),
  );
  const created = answers.filter((answer) => answer.status === 201);
  const refused = answers.filter((answer) => answer.status === 409);
  expect(created, JSON.stringify(answers.filter((answer) => answer.status !== 409))).toHaveLength(1);
  expect(refused).toHaveLength(RACERS - 1);
  const winner = (created[0]!.body as { booking: { start: string; end: string; status: string } }).booking;
  expect(winner.status).toBe("confirmed");
  const winnerStart = Date.parse(winner.start);
  const winnerEnd = Date.parse(winner.end);
  for (const { body } of refused) {
    const conflict = SlotConflictResponseSchema.parse(body);
    expect(conflict.error.code).toBe("slot_unavailable");
    expect(conflict.alternatives.length).toBeGreaterThan(0);
    for (const slot of conflict.alternatives) {
      expect(Date.parse(slot.start) >= winnerEnd || Date.parse(slot.end) <= winnerStart, slot.start).toBe(
        true,
      );
    }
  }
  // Exactly one booking is left: of the morning's quarter-hour slots, only the winner's four are taken.
  const from = encodeURIComponent(`${RACE_DAY}T09:00:00+01:00`);
  const to = encodeURIComponent(`${RACE_DAY}T14:00:00+01:00`);
  const response = await fetch(`${baseUrl}/v1/calendars/${calendarId}/availability?from=${from}&to=${to}`);
  expect(response.status).toBe(200);
  const { slots } = (await response.json()) as { slots: { start: string }[] };
  expect(slots).toHaveLength(20 - 4);
  expect(
    slots.some((slot) => Date.parse(slot.start) >= winnerStart && Date.parse(slot.start) < winnerEnd),
  ).toBe(false);
}
