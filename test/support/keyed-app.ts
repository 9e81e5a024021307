// An app in process on a fresh SQLite file, with ADMIN_TOKEN, a calendar open round the clock and helpers to
// create client keys through the admin API and call routes as a key, a booking's token or nobody: what the
// client-key tests share.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";
import { createApp } from "../../src/app.js";
import { openSqliteStore, type SqliteCalendarStore } from "../../src/calendars/sqlite-store.js";
import { type Environment, readConfig } from "../../src/config.js";

export const KEYS_ADMIN_TOKEN = "keys-admin-token-0123456789abcdef-0123";
/** Monday 5 January 2026, 08:00 UTC: the app's clock. */
export const KEYS_NOW = Date.parse("2026-01-05T08:00:00Z");
export const CALENDAR = "round-the-clock";
const ALL_DAY = [{ from: "00:00", to: "24:00" }];
const WEEK = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

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
  const directory = mkdtempSync(join(tmpdir(), "cita-keys-"));
  const store = await openSqliteStore(join(directory, "cita.db"));
  const app = createApp({
    config: readConfig({ ADMIN_TOKEN: KEYS_ADMIN_TOKEN, ...environment }),
    store,
    clock: () => KEYS_NOW,
    ...options,
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
  const calendar = {
    name: "Round the clock",
    timezone: "UTC",
    slotMinutes: 30,
    openingHours: Object.fromEntries(WEEK.map((day) => [day, ALL_DAY])),
  };
  const put = await call("PUT", `/v1/calendars/${CALENDAR}`, KEYS_ADMIN_TOKEN, calendar);
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
    async close() {
      await store.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** For a test file: `open` opens an app (the arguments of openKeyedApp) that is closed after each test. */
export function keyedApps(): (...args: Parameters<typeof openKeyedApp>) => Promise<KeyedApp> {
  let opened: KeyedApp[] = [];
  afterEach(async () => {
    await Promise.all(opened.map((app) => app.close()));
    opened = [];
  });
  return async (...args) => {
    const app = await openKeyedApp(...args);
    opened.push(app);
    return app;
  };
}

export function parseRequest(text = "cita mañana a las 10"): Record<string, unknown> {
  return { text, now: "2026-01-05T09:00:00+01:00", timezone: "Europe/Madrid" };
}
