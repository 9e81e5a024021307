// Pieces of OpenAPI operations: each schema module documents its routes beside the schemas they read and
// answer, and src/http/openapi.ts gathers them into GET /openapi.json.

/** OpenAPI path items by path, as written in the document (`/v1/calendars/{id}`). */
export type PathItems = Record<string, Record<string, unknown>>;

/** A reference to a component schema, by the id its zod schema was registered under (`.meta({ id })`). */
export function ref(id: string): { $ref: string } {
  return { $ref: `#/components/schemas/${id}` };
}

/** A JSON body of a component schema. */
export function json(id: string): Record<string, unknown> {
  return { "application/json": { schema: ref(id) } };
}

/** Operations anyone may call. */
export const PUBLIC: readonly Record<string, string[]>[] = [];
/** Operations that need Authorization: Bearer <ADMIN_TOKEN>. */
export const ADMIN: readonly Record<string, string[]>[] = [{ adminToken: [] }];
/**
 * Routes a client key opens (the scope each needs is in its 401/403 description). No key is needed on an
 * open deployment (no keys, loopback), nor for parsing, Duckling, calendars and booking with ALLOW_ANONYMOUS.
 */
export const CLIENT: readonly Record<string, string[]>[] = [{ clientKey: [] }, {}];
/** Calendar admin: the admin token, or a key with the calendars scope. */
export const CALENDAR_ADMIN: readonly Record<string, string[]>[] = [{ adminToken: [] }, { clientKey: [] }];
/** One booking: the key that made it, a calendars key, the admin token or the booking's own token. */
export const BOOKING_READER: readonly Record<string, string[]>[] = [
  { clientKey: [] },
  { bookingToken: [] },
  { adminToken: [] },
  {},
];
/** GET /metrics: Authorization: Bearer <METRICS_TOKEN>, or nothing on a loopback listener without one. */
export const SCRAPER: readonly Record<string, string[]>[] = [{ metricsToken: [] }, {}];
