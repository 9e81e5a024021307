// Ids from request headers: a client-sent X-Request-Id of at most 64 safe characters is reused, anything
// else replaced; X-User-Id and X-Session-Id (the model registry's sticky subject) follow the same rule.
export const SAFE_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The header's value when it is a safe id, else null. */
export function safeId(header: string | undefined): string | null {
  return header !== undefined && SAFE_ID.test(header) ? header : null;
}

export function requestIdFrom(header: string | undefined): string {
  return safeId(header) ?? crypto.randomUUID();
}
