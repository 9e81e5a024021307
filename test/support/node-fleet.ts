// Two `node src/node.ts` on one private Redis (and, if asked, one private PostgreSQL as their calendar
// store), against a simulator scope of the test file's own, for the fleet tests (test/fleet/): started
// before the file's tests with qwen on the simulator plus the file's settings, stopped after them; and the two requests those tests make of an instance, GET /health and a
// parse.
import { afterAll, beforeAll, expect } from "vitest";
import { HealthResponseSchema } from "../../src/http/schemas/health.js";
import { ENTRY_TEST_TIMEOUT_MS, launchNode, type NodeEntry, stopAll } from "./node-entry.js";
import { haircutRequest } from "./parse-requests.js";
import { type PostgresServer, startPostgres } from "./postgres-server.js";
import { type RedisServer, startRedis } from "./redis-server.js";
import { type SimulatorScope, useSimulatorScope } from "./simulator.js";

export interface NodeFleet {
  simulator: SimulatorScope;
  redis(): RedisServer;
  /** The two instances, in start order. */
  entries(): [NodeEntry, NodeEntry];
}

export function useNodesOnRedis(
  seed: number,
  settings: Record<string, string>,
  options: { postgres?: boolean } = {},
): NodeFleet {
  const simulator = useSimulatorScope({ seed });
  let redis: RedisServer | undefined;
  let postgres: PostgresServer | undefined;
  let entries: [NodeEntry, NodeEntry] | undefined;
  beforeAll(
    async () => {
      [redis, postgres] = await Promise.all([
        startRedis(),
        options.postgres === true ? startPostgres() : undefined,
      ]);
      const environment = {
        QWEN_API_KEY: "sk-test",
        QWEN_BASE_URL: simulator.baseUrls.qwen,
        REDIS_URL: redis.url,
        ...(postgres !== undefined ? { DATABASE_URL: await postgres.createDatabase("fleet") } : {}),
        ...settings,
      };
      entries = await Promise.all([launchNode(environment), launchNode(environment)]);
    },
    ENTRY_TEST_TIMEOUT_MS * (options.postgres === true ? 2 : 1),
  );
  afterAll(async () => {
    stopAll();
    postgres?.stop();
    await redis?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the fleet starts in beforeAll");
    return value;
  };
  return { simulator, redis: () => started(redis), entries: () => started(entries) };
}

/** An instance's /health, with its router's first provider. */
export async function health(entry: NodeEntry) {
  const body = HealthResponseSchema.parse(await (await fetch(`${entry.url}/health`)).json());
  return { router: body.router!, provider: body.router!.providers[0]!, body };
}

/** Parses the index-th haircut request on an instance, expects a 200 and returns how it was read. */
export async function parse(entry: NodeEntry, index: number): Promise<string> {
  const response = await fetch(`${entry.url}/v1/appointments/parse`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(haircutRequest(index)),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { meta: { mode: string } }).meta.mode;
}
