// A private redis-server (Debian package "redis-server") on 127.0.0.1, a free port and a temporary folder,
// nothing saved to disk, stopped by its user: for the shared-state tests (test/support/redis-server.ts) and
// for `npm run bench`'s shared-state figures. Never a system service.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Whether redis-server is on PATH. */
export function redisServerOnPath(environment: NodeJS.ProcessEnv = process.env): boolean {
  const probe = spawnSync("redis-server", ["--version"], { encoding: "utf8", env: environment });
  return (probe.error as NodeJS.ErrnoException | undefined)?.code !== "ENOENT";
}

export interface RedisServer {
  /** redis://127.0.0.1:PORT */
  url: string;
  port: number;
  stop(): Promise<void>;
  /** Kills it (its folder stays): Redis gone in operation. */
  down(): Promise<void>;
  /** Starts it again on the same port with nothing in it (Redis back, its data lost). */
  up(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const directory = mkdtempSync(join(tmpdir(), "cita-redis-"));
  let child = await launch(port, directory);
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
    }
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: async () => {
      await stop();
      rmSync(directory, { recursive: true, force: true });
    },
    down: stop,
    up: async () => {
      child = await launch(port, directory);
    },
  };
}

function launch(port: number, directory: string): Promise<ChildProcess> {
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--dir", directory, "--save", "", "--appendonly", "no"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  return new Promise((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (output.includes("Ready to accept connections")) resolve(child);
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.once("exit", (code) => reject(new Error(`redis-server exited with ${code}:\n${output}`)));
  });
}
