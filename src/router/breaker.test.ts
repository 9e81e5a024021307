// The circuit breaker, driven by an injected clock: what trips it and what does not, the single half-open
// probe, close or reopen, and reset.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ProviderError, type ProviderErrorKind } from "../providers/types.js";
import { Breaker, BrokenCircuitError, CLOCK_SKEW_MS, tripsBreaker } from "./breaker.js";

const T0 = Date.UTC(2030, 0, 1);
const COOLDOWN = 30_000;

let now = T0;
beforeEach(() => {
  now = T0;
});

const error = (kind: ProviderErrorKind) => new ProviderError("qwen", kind, `qwen: ${kind}`);

function breaker(): Breaker {
  return new Breaker({ cooldownMs: COOLDOWN, threshold: 0.5, minimumCalls: 5, clock: () => now });
}

async function fail(target: Breaker, kind: ProviderErrorKind): Promise<unknown> {
  return target.execute(() => Promise.reject(error(kind))).catch((caught: unknown) => caught);
}

async function succeed(target: Breaker): Promise<unknown> {
  return target.execute(() => Promise.resolve("ok"));
}

async function open(target: Breaker): Promise<void> {
  for (let index = 0; index < 5; index++) await fail(target, "server");
  expect(target.state).toBe("open");
}

/** A call that stays in flight until settled from outside. */
function deferred(): {
  promise: Promise<string>;
  resolve(value: string): void;
  reject(error: unknown): void;
} {
  let resolve!: (value: string) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<string>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

describe("what trips a breaker", () => {
  it.each<ProviderErrorKind>(["server", "overloaded", "timeout", "connection"])("%s trips", (kind) => {
    expect(tripsBreaker(error(kind))).toBe(true);
  });

  it.each<ProviderErrorKind>([
    "rate_limited",
    "context_length",
    "content_policy",
    "bad_request",
    "auth",
    "invalid_output",
    "aborted",
  ])("%s does not", (kind) => {
    expect(tripsBreaker(error(kind))).toBe(false);
  });

  it("nor does anything that is not a provider error", () => {
    expect(tripsBreaker(new Error("server"))).toBe(false);
    expect(tripsBreaker({ kind: "server" })).toBe(false);
  });
});

describe("a breaker", () => {
  it("starts closed and passes answers and errors through", async () => {
    const target = breaker();
    expect(target.state).toBe("closed");
    expect(target.admits()).toBe(true);
    expect(target.probing()).toBe(false);
    expect(target.openedAt).toBeNull();
    await expect(succeed(target)).resolves.toBe("ok");
    const failure = await fail(target, "bad_request");
    expect(failure).toBeInstanceOf(ProviderError);
  });

  it.each<ProviderErrorKind>(["server", "overloaded", "timeout", "connection"])(
    "opens once %s errors pass the threshold over the minimum calls",
    async (kind) => {
      const target = breaker();
      for (let index = 0; index < 4; index++) await fail(target, kind);
      expect(target.state).toBe("closed");
      await fail(target, kind);
      expect(target.state).toBe("open");
      expect(target.openings).toBe(1);
      expect(target.openedAt).toBe(T0);
      expect(target.admits()).toBe(false);
    },
  );

  it("says how long until a call may go through: 0 closed, the rest of the cooldown open, null while probing", async () => {
    const target = breaker();
    expect(target.reopensIn()).toBe(0);
    for (let index = 0; index < 5; index++) await fail(target, "server");
    expect(target.reopensIn()).toBe(COOLDOWN);
    now = T0 + COOLDOWN - 1;
    expect(target.reopensIn()).toBe(1);
    expect(target.admits()).toBe(false);
    now = T0 + COOLDOWN + 5;
    expect(target.reopensIn()).toBe(0);
    let finish: (value: string) => void = () => {};
    const probe = target.execute(() => new Promise<string>((resolve) => (finish = resolve)));
    expect(target.reopensIn()).toBeNull();
    finish("ok");
    await probe;
    expect(target.reopensIn()).toBe(0);
  });

  it("needs more than the threshold's share of failures", async () => {
    const target = breaker();
    // 5 of 10: exactly half, not more.
    for (let index = 0; index < 5; index++) await succeed(target);
    for (let index = 0; index < 5; index++) await fail(target, "server");
    expect(target.state).toBe("closed");
    await fail(target, "server");
    expect(target.state).toBe("open");
  });

  it.each<ProviderErrorKind>([
    "rate_limited",
    "context_length",
    "content_policy",
    "bad_request",
    "auth",
    "invalid_output",
    "aborted",
  ])("never opens on %s", async (kind) => {
    const target = breaker();
    for (let index = 0; index < 50; index++) await fail(target, kind);
    expect(target.state).toBe("closed");
    expect(target.openings).toBe(0);
  });

  it("refuses calls while open, without calling", async () => {
    const target = breaker();
    await open(target);
    const call = vi.fn(() => Promise.resolve("ok"));
    await expect(target.execute(call)).rejects.toBeInstanceOf(BrokenCircuitError);
    expect(call).not.toHaveBeenCalled();
  });

  it("admits one probe once the cooldown is over, and not before", async () => {
    const target = breaker();
    await open(target);
    now = T0 + COOLDOWN - 1;
    expect(target.admits()).toBe(false);
    expect(target.probing()).toBe(false);
    await expect(succeed(target)).rejects.toBeInstanceOf(BrokenCircuitError);
    now = T0 + COOLDOWN;
    expect(target.state).toBe("open");
    expect(target.admits()).toBe(true);
    expect(target.probing()).toBe(true);
    // The injected time is what counts for admits().
    expect(target.admits(T0 + 10)).toBe(false);
  });

  it("lets exactly one probe through under concurrency, refusing the others without calling them", async () => {
    const target = breaker();
    await open(target);
    now = T0 + COOLDOWN;
    const probe = deferred();
    const first = target.execute(() => probe.promise);
    expect(target.state).toBe("half-open");
    expect(target.admits()).toBe(false);
    expect(target.probing()).toBe(false);
    const others = [vi.fn(() => Promise.resolve("other")), vi.fn(() => Promise.resolve("other"))];
    const refused = others.map((call) => target.execute(call).catch((caught: unknown) => caught));
    probe.resolve("probe");
    await expect(first).resolves.toBe("probe");
    for (const result of await Promise.all(refused)) expect(result).toBeInstanceOf(BrokenCircuitError);
    for (const call of others) expect(call).not.toHaveBeenCalled();
    expect(target.state).toBe("closed");
  });

  it("closes after a good probe, its failure counts forgotten", async () => {
    const target = breaker();
    await open(target);
    now = T0 + COOLDOWN;
    await expect(succeed(target)).resolves.toBe("ok");
    expect(target.state).toBe("closed");
    expect(target.openedAt).toBeNull();
    expect(target.openings).toBe(1);
    // A fresh count: one failure does not reopen it.
    await fail(target, "server");
    expect(target.state).toBe("closed");
  });

  it.each<ProviderErrorKind>(["server", "timeout", "connection"])(
    "reopens after a probe that fails with %s, for another full cooldown",
    async (kind) => {
      const target = breaker();
      await open(target);
      const reopenedAt = T0 + COOLDOWN + 500;
      now = reopenedAt;
      await fail(target, kind);
      expect(target.state).toBe("open");
      expect(target.openings).toBe(2);
      expect(target.openedAt).toBe(reopenedAt);
      now = reopenedAt + COOLDOWN - 1;
      expect(target.admits()).toBe(false);
      now = reopenedAt + COOLDOWN;
      expect(target.probing()).toBe(true);
    },
  );

  it("neither closes nor waits another cooldown after a probe cut short (aborted): the next call probes", async () => {
    const target = breaker();
    await open(target);
    now = T0 + COOLDOWN;
    const failure = await fail(target, "aborted");
    expect(failure).toMatchObject({ kind: "aborted" });
    expect(target.state).toBe("open");
    expect(target.openings).toBe(1);
    expect(target.probing()).toBe(true);
    await expect(succeed(target)).resolves.toBe("ok");
    expect(target.state).toBe("closed");
  });

  it("is not moved by a call that was in flight when it opened", async () => {
    const target = breaker();
    const slowFailure = deferred();
    const slowAnswer = deferred();
    const failing = target.execute(() => slowFailure.promise).catch((caught: unknown) => caught);
    const answering = target.execute(() => slowAnswer.promise);
    await open(target);
    slowFailure.reject(error("server"));
    await failing;
    slowAnswer.resolve("late");
    await expect(answering).resolves.toBe("late");
    expect(target.state).toBe("open");
    expect(target.openings).toBe(1);
    expect(target.openedAt).toBe(T0);
  });

  it.each<ProviderErrorKind>(["rate_limited", "bad_request", "invalid_output"])(
    "closes after a probe the provider answered, even with %s (it is up)",
    async (kind) => {
      const target = breaker();
      await open(target);
      now = T0 + COOLDOWN;
      await fail(target, kind);
      expect(target.state).toBe("closed");
    },
  );

  it("resets to closed with its counts and openings forgotten", async () => {
    const target = breaker();
    await open(target);
    target.reset();
    expect(target.state).toBe("closed");
    expect(target.openings).toBe(0);
    expect(target.openedAt).toBeNull();
    expect(target.admits()).toBe(true);
    await expect(succeed(target)).resolves.toBe("ok");
    // 3 failures of 4 calls: under the minimum calls, so the old five failures were indeed forgotten.
    for (let index = 0; index < 3; index++) await fail(target, "server");
    expect(target.state).toBe("closed");
  });
});

describe("a breaker in a fleet (src/shared/)", () => {
  function told(): { target: Breaker; changes: { state: string; at: number }[] } {
    const changes: { state: string; at: number }[] = [];
    const target = new Breaker({
      cooldownMs: COOLDOWN,
      threshold: 0.5,
      minimumCalls: 5,
      clock: () => now,
      onChange: (change) => changes.push(change),
    });
    return { target, changes };
  }

  it("tells its openings, its probe's closing and a reset", async () => {
    const { target, changes } = told();
    await open(target);
    now += COOLDOWN;
    await succeed(target);
    now += 1;
    target.reset();
    expect(changes).toEqual([
      { state: "open", at: T0 },
      { state: "closed", at: T0 + COOLDOWN },
      { state: "closed", at: T0 + COOLDOWN + 1 },
    ]);
  });

  it("tells a failed probe's reopening", async () => {
    const { target, changes } = told();
    await open(target);
    now += COOLDOWN;
    await fail(target, "timeout");
    expect(changes.at(-1)).toEqual({ state: "open", at: T0 + COOLDOWN });
  });

  it("opens on an opening seen elsewhere, for the rest of that cooldown, without telling it back", () => {
    const { target, changes } = told();
    target.adopt({ state: "open", at: now - 10_000 });
    expect(target.state).toBe("open");
    expect(target.reopensIn()).toBe(COOLDOWN - 10_000);
    expect(changes).toEqual([]);
  });

  it("ignores an opening whose cooldown is already over", () => {
    const target = breaker();
    target.adopt({ state: "open", at: now - COOLDOWN });
    expect(target.state).toBe("closed");
  });

  it("restarts its cooldown on a newer reopening elsewhere: one probe per cooldown for the fleet", async () => {
    const target = breaker();
    await open(target);
    now += COOLDOWN;
    target.adopt({ state: "open", at: now - 1 });
    expect(target.admits()).toBe(false);
    expect(target.reopensIn()).toBe(COOLDOWN - 1);
  });

  it("takes an instant from a clock running ahead as this clock's now plus the allowed skew", async () => {
    const ahead = breaker();
    ahead.adopt({ state: "open", at: now + 10 * 60_000 });
    // The cooldown is not lengthened by the peer's clock: it ends CLOCK_SKEW_MS past its own.
    expect(ahead.reopensIn()).toBe(COOLDOWN + CLOCK_SKEW_MS);
    // A peer 10 minutes ahead closed its breaker; the store keeps that closing, read at every refresh.
    const target = breaker();
    const told = now + 10 * 60_000;
    target.adopt({ state: "closed", at: told });
    now += CLOCK_SKEW_MS + 1;
    await open(target);
    // Its own opening, later than the closing as first taken here: the same closing read again does not undo it.
    target.adopt({ state: "closed", at: told });
    expect(target.state).toBe("open");
  });

  it("closes on a closing seen elsewhere after its opening, not before it", async () => {
    const target = breaker();
    await open(target);
    target.adopt({ state: "closed", at: T0 - 1 });
    expect(target.state).toBe("open");
    now += 5_000;
    target.adopt({ state: "closed", at: now });
    expect(target.state).toBe("closed");
  });

  it("ignores what it said itself, and anything older than its own last change", async () => {
    const target = breaker();
    await open(target);
    target.adopt({ state: "open", at: T0 });
    expect(target.reopensIn()).toBe(COOLDOWN);
    now += COOLDOWN;
    await succeed(target);
    target.adopt({ state: "open", at: T0 + 1 });
    expect(target.state).toBe("closed");
  });

  it("waits for its own probe in flight whatever the fleet says", async () => {
    const target = breaker();
    await open(target);
    now += COOLDOWN;
    const call = deferred();
    const probe = target.execute(() => call.promise);
    target.adopt({ state: "closed", at: now });
    target.adopt({ state: "open", at: now });
    expect(target.state).toBe("half-open");
    call.resolve("ok");
    await probe;
    expect(target.state).toBe("closed");
  });
});
