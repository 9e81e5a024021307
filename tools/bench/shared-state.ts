// What REDIS_URL costs a parse request: HTTP throughput of the parse route in LLM mode, its answers from the
// router's cache (one provider, the simulator, asked once per text before measuring), served as `npm start`
// serves it, without shared state and with Redis. The two alternate, embedded first and last (E R E R E:
// the process keeps warming up, and load from elsewhere on the machine comes and goes, so alternation is
// fair to both), and the figure compares the medians of every round's parse requests/s. Each measurement's
// hello-world baseline is printed beside it, to show how much the machine moved meanwhile; a ratio to it
// was the figure once, but a hello-world round varies far more than a parse round, so dividing by it
// added noise rather than removing it. Every such request reads the router's state (breakers, pauses,
// budget) from the shared state's local view: the figure shows that read costs no round trip. Redis is
// REDIS_URL's, else a private redis-server; without either, skipped.

import { createApp } from "../../src/app.js";
import type { CalendarStore } from "../../src/calendars/store.js";
import { readConfig } from "../../src/config.js";
import { openRedisState } from "../../src/shared/redis-state.js";
import { percentile } from "../../src/stats.js";
import { redisServerOnPath, startRedis } from "../redis/server.js";
import { startSimulator } from "../simulator/server.js";
import { measureThroughput, type ThroughputFigures, type ThroughputOptions } from "./throughput.js";

export interface SharedStateFigures {
  redis: "REDIS_URL" | "private redis-server";
  /** In the order measured: embedded, Redis, embedded, Redis, embedded. */
  runs: { withRedis: boolean; figures: ThroughputFigures }[];
  /** Median parse requests/s over every round with Redis ÷ the same without: 1 means no cost. */
  relative: number;
}

/** With Redis or not, in turn: embedded first and last. */
const ORDER = [false, true, false, true, false];

/** Texts asked at once while warming an app's cache: the simulator answers each in tens of ms. */
const WARMING_BATCH = 25;

export type SharedStateBench = SharedStateFigures | { skipped: string };

export async function measureSharedState(
  options: Omit<ThroughputOptions, "config" | "shared"> & { store: CalendarStore },
): Promise<SharedStateBench> {
  const external = process.env.REDIS_URL?.trim() || null;
  if (external === null && !redisServerOnPath())
    return { skipped: "no REDIS_URL and no redis-server on PATH (Debian package redis-server)" };
  const simulator = await startSimulator({ seed: 5 });
  const server = external === null ? await startRedis() : null;
  const shared = await openRedisState({ url: external ?? server!.url, prefix: "cita-bench:" });
  try {
    const config = readConfig({ QWEN_API_KEY: "sk-bench", QWEN_BASE_URL: simulator.baseUrls.qwen });
    const embeddedApp = await warmed(createApp({ config, store: options.store }), options.bodies);
    const redisApp = await warmed(createApp({ config, store: options.store, shared }), options.bodies);
    const runs: SharedStateFigures["runs"] = [];
    for (const withRedis of ORDER) {
      const app = withRedis ? redisApp : embeddedApp;
      runs.push({ withRedis, figures: await measureThroughput({ ...options, config, app }) });
    }
    const medianParse = (withRedis: boolean) =>
      median(runs.filter((run) => run.withRedis === withRedis).flatMap((run) => run.figures.parseRounds));
    return {
      redis: external === null ? "private redis-server" : "REDIS_URL",
      runs,
      relative: medianParse(true) / medianParse(false),
    };
  } finally {
    await shared.close();
    await server?.stop();
    await simulator.close();
  }
}

/** The app once every text was asked of it: its cache holds every answer, so the runs measure hits. */
async function warmed<App extends { request: (path: string, init: RequestInit) => unknown }>(
  app: App,
  bodies: readonly string[],
): Promise<App> {
  for (let start = 0; start < bodies.length; start += WARMING_BATCH) {
    const batch = bodies.slice(start, start + WARMING_BATCH);
    await Promise.all(
      batch.map((body) =>
        app.request("/v1/appointments/parse", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
        }),
      ),
    );
  }
  return app;
}

function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}
