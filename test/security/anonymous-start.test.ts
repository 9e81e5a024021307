// Who may call, settled at start-up by `node src/node.ts`: on a non-loopback address with no client keys it
// refuses to listen (exit 1, saying how to go on) unless ALLOW_ANONYMOUS=true, which it says at warn; with
// a key in the database it listens; on loopback without keys it listens open and says so.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../src/calendars/sqlite-store.js";
import { issueKey } from "../../src/http/issue-key.js";
import { ENTRY_TEST_TIMEOUT_MS, runNodeEntry, stopAll } from "../support/node-entry.js";

const folders: string[] = [];

afterAll(() => {
  stopAll();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A database holding one key, as `npm run keys -- create` leaves it. */
async function databaseWithKey(): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), "cita-start-"));
  folders.push(folder);
  const path = join(folder, "cita.db");
  const store = await openSqliteStore(path);
  await issueKey(store, { name: "web", scopes: ["parse"] }, new Date().toISOString());
  await store.close();
  return path;
}

describe("node src/node.ts", { timeout: ENTRY_TEST_TIMEOUT_MS }, () => {
  it("refuses to listen on 0.0.0.0 with no client keys, saying how to go on", async () => {
    const outcome = await runNodeEntry({ HOST: "0.0.0.0" });
    expect(outcome.url).toBeNull();
    expect(outcome.exitCode).toBe(1);
    expect(outcome.output).toContain("cita: refusing to listen on 0.0.0.0 with no client keys");
    expect(outcome.output).toContain("npm run keys -- create");
    expect(outcome.output).toContain("ALLOW_ANONYMOUS=true");
  });

  it("listens on 0.0.0.0 with ALLOW_ANONYMOUS=true, and says so at warn", async () => {
    const outcome = await runNodeEntry({ HOST: "0.0.0.0", ALLOW_ANONYMOUS: "true" });
    expect(outcome.url).not.toBeNull();
    const warning = outcome.output.split("\n").find((line) => line.includes('"event":"anonymous_access"'));
    expect(JSON.parse(warning ?? "{}")).toMatchObject({ level: "warn", event: "anonymous_access" });
  });

  it("listens on 0.0.0.0 once a key exists, and then refuses callers without one", async () => {
    const outcome = await runNodeEntry({ HOST: "0.0.0.0", DATABASE_PATH: await databaseWithKey() });
    expect(outcome.url).not.toBeNull();
    const port = new URL(outcome.url ?? "").port;
    const parse = await fetch(`http://127.0.0.1:${port}/v1/appointments/parse`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "mañana a las 10" }),
    });
    expect(parse.status).toBe(401);
    expect(outcome.output).not.toContain("anonymous_access");
  });

  it("listens open on loopback without keys, and says so", async () => {
    const outcome = await runNodeEntry({});
    expect(outcome.url).not.toBeNull();
    expect(outcome.output).toContain('"event":"open_access"');
    const parse = await fetch(`${outcome.url}/v1/appointments/parse`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "mañana a las 10" }),
    });
    expect(parse.status).toBe(200);
  });
});
