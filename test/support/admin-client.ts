// Calls an app's admin routes in process with a bearer token (or none), for the admin API tests.
import type { Hono } from "hono";

export type AdminCall = (
  method: string,
  path: string,
  body?: unknown,
  token?: string | null,
) => Promise<{ status: number; body: Record<string, unknown> }>;

/** `token` is the default; a call may pass another, or null to send no Authorization header. */
export function adminClient(app: Pick<Hono, "request">, token: string): AdminCall {
  return async (method, path, body, bearer = token) => {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (bearer !== null) headers.authorization = `Bearer ${bearer}`;
    const response = await app.request(path, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
}
