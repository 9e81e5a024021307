// `Authorization: Bearer <token>` checked against a configured secret, for the admin routes and /metrics.
// Tokens are compared as SHA-256 digests: both sides then have 32 bytes, so neither the time taken nor an
// early exit reveals the token's length or its first differing byte. crypto.subtle exists on Node and Workers.

export const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/** A check of an Authorization header against `token`; the token's digest is computed once. */
export function bearerCheck(token: string): (authorization: string | undefined) => Promise<boolean> {
  const expected = digest(token);
  return async (authorization) => {
    const presented = BEARER.exec(authorization ?? "")?.[1];
    return presented !== undefined && equalBytes(await expected, await digest(presented));
  };
}

async function digest(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  let difference = a.length ^ b.length;
  for (let index = 0; index < a.length; index++) difference |= a[index]! ^ (b[index] ?? 0);
  return difference === 0;
}
