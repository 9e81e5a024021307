// The `mode` field against the provider simulator, driven through the app in process: auto reads with the
// configured LLM, rules never calls one, llm answers 503 when no provider can answer; meta names who
// answered; the request id travels upstream; invalid answers are re-asked once, counted and logged.
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { type Environment, readConfig } from "../../src/config.js";
import { jsonLogger } from "../../src/http/logger.js";
import { type ParseResponse, ParseResponseSchema } from "../../src/http/schemas/parse.js";
import type { FaultInput } from "../../tools/simulator/faults.js";
import { useSimulatorScope } from "../support/simulator.js";

const REQUEST = {
  text: "Can I book a haircut tomorrow at 4pm?",
  locale: "en-US",
  timezone: "America/New_York",
  now: "2026-06-07T11:00:00-04:00",
};

const simulator = useSimulatorScope({ seed: 3, resetAfterEach: true });

function appWith(environment: Environment = {}) {
  const lines: string[] = [];
  const config = readConfig({
    QWEN_API_KEY: "sk-test",
    QWEN_BASE_URL: simulator.baseUrls.qwen,
    ...environment,
  });
  const app = createApp({ config, logger: jsonLogger("debug", (line) => lines.push(line)) });
  const parse = async (body: Record<string, unknown> = {}, headers: Record<string, string> = {}) => {
    const response = await app.request("/v1/appointments/parse", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ ...REQUEST, ...body }),
    });
    const json = (await response.json()) as Record<string, unknown>;
    return { response, json, body: json as unknown as ParseResponse };
  };
  return { app, parse, lines };
}

const withFaults = (faults: FaultInput[]) => simulator.setFaults("qwen", undefined, faults);

describe("mode auto", () => {
  it("reads with the configured LLM and names it in meta", async () => {
    const { parse } = appWith();
    const { body } = await parse();
    expect(ParseResponseSchema.parse(body).meta).toMatchObject({
      mode: "llm",
      provider: "qwen",
      model: "qwen-plus",
    });
    expect(body.appointment).toMatchObject({ service: "haircut", date: "2026-06-08", time: "16:00" });
  });

  it("raises confidence above the rules alone when both readings agree", async () => {
    const { parse } = appWith();
    const llm = (await parse()).body.confidence;
    const rules = (await parse({ mode: "rules" })).body.confidence;
    // A clear, complete request: the rules alone reach their maximum (0.98), an agreeing model 0.99.
    expect(rules).toBe(0.98);
    expect(llm).toBe(0.99);
  });

  it("falls back to the rules when the provider fails", async () => {
    await withFaults([{ kind: "serverError" }]);
    const { parse } = appWith();
    const { response, body } = await parse();
    expect(response.status).toBe(200);
    expect(body.meta).toMatchObject({ mode: "rules", provider: null, model: null });
    // A provider error says nothing about the text: the rules reading keeps its own confidence.
    expect(body.confidence).toBe(0.98);
  });

  it("reads by rules alone when no provider is configured", async () => {
    const { parse } = appWith({ QWEN_API_KEY: "" });
    expect((await parse()).body.meta.mode).toBe("rules");
    expect(await simulator.attempts()).toEqual([]);
  });

  it("sends the request id upstream as X-Request-Id", async () => {
    const { parse } = appWith();
    const { response } = await parse({}, { "x-request-id": "case-42" });
    expect(response.headers.get("x-request-id")).toBe("case-42");
    expect((await simulator.attempts()).map((attempt) => attempt.requestId)).toEqual(["case-42"]);
  });

  it("uses the per-agent model and the conservation prompt's smaller budget", async () => {
    const { parse } = appWith({ QWEN_MODEL_PARSING: "qwen-turbo", CONSERVATION_MODE: "true" });
    expect((await parse()).body.meta.model).toBe("qwen-turbo");
    expect(await simulator.attempts()).toMatchObject([{ model: "qwen-turbo", maxTokens: 200 }]);
  });

  it("works the same through another provider (openai)", async () => {
    const { parse } = appWith({
      QWEN_API_KEY: "",
      OPENAI_API_KEY: "sk-test",
      OPENAI_BASE_URL: simulator.baseUrls.openai,
    });
    expect((await parse()).body.meta).toMatchObject({ mode: "llm", provider: "openai" });
  });
});

describe("invalid model output", () => {
  it("repairs near-JSON without a re-ask", async () => {
    await withFaults([{ kind: "invalidJson", variant: "fence" }]);
    const { parse, lines } = appWith();
    expect((await parse()).body.meta.mode).toBe("llm");
    expect(await simulator.attempts()).toHaveLength(1);
    expect(lines.filter((line) => line.includes("llm_invalid_output"))).toEqual([]);
  });

  it("re-asks once, then falls back to the rules with lower confidence, logging each invalid answer", async () => {
    await withFaults([{ kind: "schemaViolation" }]);
    const { parse, lines } = appWith();
    const { body } = await parse();
    expect(body.meta.mode).toBe("rules");
    expect(body.confidence).toBeLessThan(0.95);
    expect(await simulator.attempts()).toHaveLength(2);
    const logged = lines
      .filter((line) => line.includes("llm_invalid_output"))
      .map((line) => JSON.parse(line));
    expect(logged.map((record) => record.attempt)).toEqual([1, 2]);
    expect(logged[0]).toMatchObject({ provider: "qwen", model: "qwen-plus" });
  });

  it("treats a truncated answer as invalid", async () => {
    await withFaults([{ kind: "truncated" }]);
    const { parse } = appWith();
    expect((await parse()).body.meta.mode).toBe("rules");
    expect(await simulator.attempts()).toHaveLength(2);
  });
});

describe("mode rules", () => {
  it("never calls an LLM", async () => {
    const { parse } = appWith();
    const { body } = await parse({ mode: "rules" });
    expect(body.meta).toMatchObject({ mode: "rules", provider: null, model: null });
    expect(await simulator.attempts()).toEqual([]);
  });
});

describe("mode llm", () => {
  it("answers with the LLM", async () => {
    const { parse } = appWith();
    expect((await parse({ mode: "llm" })).body.meta).toMatchObject({ mode: "llm", provider: "qwen" });
  });

  it("answers 503 llm_unavailable when no provider is configured", async () => {
    const { parse } = appWith({ QWEN_API_KEY: "" });
    const { response, json } = await parse({ mode: "llm" });
    expect(response.status).toBe(503);
    expect(json).toMatchObject({ error: { code: "llm_unavailable" } });
  });

  it.each<[string, FaultInput]>([
    ["a server error", { kind: "serverError" }],
    ["a rate limit", { kind: "rateLimit", retryAfterSeconds: 1 }],
    ["output that stays invalid", { kind: "invalidJson", variant: "broken" }],
  ])("answers 503 llm_unavailable on %s", async (_name, fault) => {
    await withFaults([fault]);
    const { parse } = appWith();
    const { response, json } = await parse({ mode: "llm" });
    expect(response.status).toBe(503);
    expect(json).toMatchObject({ error: { code: "llm_unavailable" } });
  });
});

it("GET /health lists the llm mode when a provider is configured", async () => {
  const { app } = appWith();
  expect(await (await app.request("/health")).json()).toMatchObject({ modes: ["rules", "llm"] });
  const { app: rulesOnly } = appWith({ QWEN_API_KEY: "" });
  expect(await (await rulesOnly.request("/health")).json()).toMatchObject({ modes: ["rules"] });
});
