// What a request's budgets count against (src/http/subject.ts's subjects, refined for limits): a key's id
// wherever the key is used from; otherwise the client's address, with an IPv6 address taken as its /64
// (one subscriber's whole network: anyone given a /64 can use any of its 2^64 addresses). No address is
// limited where it names no client: in-process requests have none, and a loopback peer is this machine
// itself, or a proxy on it in front of every client (docs/security/rate-limits.md: keys, or the proxy's
// own limits, tell those clients apart).
import type { Context } from "hono";
import { isLoopbackHost } from "../config/edge.js";
import { clientIdOf } from "../http/client-id.js";
import type { AppEnv } from "../http/env.js";
import { networkOf } from "../http/ip-address.js";
import { principalOf, subjectOf } from "../http/subject.js";

/** The subject of the request's action budgets, or null when the request is not limited. */
export function limitedSubject(context: Context<AppEnv>): string | null {
  if (principalOf(context).kind === "key") return subjectOf(context);
  return addressSubject(context);
}

/** `address:<client address>` (failed authentications count only against this), or null as above. */
export function addressSubject(context: Context<AppEnv>): string | null {
  const address = clientIdOf(context);
  if (address === null || isLoopbackHost(address)) return null;
  return `address:${networkOf(address)}`;
}
