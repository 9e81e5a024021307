// Who may call which route (issue 16, item 2), in one table: each rule is a middleware registered before the
// routes it guards, for the methods it names only, so a CORS preflight or a 405 needs no credential. The
// booking routes that read or cancel one booking decide per booking (routes/booking-access.ts).
import type { Hono } from "hono";
import type { Access, Need } from "./access.js";
import type { AppEnv } from "./env.js";
import { BOOKINGS_PATH } from "./routes/bookings.js";
import { CALENDAR_PATH } from "./routes/calendar-access.js";
import { AVAILABILITY_PATH } from "./routes/calendars.js";
import { DUCKLING_PATH } from "./schemas/duckling.js";
import { PARSE_PATH } from "./schemas/parse.js";

type Method = "GET" | "POST" | "PUT" | "DELETE";

export const ACCESS_RULES: ReadonlyArray<readonly [Method, string, Need]> = [
  ["POST", PARSE_PATH, { scope: "parse", anonymous: "public" }],
  ["POST", DUCKLING_PATH, { scope: "parse", anonymous: "public" }],
  ["POST", BOOKINGS_PATH, { scope: "book", anonymous: "public" }],
  ["GET", CALENDAR_PATH, { scope: "any", anonymous: "public" }],
  ["GET", AVAILABILITY_PATH, { scope: "any", anonymous: "public" }],
  ["PUT", CALENDAR_PATH, { scope: "calendars", anonymous: "never" }],
];

/** What every admin route asks: ADMIN_TOKEN or a key with the `admin` scope. */
export const ADMIN_NEED: Need = { scope: "admin", anonymous: "never" };

/** Registers the table's rules on `app`; call it before the routes are mounted. */
export function guardRoutes(app: Hono<AppEnv>, access: Access): Hono<AppEnv> {
  for (const [method, path, need] of ACCESS_RULES) app.on(method, path, access.require(need));
  return app;
}
