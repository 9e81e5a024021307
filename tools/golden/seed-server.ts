// Seeds a running server with fixtures/calendars.json through its own API, so `npm run golden -- --url URL
// --admin-token TOKEN` can run the calendar cases against it: each calendar through the admin route
// `PUT /v1/calendars/:id`, each booking through `POST /v1/calendars/:id/bookings` (an Idempotency-Key per
// fixture, so a second run creates nothing) and `DELETE` for the cancelled ones. The booking API refuses a
// start in the server's past, and the fixtures' bookings lie in 2026 like the cases' `now`: a server whose
// clock is past them gets the calendars only, and the report names the bookings it refused. For the full
// set, seed a Node server's database before starting it (`--seed-database`).
import type { CalendarFixtures, FixtureBooking } from "./calendars.js";

export interface SeedReport {
  calendars: string[];
  bookings: string[];
  /** Fixture bookings the server would not take, with its reason. */
  refused: { id: string; reason: string }[];
}

export class SeedError extends Error {
  override name = "SeedError";
}

export async function seedServer(
  baseUrl: string,
  adminToken: string,
  fixtures: CalendarFixtures,
  fetcher: typeof fetch = fetch,
): Promise<SeedReport> {
  const base = baseUrl.replace(/\/+$/, "");
  const report: SeedReport = { calendars: [], bookings: [], refused: [] };
  for (const calendar of fixtures.calendars) {
    const response = await fetcher(`${base}/v1/calendars/${encodeURIComponent(calendar.id)}`, {
      method: "PUT",
      headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
      body: JSON.stringify(calendar),
    });
    if (!response.ok) {
      throw new SeedError(`PUT /v1/calendars/${calendar.id}: ${await failure(response)}`);
    }
    report.calendars.push(calendar.id);
  }
  for (const booking of fixtures.bookings) {
    const path = `${base}/v1/calendars/${encodeURIComponent(booking.calendarId)}/bookings`;
    const response = await fetcher(path, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": `golden-${booking.id}` },
      body: JSON.stringify(bookingRequest(booking)),
    });
    if (response.status !== 201) {
      report.refused.push({ id: booking.id, reason: await failure(response) });
      continue;
    }
    if (booking.status === "cancelled") {
      const created = (await response.json()) as { booking: { id: string } };
      const cancelled = await fetcher(`${path}/${encodeURIComponent(created.booking.id)}`, {
        method: "DELETE",
      });
      if (!cancelled.ok) throw new SeedError(`DELETE booking ${booking.id}: ${await failure(cancelled)}`);
    }
    report.bookings.push(booking.id);
  }
  return report;
}

function bookingRequest(booking: FixtureBooking) {
  return {
    start: booking.start,
    durationMinutes: (Date.parse(booking.end) - Date.parse(booking.start)) / 60_000,
    ...(booking.contact ? { contact: booking.contact } : {}),
    ...(booking.service ? { service: booking.service } : {}),
    ...(booking.notes ? { notes: booking.notes } : {}),
  };
}

/** "HTTP 401 unauthorized: …" from the contract's error shape, or the status alone. */
async function failure(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as {
    error?: { code?: string; message?: string };
  } | null;
  const error = body?.error;
  return error === undefined
    ? `HTTP ${response.status}`
    : `HTTP ${response.status} ${error.code}: ${error.message}`;
}
