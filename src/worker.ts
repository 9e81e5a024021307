// Cloudflare Workers entry (named in wrangler.toml): builds the app from the bindings on first use, with the
// calendar store on the D1 binding `DB`, migrated lazily by the first request that needs it. No state, timers
// or randomness at global scope, as Workers requires.
import type { Hono } from "hono";
import { createApp } from "./app.js";
import { D1CalendarStore } from "./calendars/d1-store.js";
import type { CalendarStore } from "./calendars/store.js";
import { type Environment, readConfig } from "./config.js";
import type { AppEnv } from "./http/env.js";
import { jsonLogger } from "./http/logger.js";

type D1Binding = ConstructorParameters<typeof D1CalendarStore>[0];

let app: Hono<AppEnv> | undefined;

function appFor(bindings: Record<string, unknown>): Hono<AppEnv> {
  if (app === undefined) {
    const environment: Environment = {};
    for (const [name, value] of Object.entries(bindings)) {
      if (typeof value === "string") environment[name] = value;
    }
    const config = readConfig(environment);
    const database = bindings.DB as D1Binding | undefined;
    app = createApp({
      config,
      ...(database ? { store: migratedOnFirstUse(new D1CalendarStore(database)) } : {}),
      logger: jsonLogger(config.logLevel === "warn" ? "error" : config.logLevel, (line) => console.log(line)),
    });
  }
  return app;
}

/**
 * The store, with its migrations run once before the first call that reaches the database. A failed migration
 * is retried by the next request rather than remembered.
 */
function migratedOnFirstUse(store: CalendarStore): CalendarStore {
  let ready: Promise<void> | undefined;
  const migrated = async () => {
    ready ??= store.migrate().catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    await ready;
  };
  const after = <T>(call: () => Promise<T>) => migrated().then(call);
  return {
    migrate: migrated,
    putCalendar: (calendar) => after(() => store.putCalendar(calendar)),
    getCalendar: (id) => after(() => store.getCalendar(id)),
    confirmedBookings: (calendarId, fromMs, toMs) =>
      after(() => store.confirmedBookings(calendarId, fromMs, toMs)),
    createBooking: (booking) => after(() => store.createBooking(booking)),
    getBooking: (calendarId, bookingId) => after(() => store.getBooking(calendarId, bookingId)),
    cancelBooking: (calendarId, bookingId) => after(() => store.cancelBooking(calendarId, bookingId)),
  };
}

export default {
  fetch(
    request: Request,
    bindings: Record<string, unknown>,
    executionContext: unknown,
  ): Response | Promise<Response> {
    return appFor(bindings).fetch(request, bindings, executionContext as never);
  },
};
