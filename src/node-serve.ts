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
import type { AddressInfo } from "node:net";
import { type ServerType, serve } from "@hono/node-server";

/**
 * At most this many requests start in one batch; the rest wait for the next turn. It bounds what the first
 * request of a batch waits for (about half a millisecond of rules-mode work), and lets a batch's answers
 * leave while the next batch runs. At 50 connections 16 served as many requests per second as 64, and
 * more than 8.
 */
export const BATCH_LIMIT = 16;

/**
 * `fetch`, batched by event-loop turn. A request is not started when it arrives: it waits in a queue that
 * runs at the end of the turn (a setImmediate after the poll phase that read it), at most `limit` at a time,
 * in arrival order. Each answer (or failure) is held until the next turn's check phase and released with
 * the others that arrived by then, so their responses are written together.
 */
export function batchByTurn<Rest extends unknown[], Answer>(
  fetch: (request: Request, ...rest: Rest) => Answer | Promise<Answer>,
  limit = BATCH_LIMIT,
): (request: Request, ...rest: Rest) => Promise<Answer> {
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError("the batch limit must be a whole number ≥ 1");
  let waiting: (() => void)[] = [];
  let held: (() => void)[] = [];

  function start(): void {
    const batch = waiting;
    waiting = batch.length > limit ? batch.splice(limit) : [];
    if (waiting.length > 0) setImmediate(start);
    for (const run of batch) run();
  }

  function release(): void {
    const settle = held;
    held = [];
    for (const answer of settle) answer();
  }

  function hold(answer: () => void): void {
    if (held.length === 0) setImmediate(release);
    held.push(answer);
  }

  return (request, ...rest) =>
    new Promise<Answer>((resolve, reject) => {
      if (waiting.length === 0) setImmediate(start);
      waiting.push(() => {
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
      });
    });
}

export interface ServeOptions {
  hostname: string;
  /** 0 picks a free port. */
  port: number;
}

/** What @hono/node-server hands a request to: the request and the Node bindings (incoming, outgoing). */
type NodeFetch = Parameters<typeof serve>[0]["fetch"];

/** Serves `fetch` (an app's `app.fetch`) batched by turn; `onListening` gets the bound address. */
export function serveNode(
  fetch: NodeFetch,
  options: ServeOptions,
  onListening?: (address: AddressInfo) => void,
): ServerType {
  return serve({ fetch: batchByTurn(fetch), hostname: options.hostname, port: options.port }, onListening);
}
