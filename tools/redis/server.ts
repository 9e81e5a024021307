// A private redis-server (Debian package "redis-server") on 127.0.0.1, a free port and a temporary folder,
// nothing saved to disk, stopped by its user: for the shared-state tests (test/support/redis-server.ts) and
// for `npm run bench`'s shared-state figures. Never a system service. A server that does not say it is
// ready within START_TIMEOUT_MS is killed and refused; every server still running when this process exits
// is killed with it.
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
  /** Stops it answering, connections left open (SIGSTOP): a hung Redis. */
  freeze(): void;
  /** Lets a frozen server answer again (SIGCONT). */
  thaw(): void;
}

const START_TIMEOUT_MS = 10_000;
const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

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
    freeze: () => child.kill("SIGSTOP"),
    thaw: () => child.kill("SIGCONT"),
  };
}

function launch(port: number, directory: string): Promise<ChildProcess> {
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--dir", directory, "--save", "", "--appendonly", "no"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  running.add(child);
  child.once("exit", () => running.delete(child));
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`redis-server was not ready within ${START_TIMEOUT_MS} ms:\n${output}`));
    }, START_TIMEOUT_MS);
    const read = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (!output.includes("Ready to accept connections")) return;
      clearTimeout(timer);
      resolve(child);
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}:\n${output}`));
    });
  });
}
