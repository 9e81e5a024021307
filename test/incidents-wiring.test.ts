// How the app feeds its incident manager (src/app.ts, src/http/routes/parse.ts): every parse request's
// outcome (status, latency, whether an LLM was wanted and answered, degraded, agent timings, variant), every
// LLM call and router event, with providers on the shared simulator. Recording never changes an answer,
// even when the manager throws; INCIDENTS=false builds nothing.
import { describe, expect, it } from "vitest";
import { assembleApp, createApp } from "../src/app.js";
import { readConfig } from "../src/config.js";
import { IncidentManager, type RequestOutcome } from "../src/incidents/manager.js";
import { MemoryIncidentStore } from "../src/incidents/memory-store.js";
import type { CallRecord, RouterEvent } from "../src/router/router.js";
import { simulatedProviders, useSimulatorScope } from "./support/simulator.js";

/** A manager that keeps what it is told (and may throw on each outcome, as a broken one would). */
class RecordingManager extends IncidentManager {
  readonly outcomes: RequestOutcome[] = [];
  readonly calls: CallRecord[] = [];
  readonly events: RouterEvent[] = [];
  throwing = false;

  override recordRequest(outcome: RequestOutcome): void {
    this.outcomes.push(outcome);
    if (this.throwing) throw new Error("the manager failed");
  }

  override recordCall(call: CallRecord): void {
    this.calls.push(call);
    if (this.throwing) throw new Error("the manager failed");
  }

  override recordRouterEvent(event: RouterEvent): void {
    this.events.push(event);
    if (this.throwing) throw new Error("the manager failed");
  }
}

const REQUEST = {
  text: "Can I book a haircut tomorrow at 4pm?",
  locale: "en-US",
  timezone: "America/New_York",
  now: "2026-06-07T11:00:00-04:00",
};

function parse(app: ReturnType<typeof createApp>, body: unknown): Promise<Response> {
  return Promise.resolve(
    app.request("/v1/appointments/parse", {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "incident-wiring" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

/** The answer without its timings, which differ from one run to the next. */
async function answerOf(response: Response): Promise<unknown> {
  const body = (await response.json()) as { meta?: Record<string, unknown> };
  if (body.meta !== undefined) delete body.meta.timingsMs;
  return { status: response.status, body };
}

describe("the parse route's outcome reaches the incident manager", () => {
  const simulator = useSimulatorScope({ seed: 19, resetAfterEach: true });

  function appWith(environment: Record<string, string> = {}) {
    // Qwen preferred, so every app of a comparison reads with the same provider while it is healthy.
    const config = readConfig({
      ...simulatedProviders(simulator),
      LLM_PROVIDER: "qwen",
      LOG_LEVEL: "error",
      ...environment,
    });
    const manager = new RecordingManager({
      settings: config.incidents,
      store: new MemoryIncidentStore(),
      router: null,
    });
    return { app: createApp({ config, incidents: manager }), manager };
  }

  it("an LLM reading: wanted and answered, with the agents' timings and the variant", async () => {
    const { app, manager } = appWith();
    const response = await parse(app, REQUEST);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { meta: { mode: string; timingsMs: Record<string, number> } };
    expect(body.meta.mode).toBe("llm");

    expect(manager.outcomes).toHaveLength(1);
    const [outcome] = manager.outcomes;
    expect(outcome).toMatchObject({
      status: 200,
      wantedLlm: true,
      llmAnswered: true,
      degraded: false,
      agentsMs: body.meta.timingsMs,
      variant: "baseline",
    });
    expect(outcome!.latencyMs).toBeGreaterThan(0);
    expect(Object.keys(outcome!.agentsMs ?? {})).toContain("parsing");
    expect(outcome!.error).toBeUndefined();
    // The call reached the manager through the metrics, as the metrics counted it.
    expect(manager.calls.map((call) => call.outcome)).toContain("ok");
  });

  it("mode rules: no LLM wanted", async () => {
    const { app, manager } = appWith();
    expect((await parse(app, { ...REQUEST, mode: "rules" })).status).toBe(200);
    expect(manager.outcomes).toMatchObject([{ status: 200, wantedLlm: false, llmAnswered: false }]);
    expect(manager.calls).toEqual([]);
  });

  it("every provider failing: wanted and not answered (auto reads by rules; llm answers 503)", async () => {
    const { app, manager } = appWith();
    for (const provider of ["qwen", "anthropic"]) {
      await simulator.setFaults(provider, undefined, [{ kind: "serverError" }]);
    }
    expect((await parse(app, REQUEST)).status).toBe(200);
    const refused = await parse(app, { ...REQUEST, mode: "llm" });
    expect(refused.status).toBe(503);

    expect(manager.outcomes).toMatchObject([
      { status: 200, wantedLlm: true, llmAnswered: false, degraded: false },
      { status: 503, wantedLlm: true, llmAnswered: false, error: "llm_unavailable" },
    ]);
    expect(manager.events.map((event) => event.event)).toContain("attempt_failed");
    expect(manager.calls.length).toBeGreaterThan(0);
  });

  it("a refused request: its status and code, no LLM wanted", async () => {
    const { app, manager } = appWith();
    expect((await parse(app, { ...REQUEST, mode: "sometimes" })).status).toBe(400);
    expect((await parse(app, "{")).status).toBe(400);
    expect(manager.outcomes).toMatchObject([
      { status: 400, wantedLlm: false, llmAnswered: false, error: "invalid_request" },
      { status: 400, wantedLlm: false, llmAnswered: false, error: "invalid_json" },
    ]);
  });

  it("answers the same with incidents on, off, or a manager that throws at every record", async () => {
    const on = appWith();
    const broken = appWith();
    broken.manager.throwing = true;
    const off = appWith({ INCIDENTS: "false" });
    for (const body of [REQUEST, { ...REQUEST, mode: "rules" }, { ...REQUEST, mode: "sometimes" }]) {
      const expected = await answerOf(await parse(off.app, body));
      expect(await answerOf(await parse(on.app, body))).toEqual(expected);
      expect(await answerOf(await parse(broken.app, body))).toEqual(expected);
    }
    expect(broken.manager.outcomes).toHaveLength(3);
    expect(off.manager.outcomes).toEqual([]);
  });
});

describe("what assembleApp builds", () => {
  it("a manager over the router with an LLM configured; none without one, none with INCIDENTS=false", () => {
    const simulated = { QWEN_API_KEY: "sk-test", QWEN_BASE_URL: "http://127.0.0.1:9/v1" };
    expect(assembleApp({ config: readConfig(simulated) }).incidents).toBeInstanceOf(IncidentManager);
    expect(assembleApp({ config: readConfig({}) }).incidents).toBeNull();
    expect(assembleApp({ config: readConfig({ ...simulated, INCIDENTS: "false" }) }).incidents).toBeNull();
    expect(assembleApp({ config: readConfig(simulated), incidents: null }).incidents).toBeNull();
  });
});
