// The isolate's side of the shared state on Workers, with an injected clock and sync: a refresh starts in
// the background of a request once the view is `refreshMs` old (not a millisecond before), and never
// twice at once; a breaker change or a pause is told at once; reads answer from the view while a sync is in
// flight; a failing or silent object leaves the view as it was, keeps what was not told for the next sync
// and says "unavailable" until a sync succeeds; calls received twice count once; and answers to cache are
// written in the request's background. Two isolates on one ledger see each other's breaker.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CallSample } from "../router/health.js";
import { RefusedSync } from "./durable-object.js";
import { CALLS_PER_TARGET, type SyncMessage, type SyncReply } from "./durable-object-messages.js";
import { DurableObjectSharedState } from "./durable-object-state.js";
import { FleetLedger } from "./fleet-ledger.js";
import type { KvAnswers } from "./kv-answers.js";

const T0 = Date.UTC(2030, 0, 1, 12);
const QWEN = "qwen/qwen-plus";
const namespace = { idFromName: () => "router", get: () => ({ fetch: async () => new Response() }) };
const sample = (at: number): CallSample => ({
  at,
  outcome: "server",
  latencyMs: 5,
  answers: 0,
  invalidAnswers: 0,
});

/** A request's context: the promises handed to waitUntil, awaited by `settled`. */
function requestContext() {
  const promises: Promise<unknown>[] = [];
  return {
    waitUntil: (promise: Promise<unknown>) => promises.push(promise),
    promises,
    settled: () => Promise.all(promises),
  };
}

function isolate(
  sync: (message: SyncMessage) => Promise<SyncReply>,
  options: { answers?: KvAnswers; instance?: string } = {},
) {
  let now = T0;
  const state = new DurableObjectSharedState({
    namespace,
    answers: options.answers ?? null,
    clock: () => now,
    sync,
    instance: options.instance ?? "isolate",
  });
  state.track(QWEN);
  return { state, move: (ms: number) => (now += ms) };
}

const reply = (overrides: Partial<SyncReply> = {}): SyncReply => ({
  epoch: "run",
  sequence: 0,
  views: [],
  calls: [],
  spentUsd: 0,
  ...overrides,
});

afterEach(() => {
  vi.useRealTimers();
});

