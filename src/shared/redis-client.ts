// The Redis connection of the shared state (src/shared/redis-state.ts): how a client is made, how it is
// checked at start (every command the store sends, so a Redis that refuses one, through an ACL, a read-only
// replica or a full memory, stops start-up instead of freezing the view later), and how failures are told
// without the URL's password.
import { randomUUID } from "node:crypto";
import { createClient } from "@redis/client";

export function newClient(url: string, reconnect: () => boolean) {
  return createClient({
    url,
    // Commands fail at once while disconnected: the request path never waits for Redis.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2_000,
      // The first connection fails start-up; later, reconnect for as long as it takes.
      reconnectStrategy: (retries, cause) => (reconnect() ? Math.min(100 * 2 ** retries, 1_000) : cause),
    },
  });
}

export type Client = ReturnType<typeof newClient>;

/** Scripts the store runs, each checked at start on a probe key. */
export interface Scripts {
  [name: string]: { script: string; probe: string[] };
}

/**
 * Sends every command the store uses once, on short-lived probe keys under `prefix`; rejects with the
 * first one Redis refuses and why. Scripts are probed with the arguments they are given in operation.
 */
export async function checkCommands(client: Client, prefix: string, scripts: Scripts): Promise<void> {
  const key = `${prefix}probe:${randomUUID()}`;
  const probes: [string, () => Promise<unknown>][] = [
    ["SET", () => client.set(key, "1", { PX: 10_000 })],
    ["GET", () => client.get(key)],
    ["MGET", () => client.mGet([key])],
    ["INCRBY", () => client.incrBy(`${key}:count`, 1)],
    ["PEXPIRE", () => client.pExpire(`${key}:count`, 10_000)],
    ["INCRBYFLOAT", () => client.incrByFloat(`${key}:spend`, 0.5)],
    ["EXPIRE", () => client.expire(`${key}:spend`, 10)],
    ["XADD", () => client.xAdd(`${key}:calls`, "*", { probe: "1" })],
    ["PEXPIRE", () => client.pExpire(`${key}:calls`, 10_000)],
    ["XRANGE", () => client.xRange(`${key}:calls`, "-", "+", { COUNT: 1 })],
    ...Object.values(scripts).map(
      ({ script, probe }) =>
        ["EVAL", () => client.eval(script, { keys: [`${key}:script`], arguments: probe })] as [
          string,
          () => Promise<unknown>,
        ],
    ),
  ];
  for (const [command, send] of probes) {
    try {
      await send();
    } catch (error) {
      throw new RefusedCommandError(command, error instanceof Error ? error.message : String(error));
    }
  }
}

export class RefusedCommandError extends Error {
  constructor(
    readonly command: string,
    reason: string,
  ) {
    super(`refuses ${command}, which Cita needs: ${reason}`);
  }
}

/** REDIS_URL by its scheme, host and port only (never its user or password). */
export function redactedRedisUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.hostname}:${parsed.port || "6379"}`;
}

/** Why Redis could not be used at start, naming REDIS_URL by its host and port only (never its password). */
export function describeStartFailure(error: unknown, url: string): string {
  const where = redactedRedisUrl(url);
  if (error instanceof RefusedCommandError)
    return `the shared-state store at REDIS_URL (${where}) ${error.message}`;
  let reason = error instanceof Error ? error.message : String(error);
  const password = new URL(url).password;
  if (password !== "") {
    for (const form of [password, safeDecode(password)]) reason = reason.split(form).join("***");
  }
  return `cannot reach the shared-state store at REDIS_URL (${where}): ${reason}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
