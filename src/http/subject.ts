// The principal of a request and the subject its per-client limits count against: shared by the auth
// middleware and the rate limiter.
import type { Context } from "hono";
import { clientIdOf } from "./client-id.js";
import type { AppEnv } from "./env.js";
import type { Principal } from "./principal.js";

/** The principal the auth middleware set, or anonymous when none ran or none was found. */
export function principalOf(context: Context<AppEnv>): Principal {
  return context.get("principal") ?? { kind: "anonymous" };
}

/**
 * What per-client budgets are counted against: the key's id, else the client's address ("address:unknown"
 * for in-process requests, which then share one budget).
 */
export function subjectOf(context: Context<AppEnv>): string {
  const principal = principalOf(context);
  if (principal.kind === "key") return `key:${principal.keyId}`;
  return `address:${clientIdOf(context) ?? "unknown"}`;
}
