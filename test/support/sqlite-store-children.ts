// Starting and talking to the separate Node processes of test/support/sqlite-store-child.ts, each with its
// own SQLite connection, for the store's cross-process concurrency and crash tests.
import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CHILD = fileURLToPath(new URL("./sqlite-store-child.ts", import.meta.url));

export function forkChild(args: string[], options: { silent?: boolean } = {}): ChildProcess {
  return fork(CHILD, args, { cwd: ROOT, execArgv: ["--import", "tsx"], silent: options.silent ?? false });
}

export function nextMessage(child: ChildProcess): Promise<unknown> {
  return new Promise((resolve, reject) => {
    child.once("message", resolve);
    child.once("exit", (code) => reject(new Error(`child exited with ${code} before replying`)));
  });
}

/** The ids the child prints as booked, resolved (and still growing) once there are `count` of them. */
export function readUntil(child: ChildProcess, count: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const ids: string[] = [];
    let pending = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) ids.push(line.split(" ")[1] ?? "");
      if (ids.length >= count) resolve(ids);
    });
    child.once("exit", (code) => reject(new Error(`child exited with ${code} after ${ids.length} bookings`)));
  });
}
