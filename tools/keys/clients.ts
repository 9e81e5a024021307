// Where `npm run keys` acts: the local SQLite store (the Node server's DATABASE_PATH, migrated as start-up
// migrates it) or a running Cita's admin API (ADMIN_TOKEN as bearer). Both answer the same three calls.
import type { CalendarStore } from "../../src/calendars/store.js";
import type { ClientKey } from "../../src/calendars/types.js";
import type { IssuedKey } from "../../src/http/issue-key.js";
import type { NewKeyInput } from "../../src/http/schemas/keys.js";

export interface KeyClient {
  create(input: NewKeyInput): Promise<IssuedKey>;
  list(): Promise<ClientKey[]>;
  revoke(id: string): Promise<ClientKey>;
  close(): Promise<void>;
}

export async function localClient(
  databasePath: string,
  issue: (store: CalendarStore, input: NewKeyInput) => Promise<IssuedKey>,
  now: () => string,
): Promise<KeyClient> {
  const { openSqliteStore } = await import("../../src/calendars/sqlite-store.js");
  const store = await openSqliteStore(databasePath);
  return {
    create: (input) => issue(store, input),
    list: () => store.listClientKeys(),
    async revoke(id) {
      const key = await store.revokeClientKey(id, now());
      if (key === null) throw new Error(`no client key ${id} in ${databasePath}`);
      return key;
    },
    close: () => store.close(),
  };
}

export function remoteClient(base: string, adminToken: string): KeyClient {
  const call = async <Answer>(method: string, path: string, body?: unknown): Promise<Answer> => {
    const url = new URL(path, base.endsWith("/") ? base : `${base}/`);
    const response = await fetch(url, {
      method,
      headers: {
        authorization: `Bearer ${adminToken}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const answer = (await response.json().catch(() => null)) as
      | (Answer & { error?: { code: string; message: string } })
      | null;
    if (!response.ok) {
      const error = answer?.error;
      throw new Error(
        `${url.origin} answered ${response.status}${error ? ` ${error.code}: ${error.message}` : ""}`,
      );
    }
    return answer as Answer;
  };
  return {
    create: (input) => call<IssuedKey>("POST", "admin/keys", input),
    list: async () => (await call<{ keys: ClientKey[] }>("GET", "admin/keys")).keys,
    revoke: async (id) =>
      (await call<{ key: ClientKey }>("DELETE", `admin/keys/${encodeURIComponent(id)}`)).key,
    async close() {},
  };
}
