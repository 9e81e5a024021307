// In-process pipeline latency: parseAppointment over every golden case, and over conversations of several
// lengths, after a warm-up, several passes.

import type { CalendarStore } from "../../src/calendars/store.js";
import type { Config } from "../../src/config.js";
import type { ParseRequest } from "../../src/http/schemas/parse.js";
import { parseAppointment } from "../../src/service.js";
import { percentile } from "../../src/stats.js";
import type { LoadedCase } from "../golden/fixtures.js";
import { requestFor } from "../golden/run-cases.js";
import { conversationRequests } from "./conversations.js";
import { type LatencyCurve, latencyCurve } from "./curve.js";

export interface LatencyFigures {
  cases: number;
  passes: number;
  /** Timed calls: cases × passes. */
  count: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
  curve: LatencyCurve;
}

export interface ConversationFigures extends LatencyFigures {
  /** Messages in each conversation measured. */
  messages: number;
}

export interface LatencyOptions {
  config: Config;
  /** The golden calendars, for the cases that name one. */
  store: CalendarStore;
  warmupPasses: number;
  passes: number;
}

export async function measurePipeline(
  cases: readonly LoadedCase[],
  options: LatencyOptions,
): Promise<LatencyFigures> {
  return measureRequests(
    cases.map((golden) => ({ id: golden.id, request: requestFor(golden) })),
    options,
  );
}

/** Conversations of each size (tools/bench/conversations.ts), measured like the golden cases. */
export async function measureConversations(
  sizes: readonly number[],
  options: LatencyOptions & { windows: number },
): Promise<ConversationFigures[]> {
  const figures: ConversationFigures[] = [];
  for (const size of sizes) {
    const requests = conversationRequests(size, options.windows).map((request, index) => ({
      id: `conversation-${size}-${index}`,
      request,
    }));
    figures.push({ messages: size, ...(await measureRequests(requests, options)) });
  }
  return figures;
}

async function measureRequests(
  requests: readonly { id: string; request: ParseRequest }[],
  options: LatencyOptions,
): Promise<LatencyFigures> {
  const { config, store } = options;
  // Warm-up lets V8 optimise the parsers so the passes measure steady state, not compilation.
  for (let pass = 0; pass < options.warmupPasses; pass += 1) {
    for (const { id, request } of requests) await parseAppointment(request, { config, store, requestId: id });
  }
  const durations: number[] = [];
  for (let pass = 0; pass < options.passes; pass += 1) {
    for (const { id, request } of requests) {
      const started = performance.now();
      await parseAppointment(request, { config, store, requestId: id });
      durations.push(performance.now() - started);
    }
  }
  durations.sort((left, right) => left - right);
  return {
    cases: requests.length,
    passes: options.passes,
    count: durations.length,
    p50Ms: percentile(durations, 0.5),
    p99Ms: percentile(durations, 0.99),
    maxMs: durations.at(-1) ?? 0,
    meanMs: durations.length === 0 ? 0 : durations.reduce((sum, value) => sum + value, 0) / durations.length,
    curve: latencyCurve(durations),
  };
}
