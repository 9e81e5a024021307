// How the Node entry serves the app: @hono/node-server, with the requests of one event-loop turn answered as
// a batch. The Workers entry needs none of this (workerd schedules its own requests).
//
// Answering request by request, a saturated server alternates between the HTTP stack and the pipeline for
// every request, and each answer written to a client that is waiting for it wakes that client (on
// loopback the writer pays for the wake-up). Batching by turn runs the requests read in one turn back to
// back once that turn's reading is done, then writes their answers back to back: each stage stays warm in
// the CPU's caches, and one wake-up serves many answers. It is the same trade as Netty's
// FlushConsolidationHandler (a little write latency for throughput). On the project's 2-core machine it
// raised the parse route from ≈ 13–14k to ≈ 16.5–23k req/s under load, with a lower p99 (README,
// "Performance", has the figures). A lone request on an idle server waits two more turns of the event
// loop: one connection's round trip went from ≈ 186 to ≈ 200 µs.
import { ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type ServerType, serve } from "@hono/node-server";

/**
 * At most this many requests start in one batch; the rest wait for the next turn. It bounds what the first
 * request of a batch waits for (about half a millisecond of rules-mode work), and a batch's answers leave
 * before the next batch starts. At 50 connections 16 served as many requests per second as 64, and more
 * than 8.
 */
export const BATCH_LIMIT = 16;

/**
 * Past this many waiting requests, a new one starts at once. Node stops reading a connection only when
 * its answers pile up unsent, and a waiting request has sent nothing: without a bound, one client
 * pipelining thousands of requests in one write would queue them all.
 */
export const QUEUE_LIMIT = 64 * BATCH_LIMIT;

/**
 * `fetch`, batched by event-loop turn. A request is not started when it arrives: it waits in a queue that
 * runs at the end of the turn (a setImmediate after the poll phase that read it), at most `limit` at a time,
 * in arrival order. Each answer (or failure) is held until the next turn's check phase and released with
 * the others ready by then, so their responses are written together, before the next batch starts.
 */
export function batchByTurn<Rest extends unknown[], Answer>(
  fetch: (request: Request, ...rest: Rest) => Answer | Promise<Answer>,
  limit = BATCH_LIMIT,
  queueLimit = QUEUE_LIMIT,
): (request: Request, ...rest: Rest) => Promise<Answer> {
  requireCount("batch limit", limit);
  requireCount("queue limit", queueLimit);
  // waiting[next] onwards have not started; the started head is dropped once it outgrows the rest.
  let waiting: (() => void)[] = [];
  let next = 0;
  let held: (() => void)[] = [];
  let releaseQueued = false;

  function queueRelease(): void {
    if (releaseQueued) return;
    releaseQueued = true;
    setImmediate(release);
  }

  function release(): void {
    releaseQueued = false;
    const settle = held;
    held = [];
    for (const answer of settle) answer();
  }

  function hold(settle: () => void): void {
    held.push(settle);
    queueRelease();
  }

  function start(): void {
    const end = Math.min(next + limit, waiting.length);
    const batch = waiting.slice(next, end);
    next = end;
    if (next === waiting.length) {
      waiting = [];
      next = 0;
    } else {
      if (next >= waiting.length - next) {
        waiting = waiting.slice(next);
        next = 0;
      }
      // Queued before the next batch, the release sends this batch's answers first.
      queueRelease();
      setImmediate(start);
    }
    for (const run of batch) run();
  }

  return (request, ...rest) =>
    new Promise<Answer>((resolve, reject) => {
      const run = () => {
        let answer: Promise<Answer>;
        try {
          answer = Promise.resolve(fetch(request, ...rest));
        } catch (error) {
          answer = Promise.reject(error);
        }
        answer.then(
          (response) => hold(() => resolve(response)),
          (error: unknown) => hold(() => reject(error)),
        );
      };
      const queued = waiting.length - next;
      if (queued >= queueLimit) {
        run();
        return;
      }
      if (queued === 0) setImmediate(start);
      waiting.push(run);
    });
}

function requireCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`the ${name} must be a whole number ≥ 1`);
}

/**
 * How long and how many clients the listener holds (docs/security/hygiene.md). Node 20's own defaults let a
 * client trickle its headers for 60 s and its body for 300 s, with no cap on connections: a few hundred
 * slow clients held the process's sockets and file descriptors.
 */
export interface ServerLimits {
  /** Until the request's headers are in; Node answers 408 and closes past it. */
  headersTimeoutMs: number;
  /** Until the whole request (headers and body) is in; the answer's own time is not counted. */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open between requests. */
  keepAliveTimeoutMs: number;
  /** Open connections at most; one more is closed at once (MAX_CONNECTIONS). */
  maxConnections: number;
}

export const DEFAULT_SERVER_LIMITS: ServerLimits = {
  headersTimeoutMs: 20_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 1_000,
};

/** MAX_CONNECTIONS as a whole number ≥ 1 (blank or unset: the default), or null when it is not one. */
export function readMaxConnections(value: string | undefined): number | null {
  const text = value?.trim() || String(DEFAULT_SERVER_LIMITS.maxConnections);
  const count = Number(text);
  return /^\d{1,7}$/.test(text) && count >= 1 ? count : null;
}

/**
 * Node checks the two timeouts only on this sweep (30 s by default, which let a slow client stay up to
 * 50 s); a sweep a second costs a walk over the open connections.
 */
const CHECK_INTERVAL_MS = 1_000;

export interface ServeOptions {
  hostname: string;
  /** 0 picks a free port. */
  port: number;
  /** DEFAULT_SERVER_LIMITS unless given. */
  limits?: Partial<ServerLimits>;
}

/** What @hono/node-server hands a request to: the request and the Node bindings (incoming, outgoing). */
type NodeFetch = Parameters<typeof serve>[0]["fetch"];

/**
 * Serves `fetch` (an app's `app.fetch`) batched by turn; `onListening` gets the bound address. Once
 * `server.close()` has been called, every answer asks its client to close the connection: under steady
 * load a batched connection always has an answer on its way, so Node would never find it idle, and close()
 * would wait for ever.
 */
export function serveNode(
  fetch: NodeFetch,
  options: ServeOptions,
  onListening?: (address: AddressInfo) => void,
): ServerType {
  const batched = batchByTurn(fetch);
  const limits = { ...DEFAULT_SERVER_LIMITS, ...options.limits };
  const server: ServerType = serve(
    {
      fetch: (request, env) =>
        batched(request, env).then((answer) => {
          if (!server.listening && env.outgoing instanceof ServerResponse) {
            env.outgoing.setHeader("Connection", "close");
          }
          return answer;
        }),
      hostname: options.hostname,
      port: options.port,
      serverOptions: {
        headersTimeout: limits.headersTimeoutMs,
        requestTimeout: limits.requestTimeoutMs,
        keepAliveTimeout: limits.keepAliveTimeoutMs,
        connectionsCheckingInterval: Math.min(CHECK_INTERVAL_MS, limits.headersTimeoutMs / 2),
      },
    },
    onListening,
  );
  server.maxConnections = limits.maxConnections;
  return server;
}
