// The incident types and mitigations read from a real router's snapshot: the health window's and the
// snapshot's own words (src/router/health.ts, snapshot.ts) are what classify.ts matches, so a change of
// wording there fails here. The router runs over scripted providers and fake timers.
import { describe, expect, it } from "vitest";
import {
  FakeProvider,
  fail,
  invalid,
  makeRouter,
  ok,
  openBreaker,
  run,
  useFakeClock,
} from "../../test/support/scripted-router.js";
import type { LlmRouter } from "../router/router.js";
import { DEFAULT_ROUTER_SETTINGS } from "../router/settings.js";
import { involvedOf, mitigationsOf, type RouterView, typesOf } from "./classify.js";
import { SignalWindow } from "./signal-window.js";

useFakeClock();

const emptyWindow = new SignalWindow(60_000).summary(Date.now());

function view(router: LlmRouter): RouterView {
  return { state: router.state(), snapshot: router.snapshot() };
}

function types(router: LlmRouter) {
  return [
    ...new Set(typesOf(view(router), emptyWindow, DEFAULT_ROUTER_SETTINGS.health).map((found) => found.type)),
  ];
}

/** The mitigations the router's snapshot shows, with no event told and no failover. */
function mitigations(router: LlmRouter) {
  const input = { view: view(router), events: new Map(), since: 0, now: Date.now(), failover: null };
  return mitigationsOf({ ...input, answeredByRules: 0 }).map((mitigation) => mitigation.kind);
}

describe("a real router's reasons", () => {
  it("an open breaker: service down, the provider involved, the breaker a mitigation", async () => {
    const qwen = new FakeProvider("qwen", [ok()]);
    const openai = new FakeProvider("openai", [ok()]);
    const { router } = makeRouter([qwen, openai], { preferred: "qwen" });
    await openBreaker(router, qwen);
    expect(types(router)).toEqual(["service_down"]);
    expect(involvedOf(view(router))).toEqual([{ provider: "qwen", model: "qwen-model" }]);
    expect(mitigations(router)).toEqual(["breaker_opened"]);
  });

  it("429s with Retry-After: rate limiting, the pause a mitigation", async () => {
    const qwen = new FakeProvider("qwen", [fail("rate_limited", { retryAfterMs: 60_000 })]);
    const openai = new FakeProvider("openai", [ok()]);
    const { router } = makeRouter([qwen, openai], { preferred: "qwen" });
    await run(router);
    expect(types(router)).toEqual(["rate_limiting"]);
    expect(mitigations(router)).toEqual(["rate_limit_pause"]);
  });

  it("a p95 over 5 s: high latency", async () => {
    const qwen = new FakeProvider("qwen", [ok(6000)]);
    const { router } = makeRouter([qwen], { settings: { attemptTimeoutMs: 10_000, deadlineMs: 20_000 } });
    for (let index = 0; index < 5; index++) await run(router);
    expect(router.snapshot().providers[0]?.reasons).toEqual(["p95 6.0 s > 5.0 s"]);
    expect(types(router)).toEqual(["high_latency"]);
  });

  it("invalid JSON: low quality", async () => {
    const qwen = new FakeProvider("qwen", [invalid()]);
    const openai = new FakeProvider("openai", [ok()]);
    const { router } = makeRouter([qwen, openai], { preferred: "qwen" });
    for (let index = 0; index < 6; index++) await run(router);
    expect(types(router)).toEqual(["low_quality"]);
  });

  it("every provider down: service down, the router down, read by rules", async () => {
    const qwen = new FakeProvider("qwen", [fail("connection")]);
    const { router } = makeRouter([qwen]);
    await openBreaker(router, qwen);
    expect(router.state()).toBe("down");
    expect(types(router)).toEqual(["service_down"]);
    expect(mitigations(router)).toEqual(["breaker_opened", "rules_fallback"]);
  });
});
