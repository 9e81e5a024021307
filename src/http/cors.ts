// CORS for browser frontends on the origins of CORS_ORIGINS, on the routes a chat frontend calls (parsing,
// free slots, booking, reading and cancelling a booking), never on admin routes, /metrics or Duckling's
// route. hono's cors middleware writes the headers; it runs only for a listed origin, so any other origin
// gets no Access-Control-* header at all and its preflight the route's usual 405. Every answer of these
// routes varies by Origin, so a shared cache never hands one origin's answer to another.
import type { Hono, MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import type { AppEnv } from "./env.js";
import { BOOKING_PATH, BOOKINGS_PATH } from "./routes/bookings.js";
import { AVAILABILITY_PATH } from "./routes/calendars.js";
import { PARSE_PATH } from "./schemas/parse.js";

/** The request headers Cita reads: the body's type, a client key (later), idempotency, tracing, variants. */
export const CORS_REQUEST_HEADERS = [
  "Content-Type",
  "Authorization",
  "Idempotency-Key",
  "X-Request-Id",
  "X-User-Id",
  "X-Session-Id",
];
/** The answer headers a frontend may read beyond the safelisted ones. */
export const CORS_EXPOSED_HEADERS = ["X-Request-Id", "Retry-After", "Idempotent-Replayed"];
/** Ten minutes: a change of CORS_ORIGINS reaches browsers that soon. */
export const CORS_MAX_AGE_SECONDS = 600;

/** The browser routes and the methods each takes. */
export const CORS_ROUTES: ReadonlyArray<readonly [path: string, methods: string[]]> = [
  [PARSE_PATH, ["POST"]],
  [AVAILABILITY_PATH, ["GET"]],
  [BOOKINGS_PATH, ["POST"]],
  [BOOKING_PATH, ["GET", "DELETE"]],
];

/** The app with CORS on the browser routes; unchanged when no origin is listed (CORS_ORIGINS unset). */
export function withCors(app: Hono<AppEnv>, origins: readonly string[]): Hono<AppEnv> {
  if (origins.length === 0) return app;
  const listed = new Set(origins);
  for (const [path, methods] of CORS_ROUTES) app.use(path, browserAccess(listed, methods));
  return app;
}

function browserAccess(listed: ReadonlySet<string>, methods: string[]): MiddlewareHandler<AppEnv> {
  const allow = cors({
    origin: (origin) => origin,
    allowMethods: methods,
    allowHeaders: CORS_REQUEST_HEADERS,
    exposeHeaders: CORS_EXPOSED_HEADERS,
    maxAge: CORS_MAX_AGE_SECONDS,
  });
  return async (context, next) => {
    if (listed.has(context.req.header("origin") ?? "")) return allow(context, next);
    await next();
    context.header("Vary", "Origin", { append: true });
  };
}
