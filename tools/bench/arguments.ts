// Command-line arguments of `npm run bench` (`npm run bench -- --port 8787 --duration 10`), checked before
// any figure is measured: a misuse exits 2 with the reason.
import { parseArgs } from "node:util";

export const USAGE = `Usage: npm run bench -- [--port N] [--duration S] [--warmup S] [--connections N,N] [--passes N]
                        [--conversation-passes N] [--workers N] [--rounds N] [--router-calls N] [--slow-calls N]
                        [--edge-requests N] [--report FILE.html]

  --port N          the HTTP benchmark's parse server listens on 127.0.0.1:N and its hello-world baseline
                    on N+1 (default 0: free ports)
  --duration S      seconds of each measured HTTP run (5)
  --warmup S        unmeasured seconds before each run (2)
  --connections N,N loads to measure, in connections (10,50)
  --passes N        passes over the golden cases for the pipeline latency (10)
  --conversation-passes N
                    passes over the 16 conversations of each length (2, 10, 50 messages) (50)
  --workers N       0: the load generator runs in a second process; N: N worker threads of this one (0)
  --rounds N        alternating hello-world and parse rounds; each figure is their median (3)
  --router-calls N  calls for the router's overhead (300)
  --slow-calls N    calls under a slow primary, with and without hedging (300)
  --edge-requests N parse requests of each variant for the per-client limits' and key check's cost (4000)
  --report FILE     also write the figures as a self-contained HTML page with charts (latency
                    percentiles, throughput against the hello-world baseline)`;

export interface BenchArguments {
  /** 0: free ports. Otherwise the parse server's port; the hello-world takes the next one. */
  port: number;
  durationSeconds: number;
  warmupSeconds: number;
  connections: number[];
  passes: number;
  conversationPasses: number;
  workers: number;
  rounds: number;
  routerCalls: number;
  slowCalls: number;
  edgeRequests: number;
  /** Where to write the HTML report, or null for none. */
  report: string | null;
  help: boolean;
}

export class UsageError extends Error {
  override name = "UsageError";
}

export function parseBenchArguments(args: readonly string[]): BenchArguments {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: [...args],
      strict: true,
      options: {
        port: { type: "string", default: "0" },
        duration: { type: "string", default: "5" },
        warmup: { type: "string", default: "2" },
        // Two loads: a light one, and one that saturates the server (at 10 connections the loopback pair
        // leaves the server idle part of the time, so hello-world's figure there measures the client too).
        connections: { type: "string", default: "10,50" },
        passes: { type: "string", default: "10" },
        "conversation-passes": { type: "string", default: "50" },
        workers: { type: "string", default: "0" },
        rounds: { type: "string", default: "3" },
        "router-calls": { type: "string", default: "300" },
        "slow-calls": { type: "string", default: "300" },
        "edge-requests": { type: "string", default: "4000" },
        report: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const port = whole(values, "port", 0);
  // The hello-world baseline takes the port after it.
  if (port > 65534) throw new UsageError(`--port must be at most 65534, got "${values.port}"`);
  const connections = String(values.connections)
    .split(",")
    .map((value) => Number(value.trim()));
  if (connections.some((value) => !Number.isInteger(value) || value < 1)) {
    throw new UsageError(
      `--connections takes whole numbers ≥ 1 separated by commas, got "${values.connections}"`,
    );
  }
  return {
    port,
    durationSeconds: whole(values, "duration", 1),
    warmupSeconds: whole(values, "warmup", 0),
    connections,
    passes: whole(values, "passes", 1),
    conversationPasses: whole(values, "conversation-passes", 1),
    workers: whole(values, "workers", 0),
    rounds: whole(values, "rounds", 1),
    routerCalls: whole(values, "router-calls", 1),
    slowCalls: whole(values, "slow-calls", 1),
    edgeRequests: whole(values, "edge-requests", 1),
    report: reportFile(values.report),
    help: values.help === true,
  };
}

function reportFile(value: string | boolean | undefined): string | null {
  if (value === undefined) return null;
  if (typeof value !== "string" || value.trim() === "") throw new UsageError("--report needs a file name");
  return value;
}

function whole(values: Record<string, string | boolean | undefined>, name: string, minimum: number): number {
  const text = String(values[name] ?? "");
  const number = Number(text);
  if (text.trim() === "" || !Number.isInteger(number) || number < minimum) {
    throw new UsageError(`--${name} must be a whole number ≥ ${minimum}, got "${text}"`);
  }
  return number;
}
