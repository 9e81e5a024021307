// The principal of a request and the subject it is told apart by (provider health, per-client limits):
// shared by the auth middleware, the parse route and the rate limiter.
import type { Context } from "hono";
import { clientIdOf } from "./client-id.js";
import type { AppEnv } from "./env.js";
import { networkOf } from "./ip-address.js";
import type { Principal } from "./principal.js";

/** The principal the auth middleware set, or anonymous when none ran or none was found. */
export function principalOf(context: Context<AppEnv>): Principal {
  return context.get("principal") ?? { kind: "anonymous" };
}

/**
 * Who the request is, to tell clients apart (provider health, per-client budgets): the key's id, else the
 * client's address; null when neither is known (in-process requests).
 */
export function subjectOf(context: Context<AppEnv>): string | null {
  const principal = principalOf(context);
  if (principal.kind === "key") return `key:${principal.keyId}`;
  const address = clientIdOf(context);
  // An IPv6 client by its /64, as the limits count it: one host may use any of its 2^64 addresses.
  return address === null ? null : `address:${networkOf(address)}`;
}
