// What the edge adds to a parse request, in process: POST /v1/appointments/parse through the app without
// per-client limits (an anonymous caller, as the embedded default serves one), with them (a client on a
// non-loopback address, so its bucket is really taken), and with a real client key on top (src/http/access.ts:
// the bearer's SHA-256 looked up in the store, the principal set, the key's bucket taken), once with the key
// cache as deployed (5 s) and once reading the store on every request. The variants are interleaved request
// by request, each taking its turn first, so drift in the machine's speed falls on all alike; figures are p50.
import { createApp } from "../../src/app.js";
import type { CalendarStore } from "../../src/calendars/store.js";
import { type Config, readConfig } from "../../src/config.js";
import { issueKey } from "../../src/http/issue-key.js";
import { percentile } from "../../src/stats.js";

export interface EdgeCostFigures {
  requests: number;
  baselineP50Us: number;
  limitedP50Us: number;
  /** A client key, checked through the key cache (the default) or against the store every time. */
  keyedP50Us: number;
  keyedUncachedP50Us: number;
  /** Each variant's p50 less the baseline's. */
  limiterAddedUs: number;
  keyAndLimiterAddedUs: number;
  uncachedKeyAndLimiterAddedUs: number;
}

export interface EdgeCostOptions {
  /** A store of the golden calendars for this measure alone: the key created in it keeps it keyed. */
  store: CalendarStore;
  /** JSON bodies for the parse route, sent in rotation. */
  bodies: readonly string[];
  warmupRequests: number;
  requests: number;
}

// Budgets no benchmark reaches, so every request is served and each takes its token.
const UNREACHED = "parse=9999999,duckling=9999999,booking=9999999";
const PEER = { incoming: { socket: { remoteAddress: "203.0.113.80" } } };

export async function measureEdgeCost(options: EdgeCostOptions): Promise<EdgeCostFigures> {
  const config: Config = readConfig({
    KEY_RATE_LIMITS: UNREACHED,
    ADDRESS_RATE_LIMITS: UNREACHED,
    // The anonymous variants are served beside the key (the address's on a public address), as a
    // deployment with keys and ALLOW_ANONYMOUS serves them.
    ALLOW_ANONYMOUS: "true",
  });
  const issued = await issueKey(
    options.store,
    { name: "bench", scopes: ["parse"] },
    new Date().toISOString(),
  );
  const { store } = options;
  const variants = [
    { app: createApp({ config, store, limiter: null }), authorization: null },
    { app: createApp({ config, store }), authorization: null },
    { app: createApp({ config, store }), authorization: `Bearer ${issued.secret}` },
    { app: createApp({ config, store, keyCacheMs: 0 }), authorization: `Bearer ${issued.secret}` },
  ];
  const durations: number[][] = variants.map(() => []);
  const send = async (variant: number, body: string) => {
    const { app, authorization } = variants[variant]!;
    const headers = { "content-type": "application/json", ...(authorization ? { authorization } : {}) };
    const started = performance.now();
    const answer = await app.request("/v1/appointments/parse", { method: "POST", headers, body }, PEER);
    const elapsed = performance.now() - started;
    if (answer.status !== 200) throw new Error(`edge cost: variant ${variant} answered ${answer.status}`);
    await answer.arrayBuffer();
    return elapsed;
  };
  for (let index = 0; index < options.warmupRequests + options.requests; index++) {
    const body = options.bodies[index % options.bodies.length]!;
    // Each takes its turn first, so no variant always follows the same one.
    for (let turn = 0; turn < variants.length; turn++) {
      const variant = (index + turn) % variants.length;
      const elapsed = await send(variant, body);
      if (index >= options.warmupRequests) durations[variant]!.push(elapsed);
    }
  }
  const [baselineP50Us, limitedP50Us, keyedP50Us, keyedUncachedP50Us] = durations.map((series) => {
    series.sort((left, right) => left - right);
    return percentile(series, 0.5) * 1000;
  }) as [number, number, number, number];
  return {
    requests: options.requests,
    baselineP50Us,
    limitedP50Us,
    keyedP50Us,
    keyedUncachedP50Us,
    limiterAddedUs: limitedP50Us - baselineP50Us,
    keyAndLimiterAddedUs: keyedP50Us - baselineP50Us,
    uncachedKeyAndLimiterAddedUs: keyedUncachedP50Us - baselineP50Us,
  };
}
