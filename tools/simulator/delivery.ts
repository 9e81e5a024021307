// Puts a reply on the wire the way a faulty network or provider would: late headers, a body that stalls
// halfway, a socket destroyed without a word, or no answer at all until the client gives up.
import type { IncomingMessage, ServerResponse } from "node:http";

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type Delivery =
  | { kind: "reply"; reply: Reply; headersDelayMs: number; bodyStallMs: number }
  | { kind: "reset"; headersDelayMs: number }
  | { kind: "hang" };

/** Resolves after `ms`, or as soon as the signal aborts. */
function wait(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

/**
 * Delivers and resolves once the exchange is over: `status` is what was sent (null if nothing was), `aborted`
 * whether the client closed the connection before the reply was complete.
 */
export async function deliver(
  request: IncomingMessage,
  response: ServerResponse,
  delivery: Delivery,
): Promise<{ status: number | null; aborted: boolean }> {
  const closed = new AbortController();
  response.on("close", () => closed.abort());
  const aborted = () => closed.signal.aborted && !response.writableFinished;
  if (delivery.kind === "hang") {
    await new Promise<void>((resolve) =>
      closed.signal.addEventListener("abort", () => resolve(), { once: true }),
    );
    return { status: null, aborted: true };
  }
  await wait(delivery.headersDelayMs, closed.signal);
  if (closed.signal.aborted) return { status: null, aborted: true };
  if (delivery.kind === "reset") {
    request.socket.destroy();
    return { status: null, aborted: false };
  }
  const { reply } = delivery;
  const body = Buffer.from(reply.body, "utf8");
  response.writeHead(reply.status, { ...reply.headers, "content-length": String(body.length) });
  if (delivery.bodyStallMs > 0) {
    const half = Math.floor(body.length / 2);
    response.write(body.subarray(0, half));
    await wait(delivery.bodyStallMs, closed.signal);
    if (closed.signal.aborted) return { status: reply.status, aborted: true };
    response.end(body.subarray(half));
  } else {
    response.end(body);
  }
  await new Promise<void>((resolve) => {
    if (response.writableFinished || closed.signal.aborted) resolve();
    else response.on("finish", () => resolve()).on("close", () => resolve());
  });
  return { status: reply.status, aborted: aborted() };
}
