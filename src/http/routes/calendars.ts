// Calendars over HTTP (shared/spec/api.md, "Calendars and bookings"): PUT and GET /v1/calendars/:id (PUT
// needs the admin token or a `calendars` key: src/http/access-rules.ts) and the free slots of a range, GET
// /v1/calendars/:id/availability.
import { Hono } from "hono";
import { freeSlots } from "../../calendars/availability.js";
import type { CalendarStore } from "../../calendars/store.js";
import type { Calendar } from "../../calendars/types.js";
import type { AppEnv } from "../env.js";
import { ApiError, methodNotAllowed } from "../errors.js";
import { AvailabilityQuerySchema, CalendarInputSchema, MAX_AVAILABILITY_DAYS } from "../schemas/calendars.js";
import { readJsonBody, readQuery, validate } from "../validation.js";
import { CALENDAR_PATH, calendarIdOf, calendarOf, storeOf } from "./calendar-access.js";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
export const AVAILABILITY_PATH = "/v1/calendars/:id/availability";

export interface CalendarRouteOptions {
  /** Without a store every calendar route answers 503 store_unavailable. */
  store: CalendarStore | undefined;
}

export function calendarRoutes(options: CalendarRouteOptions): Hono<AppEnv> {
  const store = storeOf(options.store);
  const routes = new Hono<AppEnv>();

  routes.put(CALENDAR_PATH, async (context) => {
    const calendars = store();
    const id = calendarIdOf(context);
    const { id: bodyId, ...input } = validate(CalendarInputSchema, await readJsonBody(context.req.raw));
    if (bodyId !== undefined && bodyId !== id) {
      throw new ApiError("invalid_request", "id: must match the calendar id in the path.");
    }
    const calendar: Calendar = { id, ...input };
    await calendars.putCalendar(calendar);
    return context.json(calendar, 200);
  });

  routes.get(CALENDAR_PATH, async (context) =>
    context.json(await calendarOf(store(), calendarIdOf(context))),
  );

  routes.get(AVAILABILITY_PATH, async (context) => {
    const calendars = store();
    const calendarId = calendarIdOf(context);
    const query = validate(AvailabilityQuerySchema, readQuery(context.req.raw));
    const fromMs = Date.parse(query.from);
    const toMs = Date.parse(query.to);
    if (toMs <= fromMs) throw new ApiError("invalid_request", "to: must be after from.");
    if (toMs - fromMs > MAX_AVAILABILITY_DAYS * DAY) {
      throw new ApiError("invalid_request", `to: must be at most ${MAX_AVAILABILITY_DAYS} days after from.`);
    }
    const calendar = await calendarOf(calendars, calendarId);
    const buffer = calendar.bufferMinutes * MINUTE;
    const bookings = await calendars.confirmedBookings(calendarId, fromMs - buffer, toMs + buffer);
    return context.json({ calendarId, slots: freeSlots(calendar, bookings, fromMs, toMs) });
  });

  routes.all(CALENDAR_PATH, methodNotAllowed("GET, PUT"));
  routes.all(AVAILABILITY_PATH, methodNotAllowed("GET"));
  return routes;
}
