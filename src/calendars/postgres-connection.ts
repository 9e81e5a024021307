// How the PostgreSQL store connects, and which failures mean "the database cannot be reached" (answered 503
// store_unavailable, retried on the next request) rather than a fault of the statement. Also the
// DATABASE_URL as it may be shown: never with its password.
import pg from "pg";

/** Connections each instance keeps at most; bookings hold one for the few statements of a transaction. */
export const POOL_SIZE = 10;
/** A request waits this long for a connection before answering 503: a stopped server must not hang it. */
const CONNECT_TIMEOUT_MS = 5_000;
const INT8 = 20;

/** BIGINT (epoch milliseconds, COUNT(*)) read as a number: every value stored is below 2^53. */
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === INT8 && format !== "binary") return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

export function readConnectionSettings(url: string): pg.PoolConfig {
  return { connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, types };
}

/** Node's socket errors that mean the server is down, unreachable or went away. */
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
]);
/** SQLSTATEs of a server shutting down, starting or out of connections (classes 08, 53, 57P0x). */
const UNAVAILABLE_STATES = /^(08|53|57P0[1-3])/;
/** What pg says when a connection ends, or none comes, mid-request. */
const LOST_CONNECTION =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended/i;

export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && (SOCKET_CODES.has(code) || UNAVAILABLE_STATES.test(code))) return true;
  return LOST_CONNECTION.test(error.message);
}

/** DATABASE_URL without its password, for messages: postgres://user:***@host:port/database. */
export function redactedDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== "") parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(not a URL)";
  }
}
