// The shared SQL of the calendar store (queries.ts, booking-caps.ts, client-keys.ts, migrations.ts) as
// PostgreSQL runs it: `?` placeholders numbered $1, $2…, and the few SQLite spellings replaced by their
// PostgreSQL equivalents, so one set of statements serves SQLite, D1 and PostgreSQL alike.
import type { Statement } from "./statement.js";

/** Each SQLite-only fragment the shared statements use, and what PostgreSQL says instead. */
const DIALECT: ReadonlyArray<readonly [string, string]> = [
  // The time of the write, as the same ISO text.
  [
    "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
    `to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  ],
  // Instants compared whatever offset spelling they were stored with.
  ["julianday(created_at) <= julianday(?)", "created_at::timestamptz <= ?::timestamptz"],
  // SQLite's NOCASE folds ASCII only; lower() under the "C" collation does the same.
  ["contact = ? COLLATE NOCASE", `lower(contact COLLATE "C") = lower(?::text COLLATE "C")`],
  // A parameter compared to nothing else needs a type in PostgreSQL.
  ["? IS NULL", "?::bigint IS NULL"],
  // Unquoted names fold to lower case in PostgreSQL.
  ["AS byKey", 'AS "byKey"'],
  // EXISTS is a boolean in PostgreSQL; the stores read 1 or 0.
  ["EXISTS (SELECT 1 FROM client_keys) AS active", "EXISTS (SELECT 1 FROM client_keys)::int AS active"],
];

const translated = new Map<string, string>();

/** The statement's SQL in PostgreSQL's dialect (translated once per distinct SQL text). */
export function postgresSql(sql: string): string {
  let result = translated.get(sql);
  if (result === undefined) {
    let text = sql;
    for (const [sqlite, postgres] of DIALECT) text = text.replaceAll(sqlite, postgres);
    let position = 0;
    result = text.replace(/\?/g, () => `$${++position}`);
    translated.set(sql, result);
  }
  return result;
}

/** A shared statement ready for the pg driver. */
export function postgresStatement({ sql, params }: Statement): { text: string; values: Statement["params"] } {
  return { text: postgresSql(sql), values: params };
}
