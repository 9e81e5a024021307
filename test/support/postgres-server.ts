// A private PostgreSQL for the tests that need the real engine: initdb in a temporary folder, the server on
// 127.0.0.1 and a free port with its unix socket in that folder, stopped (and the folder removed) at the end.
// No system service. A clone needs only Node to pass `npm test`, so without the binaries these tests skip and
// say why; CI (.ci/run) installs Debian's "postgresql" and sets CITA_REQUIRE_POSTGRES=1, which turns a missing
// PostgreSQL into a failure. initdb refuses to run as root: as root, the server runs as the "postgres" user
// (which Debian's package creates) through runuser.
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const REQUIRE_POSTGRES = "CITA_REQUIRE_POSTGRES";
const SERVER_USER = "postgres";
/** The superuser initdb creates; trust authentication on 127.0.0.1 and the socket only. */
const DATABASE_USER = "cita";

export const POSTGRES_MISSING_SKIPPED =
  'PostgreSQL is not installed (no initdb on PATH nor in /usr/lib/postgresql/*/bin): install Debian\'s "postgresql" package to run the PostgreSQL tests (CI sets CITA_REQUIRE_POSTGRES=1, which fails instead of skipping)';
export const POSTGRES_MISSING_REQUIRED =
  'PostgreSQL is not installed and CITA_REQUIRE_POSTGRES=1 requires it: install Debian\'s "postgresql" package (.ci/run installs it through APT_PACKAGES)';

export function postgresRequired(environment: NodeJS.ProcessEnv = process.env): boolean {
  const value = environment[REQUIRE_POSTGRES]?.trim() ?? "";
  return value !== "" && value !== "0";
}

/** The folder holding initdb, pg_ctl and postgres: PATH first, then Debian's newest version; null: none. */
export function postgresBinaries(): string | null {
  const onPath = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
  if (onPath.status === 0 && existsSync(join(onPath.stdout.trim(), "initdb"))) return onPath.stdout.trim();
  const debian = "/usr/lib/postgresql";
  if (!existsSync(debian)) return null;
  const versions = readdirSync(debian)
    .filter((name) => /^\d+$/.test(name) && existsSync(join(debian, name, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? null : join(debian, versions[0], "bin");
}

/**
 * Null when the PostgreSQL tests can run; otherwise why they skip. Throws when they are required here
 * (CITA_REQUIRE_POSTGRES), so the test file fails instead.
 */
export function postgresSkipReason(
  environment: NodeJS.ProcessEnv = process.env,
  binaries: string | null = postgresBinaries(),
): string | null {
  if (binaries !== null) return null;
  if (postgresRequired(environment)) throw new Error(POSTGRES_MISSING_REQUIRED);
  console.warn(`skipped: ${POSTGRES_MISSING_SKIPPED}`);
  return POSTGRES_MISSING_SKIPPED;
}

export interface PostgresServer {
  /** The temporary folder holding the data, the log and the unix socket; removed by `stop`. */
  folder: string;
  /** postgres://cita@127.0.0.1:PORT/DATABASE for a database of this server. */
  url(database?: string): string;
  /** Creates a fresh database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server, keeping its files, so a test can see the store fail and then `start` it again. */
  pause(): void;
  /** Starts the server again on the same port after `pause`. */
  start(): void;
  /** Stops the server for good and removes its folder. */
  stop(): void;
}

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released for the server to take). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no TCP port was given");
  return address.port;
}

/** initdb and starts a private server; call `stop` when done. */
export async function startPostgres(): Promise<PostgresServer> {
  const binaries = postgresBinaries();
  if (binaries === null) throw new Error(POSTGRES_MISSING_REQUIRED);
  const folder = mkdtempSync(join(tmpdir(), "cita-postgres-"));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const ids = execFileSync("id", ["-u", SERVER_USER], { encoding: "utf8" }).trim();
    const group = execFileSync("id", ["-g", SERVER_USER], { encoding: "utf8" }).trim();
    chownSync(folder, Number(ids), Number(group));
  }
  const run = (program: string, args: string[]) => {
    const command = join(binaries, program);
    const [file, argv] = asRoot ? ["runuser", ["-u", SERVER_USER, "--", command, ...args]] : [command, args];
    const result = spawnSync(file, argv, { encoding: "utf8", cwd: folder });
    if (result.status !== 0) {
      throw new Error(`${program} failed (${result.status}): ${result.stdout}${result.stderr}`);
    }
  };
  const data = join(folder, "data");
  run("initdb", ["-D", data, "-U", DATABASE_USER, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
  const port = await freePort();
  const options = `-h 127.0.0.1 -p ${port} -k ${folder} -c fsync=off -c max_connections=200`;
  const start = () => run("pg_ctl", ["-D", data, "-l", join(folder, "log"), "-o", options, "-w", "start"]);
  const pause = () => run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
  start();
  let running = true;
  const url = (database = "postgres") => `postgres://${DATABASE_USER}@127.0.0.1:${port}/${database}`;
  return {
    folder,
    url,
    async createDatabase(name) {
      run("createdb", ["-h", folder, "-p", String(port), "-U", DATABASE_USER, name]);
      return url(name);
    },
    pause() {
      pause();
      running = false;
    },
    start() {
      start();
      running = true;
    },
    stop() {
      if (running) pause();
      running = false;
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