describe("DurableObjectSharedState", () => {
  it("refreshes in a request's background once the view is refreshMs old, and one at a time", async () => {
    const messages: SyncMessage[] = [];
    const { state, move } = isolate(async (message) => {
      messages.push(message);
      return reply();
    });
    const first = requestContext();
    state.background(first);
    state.background(first);
    expect(first.promises).toHaveLength(1);
    await first.settled();
    move(999);
    state.background(requestContext());
    expect(messages).toHaveLength(1);
    move(1);
    const due = requestContext();
    state.background(due);
    await due.settled();
    expect(messages).toHaveLength(2);
    expect(messages[1]!.targets).toEqual([QWEN]);
  });

  it("never syncs while its router uses no target (a Worker without an LLM)", async () => {
    const messages: SyncMessage[] = [];
    const state = new DurableObjectSharedState({
      namespace,
      answers: null,
      sync: async (message) => {
        messages.push(message);
        return reply();
      },
    });
    const context = requestContext();
    state.background(context);
    expect(context.promises).toEqual([]);
    state.track(QWEN);
    state.background(context);
    await context.settled();
    expect(messages).toHaveLength(1);
  });

  it("tells a breaker change or a pause at once, and answers from the view while a sync is in flight", async () => {
    let answer: (value: SyncReply) => void = () => {};
    const messages: SyncMessage[] = [];
    const { state } = isolate((message) => {
      messages.push(message);
      return new Promise((resolve) => {
        answer = resolve;
      });
    });
    state.background(requestContext());
    state.breakerChanged(QWEN, { state: "open", at: T0 });
    state.paused(QWEN, T0 + 8_000);
    const context = requestContext();
    state.background(context);
    expect(messages).toHaveLength(2);
    expect(messages[1]).toMatchObject({
      breakers: [{ target: QWEN, change: { state: "open", at: T0 } }],
      pauses: [{ target: QWEN, until: T0 + 8_000, at: T0 }],
    });
    expect(state.target(QWEN)).toEqual({ breaker: null, pausedUntil: null });
    answer(
      reply({
        views: [
          { target: QWEN, breaker: { state: "open", at: T0 }, pausedUntil: T0 + 8_000, pauseClearedAt: null },
        ],
      }),
    );
    await context.settled();
    expect(state.target(QWEN)).toEqual({
      breaker: { state: "open", at: T0 },
      pausedUntil: T0 + 8_000,
      pauseClearedAt: null,
    });
  });

  it("keeps its view and what it had to tell while the object fails, and says so until a sync succeeds", async () => {
    let failing = true;
    const messages: SyncMessage[] = [];
    const { state, move } = isolate(async (message) => {
      messages.push(message);
      if (failing) throw new Error("object threw");
      return reply({ spentUsd: 1.5 });
    });
    state.breakerChanged(QWEN, { state: "open", at: T0 });
    state.called(QWEN, sample(T0));
    state.spent(0.5, T0);
    const context = requestContext();
    state.background(context);
    await context.settled();
    expect(state.status()).toEqual({ store: "durable-object", state: "unavailable", syncedAt: null });
    expect(state.spentToday(T0)).toBe(0.5);
    // While failing, a change waits for the next refresh instead of a sync per request.
    state.breakerChanged(QWEN, { state: "closed", at: T0 + 1 });
    state.background(requestContext());
    expect(messages).toHaveLength(1);
    failing = false;
    move(1_000);
    const again = requestContext();
    state.background(again);
    await again.settled();
    expect(messages[1]).toMatchObject({
      breakers: [{ target: QWEN, change: { state: "closed", at: T0 + 1 } }],
      calls: [{ target: QWEN, samples: [sample(T0)] }],
      spend: [{ day: Math.floor(T0 / 86_400_000), usd: 0.5 }],
    });
    expect(state.status()).toEqual({
      store: "durable-object",
      state: "ok",
      syncedAt: new Date(T0 + 1_000).toISOString(),
    });
    expect(state.spentToday(T0 + 1_000)).toBe(1.5);
  });

  it("drops what the object refused as such, and tells the rest again", async () => {
    const messages: SyncMessage[] = [];
    const { state, move } = isolate(async (message) => {
      messages.push(message);
      if (messages.length === 1) throw new RefusedSync();
      return reply();
    });
    state.called(QWEN, { ...sample(T0), latencyMs: -1 });
    const context = requestContext();
    state.background(context);
    await context.settled();
    expect(state.status().state).toBe("unavailable");
    move(1_000);
    state.background(context);
    await context.settled();
    expect(messages[1]!.calls).toEqual([]);
    expect(state.status().state).toBe("ok");
  });

  it("keeps only today's and yesterday's spend to tell", async () => {
    const messages: SyncMessage[] = [];
    const { state } = isolate(async (message) => {
      messages.push(message);
      return reply();
    });
    const day = 86_400_000;
    state.spent(1, T0 - 2 * day);
    state.spent(2, T0 - day);
    state.spent(3, T0);
    const context = requestContext();
    state.background(context);
    await context.settled();
    const today = Math.floor(T0 / day);
    expect(messages[0]!.spend).toEqual([
      { day: today - 1, usd: 2 },
      { day: today, usd: 3 },
    ]);
  });

  it("gives up on a sync not answered within 5 s", async () => {
    vi.useFakeTimers();
    const { state } = isolate(() => new Promise<SyncReply>(() => {}));
    const context = requestContext();
    state.background(context);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(state.status().state).toBe("ok");
    await vi.advanceTimersByTimeAsync(1);
    await context.settled();
    expect(state.status().state).toBe("unavailable");
  });

  it("counts spend in flight until the fleet's total holds it", async () => {
    let answer: (value: SyncReply) => void = () => {};
    const { state } = isolate(() => new Promise((resolve) => (answer = resolve)));
    expect(state.spentToday(T0)).toBeNull();
    state.spent(0.25, T0);
    const context = requestContext();
    state.background(context);
    expect(state.spentToday(T0)).toBe(0.25);
    answer(reply({ spentUsd: 1 }));
    await context.settled();
    expect(state.spentToday(T0)).toBe(1);
    expect(state.spentToday(T0 + 86_400_000)).toBeNull();
  });

  it("takes in a call once though two syncs bring it, and all again from a new run of the object", async () => {
    const calls = [1, 2, 3].map((sequence) => ({ target: QWEN, sequence, sample: sample(T0 + sequence) }));
    const replies = [
      reply({ sequence: 2, calls: calls.slice(0, 2) }),
      reply({ sequence: 3, calls: calls.slice(1) }),
      reply({
        epoch: "restarted",
        sequence: 1,
        calls: [{ target: QWEN, sequence: 1, sample: sample(T0 + 9) }],
      }),
    ];
    const messages: SyncMessage[] = [];
    const { state, move } = isolate(async (message) => {
      messages.push(message);
      return replies.shift()!;
    });
    for (let index = 0; index < 3; index++) {
      const context = requestContext();
      state.background(context);
      await context.settled();
      move(1_000);
    }
    expect(messages.map((message) => [message.epoch, message.after])).toEqual([
      [null, 0],
      ["run", 2],
      ["run", 3],
    ]);
    expect(state.takeCalls(QWEN).map((call) => call.at)).toEqual([T0 + 1, T0 + 2, T0 + 3, T0 + 9]);
    expect(state.takeCalls(QWEN)).toEqual([]);
  });

  it("keeps at most 1,000 calls received and 1,000 to send per target", async () => {
    const many = Array.from({ length: CALLS_PER_TARGET + 1 }, (_, index) => ({
      target: QWEN,
      sequence: index + 1,
      sample: sample(T0),
    }));
    const messages: SyncMessage[] = [];
    const { state } = isolate(async (message) => {
      messages.push(message);
      return reply({ sequence: many.length, calls: many });
    });
    for (let index = 0; index <= CALLS_PER_TARGET; index++) state.called(QWEN, sample(T0));
    const context = requestContext();
    state.background(context);
    await context.settled();
    expect(messages[0]!.calls[0]!.samples).toHaveLength(CALLS_PER_TARGET);
    expect(state.takeCalls(QWEN)).toHaveLength(CALLS_PER_TARGET);
  });

  it("writes answers to cache in a request's background, and reads them back", async () => {
    const written: unknown[] = [];
    const answers = {
      write: async (key: string, answer: unknown, ttlMs: number) => {
        written.push([key, answer, ttlMs]);
      },
      read: async (key: string) => (key === "k" ? "answer" : undefined),
    } as unknown as KvAnswers;
    const { state } = isolate(async () => reply(), { answers });
    state.cacheAnswer("k", "answer", 300_000);
    expect(written).toEqual([]);
    const context = requestContext();
    state.background(context);
    await context.settled();
    expect(written).toEqual([["k", "answer", 300_000]]);
    expect(await state.cachedAnswer("k")).toBe("answer");
    expect(await state.cachedAnswer("other")).toBeUndefined();
  });

  it("shows one isolate's breaker opening to another through one ledger, without its own calls echoed", async () => {
    const ledger = new FleetLedger();
    const sync = async (message: SyncMessage) => ledger.sync(message, T0);
    const first = isolate(sync, { instance: "first" });
    const second = isolate(sync, { instance: "second" });
    first.state.breakerChanged(QWEN, { state: "open", at: T0 });
    first.state.called(QWEN, sample(T0));
    const context = requestContext();
    first.state.background(context);
    second.state.background(context);
    await context.settled();
    for (const { state, move } of [first, second]) {
      move(1_000);
      state.background(context);
    }
    await context.settled();
    expect(second.state.target(QWEN).breaker).toEqual({ state: "open", at: T0 });
    expect(second.state.takeCalls(QWEN)).toEqual([sample(T0)]);
    expect(first.state.takeCalls(QWEN)).toEqual([]);
  });
});
