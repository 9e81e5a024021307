// Clients of an in-process app as the rate limits see them: each request from a chosen address, given to
// the app as the Node server gives it (the socket's peer in `incoming`, what src/http/client-id.ts reads),
// and real client keys created through the admin API, so per-key budgets are driven as frontends drive them.
import type { Environment } from "../../src/config.js";
import type { LimitedAction } from "../../src/http/principal.js";
import { ErrorResponseSchema } from "../../src/http/schemas/errors.js";
import type { RateLimiter } from "../../src/limits/limiter.js";
import { closedAfterEach, openCalendarApp, ROUND_THE_CLOCK } from "./calendar-app.js";

export const ADMIN_TOKEN = "rate-limits-admin-token-0123456789abcdef";
export const METRICS_TOKEN = "rate-limits-metrics-token-0123456789abcdef";
/** Tuesday 20 January 2026, 00:00 UTC. */
export const START = Date.parse("2026-01-20T00:00:00Z");
const HALF_HOUR = 30 * 60_000;

export interface LimitedApp {
  /** The clock every bucket reads; move it instead of sleeping. */
  time: { now: number };
  request(from: string | null, path: string, init?: RequestInit): Promise<Response>;
  /** A booking `slot` half hours after the first slot of day two, for contact `contact`. */
  book(from: string | null, slot: number, headers?: Record<string, string>): Promise<Response>;
  /** A new client key (scopes parse and book, its own rates if given): the headers that send it. */
  key(name: string, ratePerMinute?: Partial<Record<LimitedAction, number>>): Promise<Record<string, string>>;
  close(): Promise<void>;
}

/** For a test file: opens apps as openLimitedApp does, and closes each once its test is over. */
export function limitedApps(): (
  environment?: Environment,
  options?: { limiter?: RateLimiter },
) => Promise<LimitedApp> {
  return closedAfterEach(openLimitedApp);
}

export async function openLimitedApp(
  environment: Environment = {},
  options: { limiter?: RateLimiter } = {},
): Promise<LimitedApp> {
  const time = { now: START };
  const { app, close } = await openCalendarApp({
    environment: {
      ADMIN_TOKEN,
      METRICS_TOKEN,
      MAX_ACTIVE_BOOKINGS_PER_CONTACT: "0",
      // Anonymous clients on public addresses, as a deployment that allows them serves them (issue 16, item 2).
      ALLOW_ANONYMOUS: "true",
      ...environment,
    },
    clock: () => time.now,
    // Keys read afresh on every request, so a key created mid-test counts at once.
    app: { keyCacheMs: 0, ...options },
  });
  const request = async (from: string | null, path: string, init: RequestInit = {}) =>
    app.request(path, init, from === null ? undefined : { incoming: { socket: { remoteAddress: from } } });
  const calendar = await request(null, "/v1/calendars/clinic", {
    method: "PUT",
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify(ROUND_THE_CLOCK),
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
    key: async (name, ratePerMinute) => {
      const created = await request(null, "/admin/keys", {
        method: "POST",
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
        body: JSON.stringify({
          name,
          scopes: ["parse", "book"],
          ...(ratePerMinute ? { ratePerMinute } : {}),
        }),
      });
      if (created.status !== 201) throw new Error(`POST key: ${created.status} ${await created.text()}`);
      const { secret } = (await created.json()) as { secret: string };
      return { authorization: `Bearer ${secret}` };
    },
    close,
  };
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
