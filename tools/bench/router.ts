// The router's cost and its effect on tail latency, against the provider simulator on 127.0.0.1:
// - overhead: the same extraction asked through the openai SDK directly, through Cita's Qwen provider, and
//   through the router (choice, breaker, rate limit, deadline, validation, health), one call at a time;
// - a slow primary: Qwen's latency with a long tail (p50 60 ms, p95 1.5 s) and Claude healthy, p50/p95 of
//   router calls with hedging (after a fixed delay, within the 10% budget) and without.
import OpenAI from "openai";
import { parsingPrompt, parsingUserMessage } from "../../prompts/parsing.js";
import { readConfig } from "../../src/config.js";
import { ExtractionSchema, extractionOutput } from "../../src/llm/extraction-schema.js";
import { createProviders } from "../../src/providers/index.js";
import type { LlmProvider } from "../../src/providers/types.js";
import { createRouter } from "../../src/router/index.js";
import type { LlmRouter } from "../../src/router/router.js";
import { percentile } from "../../src/stats.js";
import { type Simulator, startSimulator } from "../simulator/server.js";
import { type LatencyCurve, latencyCurve } from "./curve.js";

const TEXTS = [
  "Cita con el Dr. García mañana a las 5 de la tarde en Madrid por 30 minutos",
  "Book a haircut with Anna next Tuesday at 3pm in London",
  "turno con la Dra. Gómez el lunes a las 10",
  "dentist appointment on Friday at 9:30am",
];

export interface RouterFigures {
  calls: number;
  directSdk: Percentiles;
  provider: Percentiles;
  router: Percentiles;
  /** router p50 − direct SDK p50. */
  overheadP50Ms: number;
  slowPrimary: {
    calls: number;
    concurrency: number;
    hedgeDelayMs: number;
    withoutHedging: Percentiles;
    withHedging: Percentiles & { hedges: number };
  };
}

export interface Percentiles {
  p50Ms: number;
  p95Ms: number;
  meanMs: number;
  curve: LatencyCurve;
}

export async function measureRouter(options: { calls: number; slowCalls: number }): Promise<RouterFigures> {
  const simulator = await startSimulator({ seed: 5 });
  try {
    const overhead = await measureOverhead(simulator, options.calls);
    const slowPrimary = await measureSlowPrimary(simulator, options.slowCalls);
    return { ...overhead, slowPrimary };
  } finally {
    await simulator.close();
  }
}

function environment(simulator: Simulator, extra: Record<string, string> = {}) {
  return {
    QWEN_API_KEY: "sk-bench",
    QWEN_BASE_URL: simulator.baseUrls.qwen,
    ANTHROPIC_API_KEY: "sk-ant-bench",
    ANTHROPIC_BASE_URL: simulator.baseUrls.anthropic,
    LLM_CACHE_MAX_ENTRIES: "0",
    ...extra,
  };
}

function request(text: string, model: string) {
  return {
    system: parsingPrompt.system,
    user: parsingUserMessage(text),
    schema: extractionOutput,
    model,
    maxTokens: 400,
    temperature: 0,
    requestId: "bench",
  };
}

function ask(router: LlmRouter, text: string) {
  return router.complete({
    build: () => {
      const { model: _model, ...rest } = request(text, "");
      return rest;
    },
    schema: ExtractionSchema,
    requestId: "bench",
  });
}

async function measureOverhead(simulator: Simulator, calls: number) {
  const config = readConfig(
    environment(simulator, { LLM_PROVIDER: "qwen", LLM_WEIGHTS: "qwen=100,anthropic=0" }),
  );
  const providers = createProviders(config.llm.providers);
  const qwen = providers.find((provider) => provider.name === "qwen") as LlmProvider;
  const router = createRouter(config, providers)!;
  const sdk = new OpenAI({ apiKey: "sk-bench", baseURL: simulator.baseUrls.qwen, maxRetries: 0 });
  const direct = async (text: string) => {
    const body = request(text, qwen.model);
    const completion = await sdk.chat.completions.create({
      model: body.model,
      max_tokens: body.maxTokens,
      temperature: 0,
      response_format: {
        type: "json_schema",
        json_schema: { name: body.schema.name, schema: body.schema.jsonSchema, strict: true },
      },
      messages: [
        { role: "system", content: body.system },
        { role: "user", content: body.user },
      ],
    });
    ExtractionSchema.parse(JSON.parse(completion.choices[0]?.message.content ?? "null"));
  };
  const viaProvider = async (text: string) => {
    const answer = await qwen.complete({
      ...request(text, qwen.model),
      signal: new AbortController().signal,
    });
    ExtractionSchema.parse(JSON.parse(answer.text));
  };
  const viaRouter = async (text: string) => {
    await ask(router, text);
  };
  // Interleaved, so drift on the machine hits the three alike; a warm-up first.
  const samples: Record<"direct" | "provider" | "router", number[]> = {
    direct: [],
    provider: [],
    router: [],
  };
  const runs = { direct, provider: viaProvider, router: viaRouter };
  for (let index = 0; index < calls + 50; index++) {
    const text = TEXTS[index % TEXTS.length]!;
    for (const [name, run] of Object.entries(runs) as [
      keyof typeof runs,
      (text: string) => Promise<void>,
    ][]) {
      const started = performance.now();
      await run(text);
      if (index >= 50) samples[name].push(performance.now() - started);
    }
  }
  const directSdk = summary(samples.direct);
  const routerFigures = summary(samples.router);
  return {
    calls,
    directSdk,
    provider: summary(samples.provider),
    router: routerFigures,
    overheadP50Ms: round(routerFigures.p50Ms - directSdk.p50Ms),
  };
}

async function measureSlowPrimary(simulator: Simulator, calls: number) {
  const concurrency = 4;
  const hedgeDelayMs = 250;
  simulator.setFaults("qwen", undefined, [{ kind: "latency", p50Ms: 60, p95Ms: 1500 }]);
  const run = async (extra: Record<string, string>) => {
    const config = readConfig(
      environment(simulator, {
        LLM_WEIGHTS: "qwen=70,anthropic=30",
        LLM_HEDGE_DELAY_MS: String(hedgeDelayMs),
        // Health judgement off the path: this measures hedging, not failover.
        LLM_HEALTH_MIN_SAMPLES: "1000000",
        ...extra,
      }),
    );
    const router = createRouter(config, createProviders(config.llm.providers))!;
    const durations: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < calls) {
          const text = TEXTS[next++ % TEXTS.length]!;
          const started = performance.now();
          await ask(router, text);
          durations.push(performance.now() - started);
        }
      }),
    );
    return { figures: summary(durations), hedges: router.snapshot().hedges.hedges };
  };
  try {
    const without = await run({ LLM_HEDGE_BUDGET: "0" });
    const withHedging = await run({});
    return {
      calls,
      concurrency,
      hedgeDelayMs,
      withoutHedging: without.figures,
      withHedging: { ...withHedging.figures, hedges: withHedging.hedges },
    };
  } finally {
    simulator.setFaults("qwen", undefined, []);
  }
}

function summary(durations: number[]): Percentiles {
  const sorted = [...durations].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length);
  return {
    p50Ms: round(percentile(sorted, 0.5)),
    p95Ms: round(percentile(sorted, 0.95)),
    meanMs: round(mean),
    curve: latencyCurve(sorted),
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
