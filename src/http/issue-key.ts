// Creating a client key, shared by the admin API (routes/keys-admin.ts) and the CLI (tools/keys.ts): a fresh
// secret, stored only as its SHA-256, and handed back once with the key.
import type { CalendarStore } from "../calendars/store.js";
import type { ClientKey } from "../calendars/types.js";
import type { NewKeyInput } from "./schemas/keys.js";
import { hexDigest, newKeyId, newKeySecret } from "./secrets.js";

export interface IssuedKey {
  key: ClientKey;
  /** Shown once: nothing can recover it later. */
  secret: string;
}

export async function issueKey(
  store: CalendarStore,
  input: NewKeyInput,
  createdAt: string,
): Promise<IssuedKey> {
  const secret = newKeySecret();
  const key: ClientKey = {
    id: newKeyId(),
    name: input.name,
    scopes: input.scopes,
    ratePerMinute: input.ratePerMinute ?? {},
    createdAt,
    revokedAt: null,
  };
  await store.createClientKey({ ...key, secretDigest: await hexDigest(secret) });
  return { key, secret };
}
