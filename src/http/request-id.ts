// Request ids: a client-sent X-Request-Id of at most 64 safe characters is reused, anything else replaced.
export const SAFE_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function requestIdFrom(header: string | undefined): string {
  return header !== undefined && SAFE_ID.test(header) ? header : crypto.randomUUID();
}
