// Node and workerd side by side: one exchange sent to the app in process and to a `wrangler dev` worker,
// each answer reduced to what must match (status, the headers the contract names, the JSON body with
// timings reduced to the agents timed, and /health's last store check to a constant), so a test compares
// the two with one toEqual.
import type { createApp } from "../../src/app.js";

export interface Exchange {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface Comparable {
  status: number;
  contentType: string | null;
  requestId: string | null;
  allow: string | null;
  body: unknown;
}

/** Sends `exchange` to both; `workerUrl` is read per call, so a worker that failed to start fails the test. */
export function parityClient(app: ReturnType<typeof createApp>, workerUrl: () => string) {
  return async function onBoth(exchange: Exchange): Promise<{ node: Comparable; workerd: Comparable }> {
    const init = { method: exchange.method, headers: exchange.headers ?? {}, body: exchange.body ?? null };
    const [onNode, onWorkerd] = await Promise.all([
      app.request(exchange.path, init),
      fetch(`${workerUrl()}${exchange.path}`, init),
    ]);
    return { node: await comparable(onNode), workerd: await comparable(onWorkerd) };
  };
}

/** Status, the headers the contract names, and the JSON body with timings reduced to the agents timed. */
async function comparable(response: Response): Promise<Comparable> {
  const body = (await response.json()) as {
    meta?: { timingsMs?: Record<string, number> };
    stores?: { calendars?: { checkedAt: string } };
  };
  if (body.meta?.timingsMs) {
    body.meta.timingsMs = Object.fromEntries(Object.keys(body.meta.timingsMs).map((agent) => [agent, 0]));
  }
  // /health: when each runtime last asked its database is a timing too.
  if (body.stores?.calendars) body.stores.calendars.checkedAt = "checked";
  return {
    status: response.status,
    contentType: response.headers.get("content-type"),
    requestId: response.headers.get("x-request-id"),
    allow: response.headers.get("allow"),
    body,
  };
}

/** A parse request with a request id of its own, so both answers carry the same one. */
export function parseRequest(body: string, requestId: string): Exchange {
  return {
    method: "POST",
    path: "/v1/appointments/parse",
    headers: { "content-type": "application/json", "x-request-id": requestId },
    body,
  };
}
