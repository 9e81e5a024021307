// The daily LLM budget end to end, against the provider simulator: the price table turns each call's tokens
// into dollars; past 80% of the budget the router goes to conservation mode (the short prompt, 200 output
// tokens), past 100% no LLM is called and requests read by rules; /health and /metrics show each step.
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { readConfig } from "../../src/config.js";
import { HealthResponseSchema } from "../../src/http/schemas/health.js";
import { ParseResponseSchema } from "../../src/http/schemas/parse.js";
import { haircutRequest } from "../support/parse-requests.js";
import { useSimulatorScope } from "../support/simulator.js";

const simulator = useSimulatorScope({ seed: 41 });

describe("daily budget", () => {
  it("switches to conservation mode, then to rules only", async () => {
    const app = createApp({
      config: readConfig({
        QWEN_API_KEY: "sk-test",
        QWEN_BASE_URL: simulator.baseUrls.qwen,
        // A deliberately tiny price and budget: a few calls reach 80%, a few more 100%.
        LLM_PRICES: "qwen-plus=1/1",
        LLM_DAILY_BUDGET_USD: "0.005",
        LLM_CACHE_MAX_ENTRIES: "0",
      }),
      // As `npm start` on 127.0.0.1, where /metrics needs no METRICS_TOKEN.
      loopbackListener: true,
    });
    const health = async () => HealthResponseSchema.parse(await (await app.request("/health")).json());
    const states: string[] = [];
    const maxTokens: number[] = [];
    const modes: string[] = [];
    for (let index = 0; index < 30; index++) {
      const before = (await simulator.attempts()).length;
      const response = await app.request("/v1/appointments/parse", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(haircutRequest(index)),
      });
      expect(response.status).toBe(200);
      modes.push(ParseResponseSchema.parse(await response.json()).meta.mode);
      const attempt = (await simulator.attempts()).slice(before)[0];
      maxTokens.push(attempt?.maxTokens ?? 0);
      states.push((await health()).router!.budget.state);
    }
    // Each state follows the one before, never back: ok, then conservation, then exhausted.
    const order = ["ok", "conservation", "exhausted"];
    expect(states.map((state) => order.indexOf(state))).toEqual(
      [...states.map((state) => order.indexOf(state))].sort((a, b) => a - b),
    );
    expect(states).toContain("conservation");
    expect(states.at(-1)).toBe("exhausted");
    // Conservation asks for fewer tokens; once exhausted, no LLM call at all and the rules answer.
    const firstConservation = states.indexOf("conservation");
    const exhausted = states.indexOf("exhausted");
    expect(maxTokens.slice(0, firstConservation)).not.toContain(200);
    expect(maxTokens.slice(firstConservation + 1, exhausted + 1).every((tokens) => tokens === 200)).toBe(
      true,
    );
    expect(maxTokens.slice(exhausted + 1).every((tokens) => tokens === 0)).toBe(true);
    expect(modes.slice(exhausted + 1).every((mode) => mode === "rules")).toBe(true);
    const final = await health();
    expect(final.status).toBe("degraded");
    expect(final.router).toMatchObject({ state: "down", conservation: true, conservationReason: "budget" });
    expect(final.router!.budget.spentUsd).toBeGreaterThanOrEqual(0.005);
    const metrics = await (await app.request("/metrics")).text();
    expect(metrics).toContain('llm_budget_state{state="exhausted"} 1');
    expect(metrics).toContain("llm_budget_daily_usd 0.005");
    expect(metrics).toMatch(/llm_cost_usd_total\{provider="qwen",model="qwen-plus"\} 0\.00[5-9]/);
  });
});
