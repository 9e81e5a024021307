// Admin routes need `Authorization: Bearer <ADMIN_TOKEN>`. Without a configured token they answer 403 (the
// deployment has no admin); a missing or wrong token answers 401.
import type { MiddlewareHandler } from "hono";
import { ApiError } from "./errors.js";

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

export function requireAdmin(adminToken: string | null): MiddlewareHandler {
  const expected = adminToken === null ? null : digest(adminToken);
  return async (context, next) => {
    if (expected === null) {
      throw new ApiError("forbidden", "Admin routes are disabled: no ADMIN_TOKEN is configured.");
    }
    const presented = BEARER.exec(context.req.header("authorization") ?? "")?.[1];
    if (presented === undefined || !equalBytes(await expected, await digest(presented))) {
      throw new ApiError("unauthorized", "Send Authorization: Bearer <admin token>.", {
        "WWW-Authenticate": 'Bearer realm="cita"',
      });
    }
    await next();
  };
}

/**
 * Tokens are compared as SHA-256 digests: both sides then have 32 bytes, so neither the time taken nor an
 * early exit reveals the token's length or its first differing byte. crypto.subtle exists on Node and Workers.
 */
async function digest(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  let difference = a.length ^ b.length;
  for (let index = 0; index < a.length; index++) difference |= a[index]! ^ (b[index] ?? 0);
  return difference === 0;
}
