// Degradation drives the coordinator, and operators steer the router: against the provider simulator, in
// process. Degraded providers mean the minimal sequence, no usable provider means the rules parser; meta and
// GET /health say which; the admin API (bearer token, compared in constant time) reads and sets the router.
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { type Environment, readConfig } from "../../src/config.js";
import { HealthResponseSchema } from "../../src/http/schemas/health.js";
import { ParseResponseSchema } from "../../src/http/schemas/parse.js";
import { adminClient } from "../support/admin-client.js";
import { simulatedProviders, useSimulatorScope } from "../support/simulator.js";

const TOKEN = "admin-token-for-tests-0123456789abcdef";
const REQUEST = {
  text: "Can I book a haircut tomorrow at 4pm?",
  locale: "en-US",
  timezone: "America/New_York",
  now: "2026-06-07T11:00:00-04:00",
};

const simulator = useSimulatorScope({ seed: 21, resetAfterEach: true });

function appWith(environment: Environment = {}) {
  const config = readConfig({
    ADMIN_TOKEN: TOKEN,
    ...simulatedProviders(simulator),
    LLM_WEIGHTS: "qwen=70,anthropic=30",
    // Fast judgement, no cache: every request reaches the router.
    LLM_HEALTH_MIN_SAMPLES: "3",
    LLM_CACHE_MAX_ENTRIES: "0",
    LLM_BACKOFF_BASE_MS: "1",
    LLM_BACKOFF_MAX_MS: "5",
    ...environment,
  });
  const app = createApp({ config });
  let counter = 0;
  const parse = async (body: Record<string, unknown> = {}) => {
    // A different minute each time, so no two requests are the same question.
    const response = await app.request("/v1/appointments/parse", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...REQUEST, text: `${REQUEST.text} (${++counter})`, ...body }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const admin = adminClient(app, TOKEN);
  const health = async () => HealthResponseSchema.parse(await (await app.request("/health")).json());
  return { app, parse, admin, health };
}

describe("degradation drives the coordinator", () => {
  it("runs the full sequence with an LLM while providers are healthy", async () => {
    const { parse, health } = appWith();
    const { body } = await parse();
    const meta = ParseResponseSchema.parse(body).meta;
    expect(meta).toMatchObject({ mode: "llm", degraded: false });
    expect(meta.agents).toEqual(["parsing", "temporal", "geo", "validation", "availability", "negotiation"]);
    const state = await health();
    expect(state.status).toBe("ok");
    expect(state.router?.providers.map((entry) => [entry.provider, entry.state, entry.breaker])).toEqual([
      ["qwen", "healthy", "closed"],
      ["anthropic", "healthy", "closed"],
    ]);
  });

  it("runs the minimal sequence when every usable provider is degraded", async () => {
    // Invalid JSON on every answer of both: each provider's window reads invalid JSON over 10%.
    await simulator.setFaults("qwen", undefined, [{ kind: "invalidJson", variant: "prose", rate: 1 }]);
    await simulator.setFaults("anthropic", undefined, [{ kind: "invalidJson", variant: "prose", rate: 1 }]);
    const { parse, health } = appWith();
    // Each request goes to a provider still healthy; after 3 samples a provider reads degraded: 6 at most.
    for (let index = 0; index < 6; index++) await parse();
    const state = await health();
    expect(state.router?.state).toBe("degraded");
    expect(state.status).toBe("degraded");
    expect(state.router?.providers.every((entry) => entry.state === "degraded")).toBe(true);
    expect(state.router?.providers[0]?.reasons.join(" ")).toMatch(/invalid JSON/);
    const { status, body } = await parse();
    expect(status).toBe(200);
    const meta = ParseResponseSchema.parse(body).meta;
    // Prose around valid JSON is repaired: the LLM still reads, in the minimal sequence.
    expect(meta).toMatchObject({ mode: "llm", degraded: true });
    expect(meta.agents).toEqual(["parsing", "temporal", "validation"]);
  });

  it("reads by rules in the minimal sequence when no provider is usable, and says so", async () => {
    await simulator.setFaults("qwen", undefined, [{ kind: "serverError" }]);
    await simulator.setFaults("anthropic", undefined, [{ kind: "serverError" }]);
    const { parse, health } = appWith();
    for (let index = 0; index < 4; index++) {
      const { status, body } = await parse();
      expect(status).toBe(200);
      expect(ParseResponseSchema.parse(body).meta.mode).toBe("rules");
    }
    const state = await health();
    expect(state.router?.state).toBe("down");
    expect(state.router?.providers.map((entry) => [entry.state, entry.breaker])).toEqual([
      ["down", "open"],
      ["down", "open"],
    ]);
    const before = (await simulator.attempts()).length;
    const { body } = await parse();
    const meta = ParseResponseSchema.parse(body).meta;
    expect(meta).toMatchObject({ mode: "rules", degraded: true, provider: null });
    expect(meta.agents).toEqual(["parsing", "temporal", "validation"]);
    // Open breakers: nobody is called at all.
    expect((await simulator.attempts()).length).toBe(before);
    // Mode llm cannot be served.
    expect((await parse({ mode: "llm" })).status).toBe(503);
  });

  it("fails over to the other provider and keeps answering with the LLM", async () => {
    await simulator.setFaults("qwen", undefined, [{ kind: "serverError" }]);
    const { parse } = appWith({ LLM_PROVIDER: "qwen" });
    for (let index = 0; index < 5; index++) {
      const meta = ParseResponseSchema.parse((await parse()).body).meta;
      expect(meta).toMatchObject({ mode: "llm", provider: "anthropic", degraded: false });
    }
  });
});

describe("admin API", () => {
  it("answers 403 without a configured token, 401 without or with a wrong one", async () => {
    expect((await appWith({ ADMIN_TOKEN: "" }).admin("GET", "/admin/router")).status).toBe(403);
    const { admin } = appWith();
    expect((await admin("GET", "/admin/router", undefined, null)).status).toBe(401);
    const wrong = await admin("GET", "/admin/router", undefined, `${TOKEN}x`);
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ error: { code: "unauthorized" } });
    expect(JSON.stringify(wrong.body)).not.toContain(TOKEN);
  });

  it("reads the router state", async () => {
    const { admin } = appWith();
    const { status, body } = await admin("GET", "/admin/router");
    expect(status).toBe(200);
    expect(body).toMatchObject({ state: "healthy", conservation: false, forcedDegraded: false });
    expect((body.providers as { weight: number }[]).map((entry) => entry.weight)).toEqual([70, 30]);
  });

  it("sets weights and the preferred provider, which the next requests follow", async () => {
    const { admin, parse } = appWith();
    const set = await admin("PUT", "/admin/router/weights", { weights: { qwen: 0, anthropic: 100 } });
    expect(set.status).toBe(200);
    expect((set.body.providers as { weight: number }[]).map((entry) => entry.weight)).toEqual([0, 100]);
    for (let index = 0; index < 3; index++) {
      expect(ParseResponseSchema.parse((await parse()).body).meta.provider).toBe("anthropic");
    }
    expect((await admin("PUT", "/admin/router/preferred", { provider: "qwen" })).body.preferred).toBe("qwen");
    expect(ParseResponseSchema.parse((await parse()).body).meta.provider).toBe("qwen");
  });

  it("switches conservation mode: the short prompt and fewer tokens", async () => {
    const { admin, parse } = appWith();
    const on = await admin("PUT", "/admin/router/conservation", { enabled: true });
    expect(on.body).toMatchObject({ conservation: true, conservationReason: "admin" });
    await parse();
    const attempt = (await simulator.attempts()).at(-1)!;
    expect(attempt.maxTokens).toBe(200);
    await admin("PUT", "/admin/router/conservation", { enabled: false });
    await parse();
    expect((await simulator.attempts()).at(-1)!.maxTokens).toBe(400);
  });

  it("forces the degraded mode, and lifts it", async () => {
    const { admin, parse, health } = appWith();
    expect((await admin("PUT", "/admin/router/degraded", { enabled: true })).body.state).toBe("degraded");
    expect((await health()).status).toBe("degraded");
    const meta = ParseResponseSchema.parse((await parse()).body).meta;
    expect(meta).toMatchObject({ degraded: true, mode: "llm" });
    expect(meta.agents).toEqual(["parsing", "temporal", "validation"]);
    await admin("PUT", "/admin/router/degraded", { enabled: false });
    expect(ParseResponseSchema.parse((await parse()).body).meta.degraded).toBe(false);
  });

  it("resets a breaker", async () => {
    await simulator.setFaults("qwen", undefined, [{ kind: "serverError" }]);
    const { admin, parse } = appWith({ LLM_PROVIDER: "qwen", LLM_WEIGHTS: "qwen=100,anthropic=0" });
    for (let index = 0; index < 5; index++) await parse();
    const opened = await admin("GET", "/admin/router");
    expect((opened.body.providers as { breaker: string }[])[0]?.breaker).toBe("open");
    await simulator.setFaults("qwen", undefined, []);
    const reset = await admin("POST", "/admin/router/breakers/qwen/reset");
    expect(reset.status).toBe(200);
    expect((reset.body.providers as { breaker: string; state: string }[])[0]).toMatchObject({
      breaker: "closed",
      state: "healthy",
    });
    expect(ParseResponseSchema.parse((await parse()).body).meta.provider).toBe("qwen");
  });

  it("refuses bad input with 400 or 404 and changes nothing", async () => {
    const { admin } = appWith();
    const cases: [string, string, unknown, number][] = [
      ["PUT", "/admin/router/weights", { weights: { qwen: -1 } }, 400],
      ["PUT", "/admin/router/weights", { weights: { gemini: 10 } }, 400],
      ["PUT", "/admin/router/weights", { weights: { mistral: 10 } }, 404],
      ["PUT", "/admin/router/weights", { weights: { qwen: 1 }, extra: true }, 400],
      ["PUT", "/admin/router/preferred", { provider: "openai" }, 404],
      ["PUT", "/admin/router/conservation", { enabled: "yes" }, 400],
      ["PUT", "/admin/router/degraded", {}, 400],
      ["POST", "/admin/router/breakers/mistral/reset", undefined, 404],
      ["POST", "/admin/router/breakers/qwen/reset?model=other", undefined, 404],
    ];
    for (const [method, path, body, status] of cases) {
      const answer = await admin(method, path, body);
      expect(answer.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(status);
      expect(Object.keys(answer.body)).toEqual(["error"]);
    }
    const { body } = await admin("GET", "/admin/router");
    expect(body).toMatchObject({ preferred: null, conservation: false, forcedDegraded: false });
    expect((body.providers as { weight: number }[]).map((entry) => entry.weight)).toEqual([70, 30]);
  });

  it("answers 404 when no provider is configured", async () => {
    const { admin, health } = appWith({ QWEN_API_KEY: "", ANTHROPIC_API_KEY: "" });
    expect((await admin("GET", "/admin/router")).status).toBe(404);
    expect((await health()).router).toBeUndefined();
  });
});
