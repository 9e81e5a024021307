// Clients of an in-process app as the rate limits see them: each request from a chosen address, given to
// the app as the Node server gives it (the socket's peer in `incoming`, what src/http/client-id.ts reads),
// and, until client keys merge, a stand-in for the keys' middleware that sets the request's principal as it
// will (src/http/principal.ts), so per-key budgets can be driven too.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono } from "hono";
import { afterEach } from "vitest";
import { createApp } from "../../src/app.js";
import { openSqliteStore } from "../../src/calendars/sqlite-store.js";
import { type Environment, readConfig } from "../../src/config.js";
import type { AppEnv } from "../../src/http/env.js";
import type { KeyPrincipal } from "../../src/http/principal.js";
import { ErrorResponseSchema } from "../../src/http/schemas/errors.js";
import type { RateLimiter } from "../../src/limits/limiter.js";

export const ADMIN_TOKEN = "rate-limits-admin-token-0123456789abcdef";
export const METRICS_TOKEN = "rate-limits-metrics-token-0123456789abcdef";
/** Tuesday 20 January 2026, 00:00 UTC. */
export const START = Date.parse("2026-01-20T00:00:00Z");
const HALF_HOUR = 30 * 60_000;
const ALL_DAY = [{ from: "00:00", to: "24:00" }];
const WEEK = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/** The header the stand-in reads: a key id, and optionally the key's own booking rate ("key_a;booking=5"). */
const STAND_IN_KEY = "x-stand-in-key";

export interface LimitedApp {
  /** The clock every bucket reads; move it instead of sleeping. */
  time: { now: number };
  request(from: string | null, path: string, init?: RequestInit): Promise<Response>;
  /** A booking `slot` half hours after the first slot of day two, for contact `contact`. */
  book(from: string | null, slot: number, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/** For a test file: opens apps as openLimitedApp does, and closes each once its test is over. */
export function limitedApps(): (
  environment?: Environment,
  options?: { limiter?: RateLimiter },
) => Promise<LimitedApp> {
  let opened: LimitedApp[] = [];
  afterEach(async () => {
    await Promise.all(opened.map((app) => app.close()));
    opened = [];
  });
  return async (environment = {}, options = {}) => {
    const app = await openLimitedApp(environment, options);
    opened.push(app);
    return app;
  };
}

export async function openLimitedApp(
  environment: Environment = {},
  options: { limiter?: RateLimiter } = {},
): Promise<LimitedApp> {
  const directory = mkdtempSync(join(tmpdir(), "cita-rate-limits-"));
  const store = await openSqliteStore(join(directory, "cita.db"));
  await store.migrate();
  const time = { now: START };
  const config = readConfig({
    ADMIN_TOKEN,
    METRICS_TOKEN,
    MAX_ACTIVE_BOOKINGS_PER_CONTACT: "0",
    // Anonymous clients on public addresses, as a deployment that allows them serves them (issue 16, item 2).
    ALLOW_ANONYMOUS: "true",
    ...environment,
  });
  const inner = createApp({ config, store, clock: () => time.now, ...options });
  const app = new Hono<AppEnv>()
    .use(async (context, next) => {
      const standIn = context.req.header(STAND_IN_KEY);
      if (standIn !== undefined) context.set("principal", keyPrincipal(standIn));
      await next();
    })
    .route("/", inner);
  const request = async (from: string | null, path: string, init: RequestInit = {}) =>
    app.request(path, init, from === null ? undefined : { incoming: { socket: { remoteAddress: from } } });
  const calendar = await request(null, "/v1/calendars/clinic", {
    method: "PUT",
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify({
      name: "Round the clock",
      timezone: "UTC",
      slotMinutes: 30,
      openingHours: Object.fromEntries(WEEK.map((day) => [day, ALL_DAY])),
    }),
  });
  if (calendar.status !== 200) throw new Error(`PUT calendar: ${calendar.status} ${await calendar.text()}`);
  return {
    time,
    request,
    book: (from, slot, headers = {}) =>
      request(from, "/v1/calendars/clinic/bookings", {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({
          start: new Date(START + 2 * 24 * 60 * 60_000 + slot * HALF_HOUR).toISOString(),
          durationMinutes: 30,
          contact: `Contact ${slot}`,
        }),
      }),
    close: async () => {
      await store.close?.();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** The stand-in key header for a key id, with its own per-action rates if any. */
export function standInKey(keyId: string, rates: Record<string, number> = {}): Record<string, string> {
  const overrides = Object.entries(rates).map(([action, rate]) => `;${action}=${rate}`);
  return { [STAND_IN_KEY]: `${keyId}${overrides.join("")}` };
}

function keyPrincipal(header: string): KeyPrincipal {
  const [keyId = "", ...overrides] = header.split(";");
  const ratePerMinute = Object.fromEntries(
    overrides.map((override) => override.split("=")).map(([action, rate]) => [action, Number(rate)]),
  );
  return { kind: "key", keyId, name: keyId, scopes: ["parse", "book"], ratePerMinute };
}

export const JSON_HEADERS = { "content-type": "application/json" };

/** The first 429 among the answers: its Retry-After and its error. */
export async function firstRefusal(
  answers: readonly Response[],
): Promise<{ retryAfter: string | null; error: { code: string; message: string } }> {
  const refused = answers.find((answer) => answer.status === 429);
  if (refused === undefined) throw new Error("no answer was 429");
  const { error } = ErrorResponseSchema.parse(await refused.json());
  return { retryAfter: refused.headers.get("retry-after"), error };
}

/** Statuses counted: { 201: 10, 429: 90 }. */
export function tally(responses: readonly Response[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const response of responses) counts[response.status] = (counts[response.status] ?? 0) + 1;
  return counts;
}
