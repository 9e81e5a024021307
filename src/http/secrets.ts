// The secrets Cita hands out: client keys (issue 16, item 1) and each booking's own token (item 2). Both
// are 32 random bytes, so a plain SHA-256 is the right thing to store (nothing to stretch: there is no
// dictionary to guess from). The prefixes tell them apart in a bearer header, and make them easy to find
// in logs or repositories they leaked into.

export const KEY_SECRET_PREFIX = "cita_key_";
export const BOOKING_TOKEN_PREFIX = "cita_bt_";
export const KEY_ID_PREFIX = "key_";

const SECRET_BYTES = 32;
/** 72 bits: ids are public, so they need only be unique. */
const KEY_ID_BYTES = 9;

/** A new client key's secret: "cita_key_" and 43 base64url characters. */
export function newKeySecret(): string {
  return KEY_SECRET_PREFIX + randomBase64Url(SECRET_BYTES);
}

/** A new booking's token: "cita_bt_" and 43 base64url characters. */
export function newBookingToken(): string {
  return BOOKING_TOKEN_PREFIX + randomBase64Url(SECRET_BYTES);
}

/** A new key's public id: "key_" and 12 base64url characters. */
export function newKeyId(): string {
  return KEY_ID_PREFIX + randomBase64Url(KEY_ID_BYTES);
}

/** The hex SHA-256 of a text: what the store keeps of a secret, and how a request is hashed. */
export async function hexDigest(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

function randomBase64Url(bytes: number): string {
  const random = crypto.getRandomValues(new Uint8Array(bytes));
  let binary = "";
  for (const byte of random) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
