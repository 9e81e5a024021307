// JSON answers with their headers as a plain object. Hono's context.json turns two or more headers into a
// Headers object, and on Node the adapter then copies that object back out header by header: on the parse
// route that cost more than serialising the answer. A Response built with plain headers takes
// @hono/node-server's direct write path, and is an ordinary Response on Workers.
import type { Context } from "hono";

/** Responses that already carry their X-Request-Id, so the request middleware need not add it. */
const stamped = new WeakSet<Response>();

const REQUEST_ID_HEADER = "X-Request-Id";

/** `body` as a 200 JSON answer, stamped with the request's id. */
export function jsonResponse(context: Context, body: unknown): Response {
  const response = new Response(JSON.stringify(body), {
    headers: { "Content-Type": "application/json", [REQUEST_ID_HEADER]: context.get("requestId") ?? "" },
  });
  stamped.add(response);
  return response;
}

/** Adds X-Request-Id to the request's response unless it was built with one. */
export function stampRequestId(context: Context, requestId: string): void {
  if (!stamped.has(context.res)) context.header(REQUEST_ID_HEADER, requestId);
}
