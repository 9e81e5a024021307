// The SQL of client keys (migration 3) both stores run, as queries.ts does for calendars and bookings: a
// key's public id, name, scopes and rates, and the SHA-256 of its secret, never the secret itself.
import type { Scope } from "../http/principal.js";
import type { Statement } from "./statement.js";
import type { ClientKey, NewClientKey } from "./types.js";

export interface ClientKeyRow {
  id: string;
  name: string;
  scopes: string;
  rate_per_minute: string;
  created_at: string;
  revoked_at: string | null;
}

const COLUMNS = "id, name, scopes, rate_per_minute, created_at, revoked_at";

export function insertClientKeyStatement(key: NewClientKey): Statement {
  return {
    sql: `INSERT INTO client_keys (id, name, scopes, secret_digest, rate_per_minute, created_at)
      VALUES (?, ?, ?, ?, ?, ?)`,
    params: [
      key.id,
      key.name,
      JSON.stringify(key.scopes),
      key.secretDigest,
      JSON.stringify(key.ratePerMinute),
      key.createdAt,
    ],
  };
}

export function listClientKeysStatement(): Statement {
  return { sql: `SELECT ${COLUMNS} FROM client_keys ORDER BY created_at, id`, params: [] };
}

export function clientKeyByDigestStatement(secretDigest: string): Statement {
  return { sql: `SELECT ${COLUMNS} FROM client_keys WHERE secret_digest = ?`, params: [secretDigest] };
}

/** Revokes once: a second revocation keeps the first time. Returns the key (null: no such key). */
export function revokeClientKeyStatement(id: string, revokedAt: string): Statement {
  return {
    sql: `UPDATE client_keys SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? RETURNING ${COLUMNS}`,
    params: [revokedAt, id],
  };
}

export function anyClientKeysStatement(): Statement {
  return {
    sql: "SELECT EXISTS (SELECT 1 FROM client_keys) AS active",
    params: [],
  };
}

export function clientKeyFromRow(row: ClientKeyRow): ClientKey {
  return {
    id: row.id,
    name: row.name,
    scopes: JSON.parse(row.scopes) as Scope[],
    ratePerMinute: JSON.parse(row.rate_per_minute) as ClientKey["ratePerMinute"],
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}
