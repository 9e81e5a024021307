// What a browser, or an attacker posing as one, sends to probe Cita's CORS: preflights and plain requests
// from the listed origin, from other origins and look-alikes, on the browser routes and on the routes that
// must never answer cross-origin (admin, /metrics, Duckling's /parse). Node's tests assert each answer;
// the workerd tests send the same probes to a Worker and to Node and expect the same answers.

/** The origin the tests list in CORS_ORIGINS. */
export const LISTED_ORIGIN = "https://app.example";

/** Origins that must get nothing: another site, look-alikes of the listed one, and the opaque origin. */
export const UNLISTED_ORIGINS = [
  "https://evil.example",
  "https://app.example.evil.example",
  "https://evil-app.example",
  "http://app.example",
  "https://app.example:8443",
  "HTTPS://APP.EXAMPLE",
  "null",
];

export interface CorsProbe {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** The parts of an answer CORS decides. */
export interface CorsAnswer {
  status: number;
  allowOrigin: string | null;
  allowMethods: string | null;
  allowHeaders: string | null;
  allowCredentials: string | null;
  exposeHeaders: string | null;
  maxAge: string | null;
  vary: string | null;
}

const PARSE_BODY = JSON.stringify({
  text: "cita mañana a las 10",
  timezone: "Europe/Madrid",
  now: "2026-03-02T09:00:00+01:00",
  mode: "rules",
});

/** A browser's preflight for `method` with the request headers a frontend sends. */
export function preflight(path: string, origin: string, method: string, headers = "content-type"): CorsProbe {
  return {
    method: "OPTIONS",
    path,
    headers: { origin, "access-control-request-method": method, "access-control-request-headers": headers },
  };
}

export function parseFrom(origin: string): CorsProbe {
  return {
    method: "POST",
    path: "/v1/appointments/parse",
    headers: { origin, "content-type": "application/json" },
    body: PARSE_BODY,
  };
}

/** The browser routes: each takes a preflight from the listed origin. */
export const BROWSER_ROUTES: readonly (readonly [path: string, method: string, allowed: string])[] = [
  ["/v1/appointments/parse", "POST", "POST"],
  ["/v1/calendars/dr-perez/availability", "GET", "GET"],
  ["/v1/calendars/dr-perez/bookings", "POST", "POST"],
  ["/v1/calendars/dr-perez/bookings/0b6f3d1e-7f0a-4a8e-9d55-2f1b0c3a4e5d", "DELETE", "GET,DELETE"],
];

/** Routes no browser may call cross-origin, with a method each takes. */
export const CLOSED_ROUTES: readonly (readonly [path: string, method: string])[] = [
  ["/v1/calendars/dr-perez", "PUT"],
  ["/v1/calendars/dr-perez", "GET"],
  ["/admin/router", "GET"],
  ["/admin/router/weights", "PUT"],
  ["/admin/models", "GET"],
  ["/metrics", "GET"],
  ["/parse", "POST"],
  ["/health", "GET"],
  ["/openapi.json", "GET"],
];

export async function send(
  fetcher: (path: string, init: RequestInit) => Promise<Response>,
  probe: CorsProbe,
): Promise<CorsAnswer> {
  const response = await fetcher(probe.path, {
    method: probe.method,
    headers: probe.headers,
    ...(probe.body !== undefined ? { body: probe.body } : {}),
  });
  await response.arrayBuffer();
  const header = (name: string) => response.headers.get(name);
  return {
    status: response.status,
    allowOrigin: header("access-control-allow-origin"),
    allowMethods: header("access-control-allow-methods"),
    allowHeaders: header("access-control-allow-headers"),
    allowCredentials: header("access-control-allow-credentials"),
    exposeHeaders: header("access-control-expose-headers"),
    maxAge: header("access-control-max-age"),
    vary: header("vary"),
  };
}

/** Every probe the tests send, for a side-by-side comparison of two runtimes. */
export function allProbes(): CorsProbe[] {
  return [
    ...BROWSER_ROUTES.map(([path, method]) => preflight(path, LISTED_ORIGIN, method)),
    ...BROWSER_ROUTES.map(([path, method]) => preflight(path, "https://evil.example", method)),
    parseFrom(LISTED_ORIGIN),
    ...UNLISTED_ORIGINS.map(parseFrom),
    {
      method: "POST",
      path: "/v1/appointments/parse",
      headers: { origin: LISTED_ORIGIN, "content-type": "application/json" },
      body: "{",
    },
    ...CLOSED_ROUTES.map(([path, method]) => preflight(path, LISTED_ORIGIN, method, "authorization")),
    ...CLOSED_ROUTES.filter(([, method]) => method === "GET").map(([path]) => ({
      method: "GET",
      path,
      headers: { origin: LISTED_ORIGIN },
    })),
  ];
}
