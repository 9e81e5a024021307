// Who is calling: the identity the provider health (and, later, per-client limits) tells clients apart by.
// Today it is the client's address; a key's id takes its place once client keys exist (issue 16, items
// 1–3). Each runtime knows the address its own way: on Node the socket's peer (never a header a client
// could set), on Workers the `CF-Connecting-IP` header, which Cloudflare sets itself. Bounded in length, so
// no client input grows what is kept per client.
import type { Context } from "hono";

const MAX_LENGTH = 64;

interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
}

/** The client's id, or null when the runtime does not say (in-process requests, as in the tests). */
export function clientIdOf(context: Context): string | null {
  const bindings = context.env as NodeBindings | undefined;
  const incoming = bindings?.incoming;
  if (incoming !== undefined) return incoming.socket?.remoteAddress?.slice(0, MAX_LENGTH) ?? null;
  return context.req.header("cf-connecting-ip")?.slice(0, MAX_LENGTH) ?? null;
}
