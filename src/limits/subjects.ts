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

/** An IPv4 address as it is (also when IPv4-mapped); an IPv6 address as its first four groups and "::/64". */
export function networkOf(address: string): string {
  const bare = address.replace(/%.*$/, "").toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(bare);
  if (mapped) return mapped[1]!;
  if (!bare.includes(":")) return bare;
  const [head = "", tail] = bare.split("::", 2);
  const groups = head === "" ? [] : head.split(":");
  if (tail !== undefined) {
    const tailGroups = tail === "" ? [] : tail.split(":");
    // "::" stands for the zero groups that make eight (an IPv4 tail counts as two).
    const written = groups.length + tailGroups.length + (tail.includes(".") ? 1 : 0);
    for (let missing = 8 - written; missing > 0; missing--) groups.push("0");
    groups.push(...tailGroups);
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
