// What the calendar and booking routes share: the store (503 without one), the calendar id of the path
// (400 when malformed) and the calendar itself (404 when unknown).
import type { Context } from "hono";
import type { CalendarStore } from "../../calendars/store.js";
import type { Calendar } from "../../calendars/types.js";
import { ApiError } from "../errors.js";
import { CALENDAR_ID } from "../schemas/fields.js";

export const CALENDAR_PATH = "/v1/calendars/:id";

/** The store, or 503 store_unavailable on every calendar route of a deployment without one. */
export function storeOf(store: CalendarStore | undefined): () => CalendarStore {
  return () => {
    if (store === undefined) {
      throw new ApiError("store_unavailable", "This deployment has no calendar store configured.");
    }
    return store;
  };
}

export function calendarIdOf(context: Context): string {
  const id = context.req.param("id") ?? "";
  if (!CALENDAR_ID.test(id)) {
    throw new ApiError("invalid_request", "id: must be 1 to 64 letters, digits, '-' or '_'.");
  }
  return id;
}

export async function calendarOf(store: CalendarStore, id: string): Promise<Calendar> {
  const calendar = await store.getCalendar(id);
  if (calendar === null) throw new ApiError("not_found", `Unknown calendar: ${id}.`);
  return calendar;
}
