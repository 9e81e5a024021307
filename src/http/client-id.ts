// Who is calling: the identity provider health and per-client limits tell clients apart by, where no key
// says. Each runtime knows the address its own way: on Node the socket's peer (never a header a client could
// set), unless that peer is a proxy listed in TRUSTED_PROXIES, whose X-Forwarded-For then names the client;
// on Workers the `CF-Connecting-IP` header, which Cloudflare sets itself. Bounded in length, so no client
// input grows what is kept per client.
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "./env.js";
import { type AddressRange, inRange, parseAddress } from "./ip-address.js";

const MAX_LENGTH = 64;
/** Hops of X-Forwarded-For looked at, from the right: more proxies than this in a row is a misconfiguration. */
const MAX_HOPS = 16;

interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
}

/** Resolves the client's address once per request, believing X-Forwarded-For only from `trustedProxies`. */
export function clientAddress(trustedProxies: readonly AddressRange[]): MiddlewareHandler<AppEnv> {
  return async (context, next) => {
    context.set("clientAddress", resolveClientAddress(context, trustedProxies));
    await next();
  };
}

/** The client's id, or null when the runtime does not say (in-process requests, as in the tests). */
export function clientIdOf(context: Context<AppEnv>): string | null {
  const resolved = context.get("clientAddress");
  return resolved !== undefined ? resolved : resolveClientAddress(context, []);
}

function resolveClientAddress(context: Context, trustedProxies: readonly AddressRange[]): string | null {
  const bindings = context.env as NodeBindings | undefined;
  const incoming = bindings?.incoming;
  if (incoming === undefined) return context.req.header("cf-connecting-ip")?.slice(0, MAX_LENGTH) ?? null;
  const peer = incoming.socket?.remoteAddress;
  if (peer === undefined) return null;
  if (trustedProxies.length === 0) return peer.slice(0, MAX_LENGTH);
  return forwardedClient(peer, context.req.header("x-forwarded-for") ?? "", trustedProxies);
}

/**
 * Walks X-Forwarded-For from the right (each proxy appends the address it was reached from) past trusted
 * proxies: the first address not trusted is the client. Only the hops trusted proxies appended are believed,
 * so entries a client wrote itself (on the left) are never reached while one untrusted hop stands before them;
 * a malformed hop stops the walk at the last trusted proxy.
 */
function forwardedClient(peer: string, header: string, trustedProxies: readonly AddressRange[]): string {
  const trusted = (address: bigint) => trustedProxies.some((range) => inRange(address, range));
  const peerAddress = parseAddress(peer);
  if (peerAddress === null || !trusted(peerAddress)) return peer.slice(0, MAX_LENGTH);
  const hops = header.split(",").slice(-MAX_HOPS).reverse();
  let client = peer;
  for (const hop of hops) {
    const address = hopAddress(hop.trim());
    const value = address === null ? null : parseAddress(address);
    if (address === null || value === null) break;
    client = address;
    if (!trusted(value)) break;
  }
  return client.slice(0, MAX_LENGTH);
}

/** An X-Forwarded-For entry without the port some proxies add ("203.0.113.7:5123", "[2001:db8::1]:443"). */
function hopAddress(hop: string): string | null {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(hop);
  if (bracketed) return bracketed[1] ?? null;
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(hop);
  if (withPort) return withPort[1] ?? null;
  return hop === "" ? null : hop;
}
