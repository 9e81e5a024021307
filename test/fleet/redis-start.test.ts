// REDIS_URL at the Node entry: a Redis that cannot be reached, or a value that is no Redis URL, stops
// `node src/node.ts` before it listens, with a message naming REDIS_URL and never the password. Needs no
// redis-server: nothing listens on the port it is given.
import { afterAll, describe, expect, it } from "vitest";
import { ENTRY_TEST_TIMEOUT_MS, runNodeEntry, stopAll } from "../support/node-entry.js";
import { freePort } from "../support/redis-server.js";

describe("REDIS_URL at start", () => {
  afterAll(stopAll);

  it(
    "exits non-zero when Redis cannot be reached, naming REDIS_URL and hiding the password",
    async () => {
      const port = await freePort();
      const outcome = await runNodeEntry({ REDIS_URL: `redis://cita:s3cret-pass@127.0.0.1:${port}` });
      expect(outcome.url).toBeNull();
      expect(outcome.exitCode).toBe(1);
      expect(outcome.output).toContain(
        `cannot reach the shared-state store at REDIS_URL (redis://127.0.0.1:${port})`,
      );
      expect(outcome.output).not.toContain("s3cret-pass");
    },
    ENTRY_TEST_TIMEOUT_MS,
  );

  it(
    "exits non-zero on a value that is no Redis URL, without echoing it",
    async () => {
      const outcome = await runNodeEntry({ REDIS_URL: "postgres://cita:s3cret-pass@127.0.0.1/cita" });
      expect(outcome.exitCode).toBe(1);
      expect(outcome.output).toContain(
        "invalid configuration: REDIS_URL: must start with redis:// or rediss://",
      );
      expect(outcome.output).not.toContain("s3cret-pass");
    },
    ENTRY_TEST_TIMEOUT_MS,
  );
});
