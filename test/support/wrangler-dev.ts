// Starts `wrangler dev` on local workerd for tests, fully offline, and stops it with its whole process group
// (wrangler's node, esbuild and the workerd children), so a test run leaves no process behind; a watchdog
// does the same if the process that started it is interrupted or killed first.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

export interface WranglerDev {
  url: string;
  /**
   * Resolves once GET /health answers 200; if wrangler exits first or the time runs out, stops it and
   * rejects with what it printed.
   */
  ready: Promise<void>;
  /** What wrangler printed so far (stdout and stderr interleaved, last 20 kB). */
  output(): string;
  stop(): Promise<void>;
}

export interface WranglerDevOptions {
  cwd: string;
  /** Worker variables passed with --var, overriding wrangler.toml's [vars]. */
  vars?: Record<string, string>;
  /** A folder of its own for the local D1 (--persist-to), so its keys and bookings reach no other worker. */
  persistTo?: string;
  /** Configuration files (-c, in order: the first is served, the others run beside it); wrangler.toml by default. */
  configs?: readonly string[];
  /** Variables of wrangler's own environment (WRANGLER_REGISTRY_PATH, say), on top of the offline ones. */
  environment?: Record<string, string>;
  readyTimeoutMs?: number;
}

const OUTPUT_LIMIT = 20_000;
const STOP_GRACE_MS = 5_000;

// Every outbound call wrangler and miniflare would make at start-up, turned off: metrics, error reports,
// the npm update check behind the banner and the Request.cf download.
const OFFLINE_ENVIRONMENT = {
  WRANGLER_SEND_METRICS: "false",
  WRANGLER_SEND_ERROR_REPORTS: "false",
  WRANGLER_HIDE_BANNER: "true",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  // Plain text, so wrangler's errors read well inside a test failure.
  NO_COLOR: "1",
  FORCE_COLOR: "0",
};

/**
 * A port picked free can be taken by another process (an outgoing connection's ephemeral port, another
 * test's server) before wrangler binds it; wrangler then exits at once saying so. Such a start is tried
 * again on new ports, a few times, before it counts as a failure.
 */
const PORT_ATTEMPTS = 3;
const PORT_TAKEN = "Address already in use";

/**
 * Starts wrangler and returns at once: `ready` says when (and whether) it answers. `url` is final once
 * `ready` has settled (a start whose port was taken meanwhile moves to another).
 */
export async function startWranglerDev(options: WranglerDevOptions): Promise<WranglerDev> {
  let current = await launchOnce(options);
  const ready = (async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await current.ready;
      } catch (error) {
        if (attempt >= PORT_ATTEMPTS || !current.output().includes(PORT_TAKEN)) throw error;
        current = await launchOnce(options);
      }
    }
  })();
  return {
    get url() {
      return current.url;
    },
    ready,
    output: () => current.output(),
    stop: () => current.stop(),
  };
}

/** One start of wrangler on ports picked now. */
async function launchOnce(options: WranglerDevOptions): Promise<WranglerDev> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const variables = Object.entries(options.vars ?? {}).flatMap(([name, value]) => [
    "--var",
    `${name}:${value}`,
  ]);
  const child = spawn(
    process.execPath,
    [
      join(options.cwd, "node_modules", "wrangler", "bin", "wrangler.js"),
      "dev",
      "--local",
      "--ip",
      "127.0.0.1",
      "--port",
      String(port),
      "--inspector-port",
      String(await freePort()),
      "--show-interactive-dev-session=false",
      "--log-level",
      "info",
      ...variables,
      ...(options.persistTo === undefined ? [] : ["--persist-to", options.persistTo]),
      ...(options.configs ?? []).flatMap((config) => ["-c", config]),
    ],
    {
      cwd: options.cwd,
      env: { ...childEnvironment(options.cwd), ...options.environment },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-OUTPUT_LIMIT);
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const processGroup = child.pid;
  // If this process exits before stop(), still take wrangler down with it; if it is killed or interrupted,
  // which runs no exit handler, the watchdog does.
  const onExit = () => signalGroup(processGroup, "SIGKILL");
  process.once("exit", onExit);
  if (processGroup !== undefined) startWatchdog(processGroup);

  const stop = async () => {
    process.removeListener("exit", onExit);
    await stopGroup(processGroup, exited);
  };
  const ready = waitUntilHealthy(url, exited, options.readyTimeoutMs ?? 40_000).catch(async (error) => {
    await stop();
    throw new Error(
      `wrangler dev did not start: ${(error as Error).message}\n--- wrangler output ---\n${output}`,
    );
  });
  return { url, ready, output: () => output, stop };
}

