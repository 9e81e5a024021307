// `npm run keys`, as an operator runs it (node with tsx, the Node server's DATABASE_PATH): it creates a key
// and prints the secret once, never stored (the SQLite files hold no trace of it), lists keys without
// secrets, revokes one (the app then answers it 401), explains its mistakes, and does the same through a
// running Cita's admin API with --url and ADMIN_TOKEN.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { openSqliteStore } from "../../src/calendars/sqlite-store.js";
import { readConfig } from "../../src/config.js";
import { type ServedApp, serveOnLoopback } from "../support/socket-client.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const ADMIN_TOKEN = "keys-cli-admin-token-0123456789abcdef";
const folder = mkdtempSync(join(tmpdir(), "cita-keys-cli-"));
const DATABASE_PATH = join(folder, "cita.db");
/** tsx compiles the CLI's imports on each run: seconds, more on a loaded machine. */
const RUN_TIMEOUT_MS = 60_000;

afterAll(() => rmSync(folder, { recursive: true, force: true }));

function keys(args: string[], environment: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, ["--import", "tsx", "tools/keys.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_PATH, ...environment },
    encoding: "utf8",
    timeout: RUN_TIMEOUT_MS,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The same, without blocking this process: the --url runs call an app this process serves. */
function keysServed(args: string[], environment: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "tools/keys.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_PATH, ...environment },
      timeout: RUN_TIMEOUT_MS,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function secretIn(output: string): string {
  const secret = /^cita_key_[A-Za-z0-9_-]{43}$/m.exec(output)?.[0];
  if (secret === undefined) throw new Error(`no secret in:\n${output}`);
  return secret;
}

/** Every byte SQLite wrote for this database: the file, its WAL and shared memory. */
function databaseBytes(): string {
  return [DATABASE_PATH, `${DATABASE_PATH}-wal`, `${DATABASE_PATH}-shm`]
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file).toString("latin1"))
    .join("");
}

describe("npm run keys on the local database", { timeout: RUN_TIMEOUT_MS * 4 }, () => {
  it("creates a key, shows its secret once and stores only its digest", async () => {
    const created = keys(["create", "--scope", "parse,book", "--name", "web", "--rate", "parse=600"]);
    expect(created.code, created.stderr).toBe(0);
    const secret = secretIn(created.stdout);
    expect(created.stdout).toMatch(
      /^Created key_[A-Za-z0-9_-]{12} {2}"web" {2}scopes parse,book {2}rates parse=600\/min/,
    );
    expect(databaseBytes()).not.toContain(secret);
    expect(databaseBytes()).not.toContain(secret.slice("cita_key_".length));

    const listed = keys(["list"]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('"web"  scopes parse,book');
    expect(listed.stdout).not.toContain(secret);

    // The server on that database takes the key until the CLI revokes it.
    const store = await openSqliteStore(DATABASE_PATH);
    const app = createApp({ config: readConfig({}), store, keyCacheMs: 0 });
    const parse = () =>
      app.request("/v1/appointments/parse", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
        body: JSON.stringify({ text: "mañana a las 10" }),
      });
    try {
      expect((await parse()).status).toBe(200);
      const id = /key_[A-Za-z0-9_-]{12}/.exec(listed.stdout)?.[0] ?? "";
      const revoked = keys(["revoke", id]);
      expect(revoked.code, revoked.stderr).toBe(0);
      expect(revoked.stdout).toMatch(new RegExp(`^Revoked ${id} .* revoked \\d{4}-`));
      expect((await parse()).status).toBe(401);
    } finally {
      await store.close();
    }
  });

  it.each([
    [["create", "--name", "web"], "--scope: "],
    [["create", "--scope", "root", "--name", "web"], "--scope: "],
    [["create", "--scope", "parse"], "--name: "],
    [["create", "--scope", "parse", "--name", "web", "--rate", "parse:600"], "--rate parse:600"],
    [["revoke"], "revoke takes one key id"],
    [["rotate"], 'unknown command "rotate"'],
    [["list", "--colour"], "Unknown option '--colour'"],
    [["list", "--url", "http://cita.example"], "--url: use https://"],
    [["list", "--url", "ftp://127.0.0.1"], "--url: use https://"],
    [["list", "--url", "cita.example"], "--url: "],
  ])("refuses %j with exit 2, the reason and the usage", (args, reason) => {
    const run = keys(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(reason);
    expect(run.stderr).toContain("Usage: npm run keys");
  });

  it("fails with exit 1 for a key that does not exist, and shows --help with exit 0", () => {
    const missing = keys(["revoke", "key_nothere"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("no client key key_nothere");
    const help = keys(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--url <base>");
  });
});

describe("npm run keys --url, through the admin API", { timeout: RUN_TIMEOUT_MS * 4 }, () => {
  let served: ServedApp | undefined;
  afterAll(async () => served?.close());

  it("creates, lists and revokes with ADMIN_TOKEN, and needs it", async () => {
    const directory = mkdtempSync(join(folder, "remote-"));
    const store = await openSqliteStore(join(directory, "cita.db"));
    served = await serveOnLoopback(createApp({ config: readConfig({ ADMIN_TOKEN }), store }));
    const url = `http://127.0.0.1:${served.port}`;
    const created = await keysServed(["create", "--url", url, "--scope", "book", "--name", "remote"], {
      ADMIN_TOKEN,
    });
    expect(created.code, created.stderr).toBe(0);
    const secret = secretIn(created.stdout);
    const [key] = await store.listClientKeys();
    expect(key).toMatchObject({ name: "remote", scopes: ["book"], revokedAt: null });
    expect((await keysServed(["list", "--url", url], { ADMIN_TOKEN })).stdout).toContain('"remote"');
    expect((await keysServed(["revoke", "--url", url, key?.id ?? ""], { ADMIN_TOKEN })).code).toBe(0);
    expect((await store.listClientKeys())[0]?.revokedAt).not.toBeNull();
    expect(created.stdout.split(secret)).toHaveLength(2);

    const withoutToken = await keysServed(["list", "--url", url], { ADMIN_TOKEN: "" });
    expect(withoutToken.code).toBe(2);
    expect(withoutToken.stderr).toContain("--url needs ADMIN_TOKEN");
    const wrongToken = await keysServed(["list", "--url", url], { ADMIN_TOKEN: `${ADMIN_TOKEN}x` });
    expect(wrongToken.code).toBe(1);
    expect(wrongToken.stderr).toContain("answered 401 unauthorized");
    await store.close();
  });
});
