// `node src/node.ts` as an operator runs it, for tests that need the real entry (its start-up checks, its
// listener and its socket) and for `npm run chaos -- --instances N` (a fleet of real processes, since the
// shared state must cross process boundaries). `launchNode` resolves with the URL it logs once listening, or
// rejects with what it printed if it exits first; an entry is stopped by its own `stop`, or with every other
// one by `stopAll`.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
/** tsx compiles the whole app before main() runs: seconds alone, far longer on a loaded machine. */
const START_TIMEOUT_MS = 60_000;
/** A test that starts the entry waits this long at most. */
export const ENTRY_TEST_TIMEOUT_MS = 90_000;

export interface NodeEntry {
  child: ChildProcess;
  /** http://127.0.0.1:PORT once listening. */
  url: string;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Kills it, waits for it to exit and removes its folder. */
  stop(): Promise<void>;
}

export interface NodeEntryOutcome {
  /** The URL it listens on, or null if it exited first. */
  url: string | null;
  exitCode: number | null;
  output: string;
}

const started: ChildProcess[] = [];
const directories: string[] = [];

/**
 * Starts the Node entry on 127.0.0.1 and a free port, with a SQLite file of its own, plus `environment`
 * (which may override HOST and the rest). Resolves once it listens or exits.
 */
export function runNodeEntry(
  environment: Record<string, string>,
): Promise<NodeEntryOutcome & { entry?: NodeEntry }> {
  const directory = mkdtempSync(join(tmpdir(), "cita-entry-"));
  directories.push(directory);
  const databasePath = join(directory, "cita.db");
  const child = spawn(process.execPath, ["--import", "tsx", "src/node.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", DATABASE_PATH: databasePath, ...environment },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  let output = "";
  let listening = false;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`node neither listened nor exited:\n${output}`)),
      START_TIMEOUT_MS,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      // Read once: a chaos fleet logs thousands of requests after this line.
      if (listening) return;
      const url = /"event":"listening","url":"(http:\/\/[^"]+)"/.exec(output)?.[1];
      if (url === undefined) return;
      listening = true;
      clearTimeout(timer);
      const stop = async () => {
        await kill(child);
        rmSync(directory, { recursive: true, force: true });
      };
      resolve({ url, exitCode: null, output, entry: { child, url, output: () => output, stop } });
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ url: null, exitCode: code, output });
    });
  });
}

/** The running entry, or a rejection with what it printed. */
export async function launchNode(environment: Record<string, string>): Promise<NodeEntry> {
  const outcome = await runNodeEntry(environment);
  if (outcome.entry === undefined)
    throw new Error(`node exited with ${outcome.exitCode}:\n${outcome.output}`);
  return outcome.entry;
}

/** Kills a child and resolves once it exited. */
async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

/** Kills every entry started here and removes their folders. */
export function stopAll(): void {
  for (const child of started.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
}