function childEnvironment(cwd: string): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = {
    ...process.env,
    ...OFFLINE_ENVIRONMENT,
    // Inside the project's ignored .wrangler folder rather than the user's home.
    WRANGLER_LOG_PATH: join(cwd, ".wrangler", "logs"),
  };
  // Vitest sets NODE_ENV=test and VITEST*; wrangler should see what `npm run dev` sees.
  delete environment.NODE_ENV;
  for (const name of Object.keys(environment)) if (name.startsWith("VITEST")) delete environment[name];
  return environment;
}

async function waitUntilHealthy(
  url: string,
  exited: Promise<number | null>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  let lastAnswer = "no answer";
  void exited.then((code) => {
    exitCode = code;
  });
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`wrangler exited with code ${exitCode}`);
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
      lastAnswer = `${response.status}: ${(await response.text()).slice(0, 500)}`;
    } catch {
      // Not listening yet.
    }
    await delay(200);
  }
  throw new Error(`GET ${url}/health did not answer 200 within ${timeoutMs} ms (last: ${lastAnswer})`);
}

async function stopGroup(processGroup: number | undefined, exited: Promise<number | null>): Promise<void> {
  if (processGroup === undefined) return;
  signalGroup(processGroup, "SIGTERM");
  const deadline = Date.now() + STOP_GRACE_MS;
  while (Date.now() < deadline && liveMembers(processGroup) > 0) await delay(100);
  if (liveMembers(processGroup) > 0) signalGroup(processGroup, "SIGKILL");
  await settledWithin(exited, STOP_GRACE_MS);
  const deadlineAfterKill = Date.now() + STOP_GRACE_MS;
  while (Date.now() < deadlineAfterKill && liveMembers(processGroup) > 0) await delay(100);
  const left = liveMembers(processGroup);
  if (left > 0) throw new Error(`${left} process(es) of wrangler's group ${processGroup} are still running`);
}

/**
 * Watches, from outside wrangler's group and session (so a Ctrl-C in the terminal does not reach it), for
 * this process to end: then it stops the group as stop() would, TERM and after a grace KILL. It leaves as
 * soon as the group is gone, which is how a normal stop() ends it.
 */
const WATCHDOG = `
const [group, parent, graceMs] = process.argv.slice(1).map(Number);
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };
const signal = (name) => { try { process.kill(-group, name); } catch {} };
const timer = setInterval(() => {
  if (!alive(-group)) process.exit(0);
  if (process.ppid === parent && alive(parent)) return;
  clearInterval(timer);
  signal("SIGTERM");
  setTimeout(() => { signal("SIGKILL"); process.exit(0); }, graceMs);
}, 250);
`;

function startWatchdog(processGroup: number): void {
  spawn(
    process.execPath,
    ["-e", WATCHDOG, String(processGroup), String(process.pid), String(STOP_GRACE_MS)],
    {
      detached: true,
      stdio: "ignore",
    },
  ).unref();
}

function signalGroup(processGroup: number | undefined, signal: NodeJS.Signals): void {
  if (processGroup === undefined) return;
  try {
    process.kill(-processGroup, signal);
  } catch {
    // The group is already gone.
  }
}

/** Processes of the group that are still running (zombies waiting for a reaper do not count). */
function liveMembers(processGroup: number): number {
  if (!existsSync("/proc/self/stat")) {
    try {
      process.kill(-processGroup, 0);
      return 1;
    } catch {
      return 0;
    }
  }
  let count = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the parenthesised command name: state, ppid, pgrp, ...
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const [state, , group] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(group) === processGroup && state !== "Z") count++;
    } catch {
      // The process ended while we looked.
    }
  }
  return count;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

/**
 * Waits for the promise for `ms` at most, and leaves no timer behind: a pending one would hold the process
 * that stops wrangler (vitest's main process, at teardown) open until it fires.
 */
async function settledWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
