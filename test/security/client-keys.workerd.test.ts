// Client keys on workerd with D1, through a `wrangler dev --local` of its own (its own D1 folder, so its keys
// reach no other worker): with no keys and no ALLOW_ANONYMOUS a Worker answers keyed routes 401 saying how
// to create one; a key created through the admin API is kept in D1 and opens its scope, 403 past it; the
// booking token reads without notes; a revoked key is refused 401.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RACE_CALENDAR, RACE_DAY } from "../support/booking-race.js";
import { startWranglerDev, type WranglerDev } from "../support/wrangler-dev.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const ADMIN_TOKEN = "workerd-keys-admin-token-0123456789abcdef";
const persistTo = mkdtempSync(join(tmpdir(), "cita-keys-workerd-"));
let worker: WranglerDev;

beforeAll(async () => {
  worker = await startWranglerDev({ cwd: ROOT, vars: { ADMIN_TOKEN, LOG_LEVEL: "error" }, persistTo });
  await worker.ready;
}, 90_000);

afterAll(async () => {
  await worker?.stop();
  rmSync(persistTo, { recursive: true, force: true });
});

async function call(method: string, path: string, secret?: string, body?: unknown) {
  const response = await fetch(`${worker.url}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(secret === undefined ? {} : { authorization: `Bearer ${secret}` }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  // biome-ignore lint/suspicious/noExplicitAny: read field by field below
  return { status: response.status, body: (await response.json()) as any };
}

const PARSE = { text: "mañana a las 10", now: "2026-01-05T09:00:00+01:00" };

describe("client keys on workerd with D1", { timeout: 60_000 }, () => {
  it("with no keys and no ALLOW_ANONYMOUS, answers keyed routes 401 saying how to create a key", async () => {
    const refused = await call("POST", "/v1/appointments/parse", undefined, PARSE);
    expect(refused.status).toBe(401);
    expect(refused.body.error.message).toContain("POST /admin/keys");
    expect((await call("GET", "/health")).status).toBe(200);
  });

  it("keeps a key made through the admin API in D1: its scope opens, 403 past it, 401 once revoked", async () => {
    const created = await call("POST", "/admin/keys", ADMIN_TOKEN, {
      name: "edge",
      scopes: ["parse", "book"],
    });
    expect(created.status).toBe(201);
    const { key, secret } = created.body;
    expect((await call("GET", "/admin/keys", ADMIN_TOKEN)).body.keys).toEqual([key]);
    expect((await call("POST", "/v1/appointments/parse", secret, PARSE)).status).toBe(200);
    expect((await call("POST", "/v1/appointments/parse", undefined, PARSE)).status).toBe(401);
    expect((await call("PUT", "/v1/calendars/keys-workerd", ADMIN_TOKEN, RACE_CALENDAR)).status).toBe(200);
    expect((await call("PUT", "/v1/calendars/keys-workerd", secret, RACE_CALENDAR)).status).toBe(403);

    const booked = await call("POST", "/v1/calendars/keys-workerd/bookings", secret, {
      start: `${RACE_DAY}T12:00:00+01:00`,
      durationMinutes: 30,
      notes: "alergia a penicilina",
    });
    expect(booked.status).toBe(201);
    const path = `/v1/calendars/keys-workerd/bookings/${booked.body.booking.id}`;
    expect((await call("GET", path)).status).toBe(401);
    const byToken = await call("GET", path, booked.body.bookingToken);
    expect(byToken.status).toBe(200);
    expect(byToken.body.booking).not.toHaveProperty("notes");
    expect((await call("GET", path, secret)).body.booking.notes).toBe("alergia a penicilina");

    expect((await call("DELETE", `/admin/keys/${key.id}`, ADMIN_TOKEN)).status).toBe(200);
    // Revoked through this isolate: forgotten at once (another isolate would wait DEFAULT_KEY_CACHE_MS).
    expect((await call("POST", "/v1/appointments/parse", secret, PARSE)).status).toBe(401);
  });
});
