// Issue 16, item 6: Idempotency-Keys were kept for ever, and a retry after a cancel answered with the
// cancelled booking rather than the first answer. Reproduced as a client would: book with a key, cancel,
// retry the same request the same day (the first answer, 201 confirmed, and nothing booked), then retry it
// a day later (a new booking).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { openSqliteStore, type SqliteCalendarStore } from "../../src/calendars/sqlite-store.js";
import { IDEMPOTENCY_KEY_LIFETIME_MS } from "../../src/calendars/store.js";
import { readConfig } from "../../src/config.js";
import { booked, DR_PEREZ, NOW, put, TOKEN } from "../support/calendar-app.js";

let directory: string;
let store: SqliteCalendarStore;
let now = NOW;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), "cita-idempotency-"));
  store = await openSqliteStore(join(directory, "cita.db"));
  app = createApp({ config: readConfig({ ADMIN_TOKEN: TOKEN }), store, clock: () => now });
  expect((await put(app, "dr-perez", DR_PEREZ)).status).toBe(200);
});
afterAll(async () => {
  await store?.close();
  rmSync(directory, { recursive: true, force: true });
});

const request = { start: "2026-01-26T10:00:00+01:00", durationMinutes: 30, contact: "Ana" };

function book(key: string): Promise<Response> {
  return Promise.resolve(
    app.request("/v1/calendars/dr-perez/bookings", {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": key },
      body: JSON.stringify(request),
    }),
  );
}

async function confirmedCount(): Promise<number> {
  const monday = Date.parse("2026-01-26T00:00:00+01:00");
  return (await store.confirmedBookings("dr-perez", monday, monday + 86_400_000)).length;
}

describe("Idempotency-Key lifetime", () => {
  it("replays the first answer within 24 h even after a cancel, and books anew after 24 h", async () => {
    now = NOW;
    const first = await booked(await book("retry-after-cancel"));
    const cancelled = await app.request(`/v1/calendars/dr-perez/bookings/${first.id}`, { method: "DELETE" });
    expect(cancelled.status).toBe(200);
    expect(await confirmedCount()).toBe(0);

    now = NOW + IDEMPOTENCY_KEY_LIFETIME_MS - 1000;
    const replay = await book("retry-after-cancel");
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await booked(replay)).toEqual(first);
    expect(first.status).toBe("confirmed");
    expect(await confirmedCount()).toBe(0);

    now = NOW + IDEMPOTENCY_KEY_LIFETIME_MS;
    const fresh = await book("retry-after-cancel");
    expect(fresh.headers.get("idempotent-replayed")).toBeNull();
    const second = await booked(fresh);
    expect(second.id).not.toBe(first.id);
    expect(await confirmedCount()).toBe(1);
  });
});
