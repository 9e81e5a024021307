// HTTP throughput: POST /v1/appointments/parse against a Hono hello-world route, both served on 127.0.0.1
// in this process and loaded by autocannon for the same duration. The parse route is served as `npm start`
// serves it (src/node-serve.ts: @hono/node-server, batched by event-loop turn); the hello-world by
// @hono/node-server directly, the bare framework as the baseline. (Batching does not speed the hello-world
// up: its figure is the load generator's limit, and through the batching server it came out equal or lower.)

import { spawn } from "node:child_process";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { type ServerType, serve } from "@hono/node-server";
import autocannon, { type Result } from "autocannon";
import { Hono } from "hono";
import { createApp } from "../../src/app.js";
import type { CalendarStore } from "../../src/calendars/store.js";
import type { Config } from "../../src/config.js";
import { serveNode } from "../../src/node-serve.js";
import { histogramCurve, type LatencyCurve } from "./curve.js";

const GENERATOR = fileURLToPath(new URL("./load-generator.ts", import.meta.url));

export interface ThroughputOptions {
  config: Config;
  /** The golden calendars, for the cases that name one. */
  store: CalendarStore;
  /** The parse server's port on 127.0.0.1, the hello-world's the next one; 0 picks free ports. */
  port: number;
  /** JSON request bodies for the parse route, sent in rotation. */
  bodies: readonly string[];
  durationSeconds: number;
  /** Unmeasured load before each measured run, so the JIT has compiled the hot paths. */
  warmupSeconds: number;
  connections: number;
  /** Load-generator threads; with 1 or more autocannon leaves the main event loop to the servers. */
  workers: number;
  /**
   * Hello-world and parse are measured in turn this many times and each figure is the median, so a burst
   * of load from elsewhere on the machine skews one round, not the ratio.
   */
  rounds: number;
  /** The parse app, built and warmed by the caller (tools/bench/shared-state.ts); by default made here. */
  app?: { fetch: (request: Request) => Response | Promise<Response> };
}

export interface RouteFigures {
  requestsPerSecond: number;
  requests: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Latency percentiles of the median round. */
  curve: LatencyCurve;
}

export interface ThroughputFigures {
  durationSeconds: number;
  connections: number;
  workers: number;
  rounds: number;
  /** requests/s of every round, in order. */
  helloRounds: number[];
  parseRounds: number[];
  hello: RouteFigures;
  parse: RouteFigures;
  /** parse requests/s ÷ hello-world requests/s. */
  ratio: number;
}

export async function measureThroughput(options: ThroughputOptions): Promise<ThroughputFigures> {
  const hello = new Hono().get("/hello", (context) => context.text("Hello, world!"));
  const app = options.app ?? createApp({ config: options.config, store: options.store });
  const helloPort = options.port === 0 ? 0 : options.port + 1;
  const servers = [
    await listen((onListening) =>
      serve({ fetch: hello.fetch, hostname: "127.0.0.1", port: helloPort }, onListening),
    ),
    await listen((onListening) =>
      serveNode(app.fetch, { hostname: "127.0.0.1", port: options.port }, onListening),
    ),
  ];
  const [helloUrl, parseUrl] = servers.map(({ url }) => url) as [string, string];
  const load = {
    connections: options.connections,
    duration: options.durationSeconds,
    warmup: { connections: options.connections, duration: options.warmupSeconds },
    ...(options.workers > 0 ? { workers: options.workers } : {}),
  };
  const parseLoad = {
    ...load,
    url: parseUrl,
    requests: options.bodies.map((body) => ({
      method: "POST",
      path: "/v1/appointments/parse",
      headers: { "content-type": "application/json" },
      body,
    })),
  };
  try {
    const helloResults: Result[] = [];
    const parseResults: Result[] = [];
    for (let round = 0; round < options.rounds; round++) {
      helloResults.push(await runLoad(options, { ...load, url: `${helloUrl}/hello` }));
      parseResults.push(await runLoad(options, parseLoad));
    }
    const helloFigures = figures(median(helloResults));
    const parseFigures = figures(median(parseResults));
    return {
      durationSeconds: options.durationSeconds,
      connections: options.connections,
      workers: options.workers,
      rounds: options.rounds,
      helloRounds: helloResults.map((result) => result.requests.average),
      parseRounds: parseResults.map((result) => result.requests.average),
      hello: helloFigures,
      parse: parseFigures,
      ratio:
        helloFigures.requestsPerSecond === 0
          ? 0
          : parseFigures.requestsPerSecond / helloFigures.requestsPerSecond,
    };
  } finally {
    await Promise.all(servers.map(({ server }) => close(server)));
  }
}

function figures(result: Result): RouteFigures {
  return {
    requestsPerSecond: result.requests.average,
    requests: result.requests.total,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    curve: histogramCurve(result.latency),
  };
}

/** A server listening, or the reason it cannot (a --port already taken). */
function listen(
  start: (onListening: (info: AddressInfo) => void) => ServerType,
): Promise<{ server: ServerType; url: string }> {
  return new Promise((resolve, reject) => {
    const server = start((info) => resolve({ server, url: `http://127.0.0.1:${info.port}` }));
    server.once("error", (error) =>
      reject(new Error(`the benchmark's server cannot listen: ${error.message}`)),
    );
  });
}

function close(server: ServerType): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/** The run with the median requests/s. */
function median(results: Result[]): Result {
  const sorted = [...results].sort((a, b) => a.requests.average - b.requests.average);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** One load run: in a second process (the default), or in worker threads of this one. */
function runLoad(options: ThroughputOptions, load: Record<string, unknown>): Promise<Result> {
  if (options.workers > 0) return autocannon(load as unknown as Parameters<typeof autocannon>[0]);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", GENERATOR], {
      stdio: ["pipe", "pipe", "inherit"],
    });
    let output = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(JSON.parse(output) as Result);
      else reject(new Error(`the load generator exited with ${code}`));
    });
    child.stdin.end(JSON.stringify(load));
  });
}
