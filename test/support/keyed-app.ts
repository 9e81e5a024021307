// An app in process on a fresh SQLite file, with ADMIN_TOKEN, a calendar open round the clock and helpers to
// create client keys through the admin API and call routes as a key, a booking's token or nobody: what the
// client-key tests share.
import type { SqliteCalendarStore } from "../../src/calendars/sqlite-store.js";
import type { Environment } from "../../src/config.js";
import { closedAfterEach, openCalendarApp, ROUND_THE_CLOCK } from "./calendar-app.js";

export const KEYS_ADMIN_TOKEN = "keys-admin-token-0123456789abcdef-0123";
/** Monday 5 January 2026, 08:00 UTC: the app's clock. */
export const KEYS_NOW = Date.parse("2026-01-05T08:00:00Z");
export const CALENDAR = "round-the-clock";

export interface Answer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: answers are read field by field in the tests
  body: any;
}

export interface KeyedApp {
  store: SqliteCalendarStore;
  /** `credential`: a key's secret, a booking's token or the admin token; none: anonymous. */
  call(
    method: string,
    path: string,
    credential?: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Answer>;
  createKey(scopes: string[], extra?: Record<string, unknown>): Promise<{ id: string; secret: string }>;
  /** Books the `slot`-th half hour of Tuesday 6 January 2026 in CALENDAR. */
  book(
    credential: string | undefined,
    slot: number,
    extra?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<Answer>;
  close(): Promise<void>;
}

export async function openKeyedApp(
  environment: Environment = {},
  options: { openWithoutKeys?: boolean } = {},
): Promise<KeyedApp> {
  const { app, store, close } = await openCalendarApp({
    environment: { ADMIN_TOKEN: KEYS_ADMIN_TOKEN, ...environment },
    clock: () => KEYS_NOW,
    app: options,
  });
  const call: KeyedApp["call"] = async (method, path, credential, body, headers = {}) => {
    const response = await app.request(path, {
      method,
      headers: {
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(credential === undefined ? {} : { authorization: `Bearer ${credential}` }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text === "" ? null : JSON.parse(text),
    };
  };
  const put = await call("PUT", `/v1/calendars/${CALENDAR}`, KEYS_ADMIN_TOKEN, ROUND_THE_CLOCK);
  if (put.status !== 200) throw new Error(`calendar not stored: ${JSON.stringify(put.body)}`);
  return {
    store,
    call,
    async createKey(scopes, extra = {}) {
      const created = await call("POST", "/admin/keys", KEYS_ADMIN_TOKEN, {
        name: `key ${scopes.join("+")}`,
        scopes,
        ...extra,
      });
      if (created.status !== 201) throw new Error(`key not created: ${JSON.stringify(created.body)}`);
      return { id: created.body.key.id, secret: created.body.secret };
    },
    book: (credential, slot, extra = {}, headers = {}) =>
      call(
        "POST",
        `/v1/calendars/${CALENDAR}/bookings`,
        credential,
        {
          start: new Date(Date.parse("2026-01-06T00:00:00Z") + slot * 30 * 60_000).toISOString(),
          durationMinutes: 30,
          contact: "Ana López",
          notes: "alergia a penicilina",
          ...extra,
        },
        headers,
      ),
    close,
  };
}

/** For a test file: `open` opens an app (the arguments of openKeyedApp) that is closed after each test. */
export function keyedApps(): (...args: Parameters<typeof openKeyedApp>) => Promise<KeyedApp> {
  return closedAfterEach(openKeyedApp);
}

export function parseRequest(text = "cita mañana a las 10"): Record<string, unknown> {
  return { text, now: "2026-01-05T09:00:00+01:00", timezone: "Europe/Madrid" };
}
