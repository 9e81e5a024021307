// What the edge adds to a parse request, in process: POST /v1/appointments/parse through the app without
// per-client limits, with them (a client on a non-loopback address, so its bucket is really taken), and with
// them behind a stand-in for the client-key check (a SHA-256 of the bearer and a Map lookup that sets the
// principal, as the keys' middleware will), until the keys work merges. The digest is taken two ways:
// crypto.subtle (Web Standards, as src/http/bearer.ts does; on Node it hops to the thread pool) and
// node:crypto's synchronous createHash. Each app sits behind the same outer middleware (the stand-in's
// place), so the differences are the limiter's and the check's alone. The variants are interleaved request
// by request, each taking its turn first, so drift in the machine's speed falls on all alike; figures are p50.
import { createHash } from "node:crypto";
import { Hono } from "hono";
import { createApp } from "../../src/app.js";
import type { CalendarStore } from "../../src/calendars/store.js";
import { type Config, readConfig } from "../../src/config.js";
import type { AppEnv } from "../../src/http/env.js";
import type { KeyPrincipal } from "../../src/http/principal.js";
import { percentile } from "../../src/stats.js";

export interface EdgeCostFigures {
  requests: number;
  baselineP50Us: number;
  limitedP50Us: number;
  keyedSubtleP50Us: number;
  keyedSyncP50Us: number;
  /** Each variant's p50 less the baseline's. */
  limiterAddedUs: number;
  subtleKeyAndLimiterAddedUs: number;
  syncKeyAndLimiterAddedUs: number;
}

type Digest = (secret: string) => Promise<string> | string;

const subtleDigest: Digest = async (secret) => {
  const bytes = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(secret)));
  return Buffer.from(bytes).toString("hex");
};

const syncDigest: Digest = (secret) => createHash("sha256").update(secret).digest("hex");

export interface EdgeCostOptions {
  store: CalendarStore;
  /** JSON bodies for the parse route, sent in rotation. */
  bodies: readonly string[];
  warmupRequests: number;
  requests: number;
}

const SECRET = "cita_bench_0123456789abcdef0123456789abcdef";
// Budgets no benchmark reaches, so every request is served and each takes its token.
const UNREACHED = "parse=9999999,duckling=9999999,booking=9999999";
const PEER = { incoming: { socket: { remoteAddress: "203.0.113.80" } } };

export async function measureEdgeCost(options: EdgeCostOptions): Promise<EdgeCostFigures> {
  const config: Config = readConfig({
    KEY_RATE_LIMITS: UNREACHED,
    ADDRESS_RATE_LIMITS: UNREACHED,
    // The address's variant is an anonymous client on a public address.
    ALLOW_ANONYMOUS: "true",
  });
  const app = (limited: boolean) =>
    createApp({ config, store: options.store, ...(limited ? {} : { limiter: null }) });
  const variants = [
    withStandIn(app(false), null),
    withStandIn(app(true), null),
    withStandIn(app(true), subtleDigest),
    withStandIn(app(true), syncDigest),
  ];
  const durations: number[][] = variants.map(() => []);
  const send = async (variant: number, body: string) => {
    const headers = { "content-type": "application/json", authorization: `Bearer ${SECRET}` };
    const started = performance.now();
    const answer = await variants[variant]!.request(
      "/v1/appointments/parse",
      { method: "POST", headers, body },
      PEER,
    );
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
  const [baselineP50Us, limitedP50Us, keyedSubtleP50Us, keyedSyncP50Us] = durations.map((series) => {
    series.sort((left, right) => left - right);
    return percentile(series, 0.5) * 1000;
  }) as [number, number, number, number];
  return {
    requests: options.requests,
    baselineP50Us,
    limitedP50Us,
    keyedSubtleP50Us,
    keyedSyncP50Us,
    limiterAddedUs: limitedP50Us - baselineP50Us,
    subtleKeyAndLimiterAddedUs: keyedSubtleP50Us - baselineP50Us,
    syncKeyAndLimiterAddedUs: keyedSyncP50Us - baselineP50Us,
  };
}

/**
 * The app behind a middleware: with a digest, the stand-in key check (the bearer's SHA-256 looked up in a
 * Map of one key, whose principal is set); with null, one that only passes the request on.
 */
function withStandIn(app: Hono<AppEnv>, digest: Digest | null): Hono<AppEnv> {
  const principal: KeyPrincipal = {
    kind: "key",
    keyId: "key_bench",
    name: "bench",
    scopes: ["parse"],
    ratePerMinute: {},
  };
  const keys = new Map<string, KeyPrincipal>([[syncDigest(SECRET) as string, principal]]);
  return new Hono<AppEnv>()
    .use(async (context, next) => {
      if (digest === null) return next();
      const bearer = /^Bearer (\S+)$/.exec(context.req.header("authorization") ?? "")?.[1];
      const found = bearer === undefined ? undefined : keys.get(await digest(bearer));
      // A stand-in that found nothing would time the anonymous path instead.
      if (found === undefined) throw new Error("edge cost: the stand-in key check found no key");
      context.set("principal", found);
      await next();
    })
    .route("/", app);
}
