// GET /metrics: the Prometheus text the app exposes after real traffic (rules, and LLM calls through the
// router to the provider simulator, with faults), checked by Prometheus's own `promtool check metrics` and
// read back series by series. promtool comes from the Debian package `prometheus` (installed by .ci/run);
// without it the promtool check skips and says why, or fails under CITA_REQUIRE_PROMTOOL
// (test/support/promtool.ts).
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { readConfig } from "../../src/config.js";
import { jsonLogger } from "../../src/http/logger.js";
import { runPromtool } from "../support/promtool.js";
import { useSimulatorScope } from "../support/simulator.js";

const REQUEST = {
  text: "Can I book a haircut tomorrow at 4pm?",
  locale: "en-US",
  timezone: "America/New_York",
  now: "2026-06-07T11:00:00-04:00",
};

const simulator = useSimulatorScope({ seed: 31 });
let app: ReturnType<typeof createApp>;
const lines: string[] = [];

async function parse(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return app.request("/v1/appointments/parse", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

async function scrape(): Promise<{ text: string; contentType: string | null }> {
  const response = await app.request("/metrics");
  expect(response.status).toBe(200);
  return { text: await response.text(), contentType: response.headers.get("content-type") };
}

/** The value of one series, by its exact name and labels (in the order the registry writes them). */
function value(text: string, series: string): number | null {
  const line = text.split("\n").find((entry) => entry.startsWith(`${series} `));
  return line === undefined ? null : Number(line.slice(series.length + 1));
}

beforeAll(async () => {
  app = createApp({
    config: readConfig({
      QWEN_API_KEY: "sk-metrics-secret-91c2",
      QWEN_BASE_URL: simulator.baseUrls.qwen,
      LLM_CACHE_TTL_S: "300",
    }),
    logger: jsonLogger("info", (line) => lines.push(line)),
    // As `npm start` on 127.0.0.1, where /metrics needs no METRICS_TOKEN.
    loopbackListener: true,
  });
  // An LLM answer, the same question again (a cache hit), a rules-only request, a bad request, and a 429.
  expect((await parse(REQUEST, { "x-request-id": "metrics-llm-1" })).status).toBe(200);
  expect((await parse(REQUEST)).status).toBe(200);
  expect((await parse({ ...REQUEST, mode: "rules" })).status).toBe(200);
  expect((await parse({ ...REQUEST, confidence: 1 })).status).toBe(400);
  await simulator.setFaults("qwen", undefined, [{ kind: "rateLimit", retryAfterSeconds: 30 }]);
  expect((await parse({ ...REQUEST, text: "Book a haircut on Friday at 10am" })).status).toBe(200);
  await simulator.setFaults("qwen", undefined, []);
});

describe("GET /metrics", () => {
  it("passes promtool check metrics", async (context) => {
    const { text, contentType } = await scrape();
    expect(contentType).toBe("text/plain; version=0.0.4; charset=utf-8");
    const check = runPromtool(context, ["check", "metrics"], { input: text });
    expect(check.output.trim()).toBe("");
    expect(check.status).toBe(0);
  });

  it("exposes every metric the runbooks name", async () => {
    const { text } = await scrape();
    const names = new Set(
      [...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map((match) => `${match[1]} ${match[2]}`),
    );
    for (const expected of [
      "llm_request_duration_seconds histogram",
      "llm_requests_total counter",
      "llm_timeouts_total counter",
      "llm_rate_limit_errors_total counter",
      "llm_connection_errors_total counter",
      "llm_tokens_total counter",
      "llm_cost_usd_total counter",
      "llm_answer_confidence histogram",
      "agent_execution_duration_seconds histogram",
      "parsing_confidence histogram",
      "parsing_json_errors_total counter",
      "parsing_requests_total counter",
      "cache_requests_total counter",
      "router_degraded gauge",
      "router_state gauge",
      "circuit_breaker_state gauge",
      "llm_provider_state gauge",
      "http_request_duration_seconds histogram",
    ]) {
      expect(names, expected).toContain(expected);
    }
  });

  it("counts what happened", async () => {
    const { text } = await scrape();
    const qwen = 'provider="qwen",model="qwen-plus"';
    // Two calls reached Qwen: one answer, one 429 (the cache answered the repeated question).
    expect(value(text, `llm_requests_total{${qwen},status="2xx"}`)).toBe(1);
    expect(value(text, `llm_requests_total{${qwen},status="429"}`)).toBe(1);
    expect(value(text, `llm_rate_limit_errors_total{${qwen}}`)).toBe(1);
    expect(value(text, `llm_request_duration_seconds_count{${qwen},outcome="ok"}`)).toBe(1);
    expect(value(text, `cache_requests_total{result="hit"}`)).toBe(1);
    expect(value(text, `cache_requests_total{result="miss"}`)).toBe(1);
    expect(value(text, `parsing_requests_total{mode="llm",status="complete"}`)).toBe(2);
    expect(value(text, `parsing_requests_total{mode="rules",status="complete"}`)).toBe(2);
    expect(value(text, `parsing_requests_total{mode="none",status="error"}`)).toBe(1);
    expect(value(text, `parsing_confidence_count{mode="llm"}`)).toBe(2);
    expect(value(text, `agent_execution_duration_seconds_count{agent="parsing"}`)).toBe(4);
    expect(value(text, `llm_answer_confidence_count{${qwen}}`)).toBe(1);
    const input = value(text, `llm_tokens_total{${qwen},direction="input"}`)!;
    const output = value(text, `llm_tokens_total{${qwen},direction="output"}`)!;
    expect(input).toBeGreaterThan(0);
    expect(output).toBeGreaterThan(0);
    // qwen-plus at $0.4 / $1.2 per million tokens.
    expect(value(text, `llm_cost_usd_total{${qwen}}`)).toBeCloseTo((input * 0.4 + output * 1.2) / 1e6, 12);
    expect(
      value(text, `http_request_duration_seconds_count{route="/v1/appointments/parse",status="200"}`),
    ).toBe(4);
    expect(
      value(text, `http_request_duration_seconds_count{route="/v1/appointments/parse",status="400"}`),
    ).toBe(1);
    // Qwen is paused by its 429 (30 s): not usable, so the router reads down and the service degraded.
    expect(value(text, "router_degraded")).toBe(1);
    expect(value(text, `router_state{state="down"}`)).toBe(1);
    expect(value(text, `circuit_breaker_state{${qwen}}`)).toBe(0);
    expect(value(text, `llm_provider_state{${qwen}}`)).toBe(1);
  });

  it("leaks no secret and no user text", async () => {
    const { text } = await scrape();
    expect(text).not.toContain("sk-metrics-secret");
    expect(text).not.toContain("haircut");
  });
});

describe("request logs", () => {
  it("write one JSON line per request with mode, provider, model, tokens and degraded, never the text", () => {
    const requests = lines.map((line) => JSON.parse(line)).filter((record) => record.route !== undefined);
    const llm = requests.find((record) => record.requestId === "metrics-llm-1");
    expect(llm).toMatchObject({
      level: "info",
      method: "POST",
      route: "/v1/appointments/parse",
      status: 200,
      mode: "llm",
      provider: "qwen",
      model: "qwen-plus",
      degraded: false,
      cache: "miss",
      parseStatus: "complete",
    });
    expect(llm.tokensIn).toBeGreaterThan(0);
    expect(llm.tokensOut).toBeGreaterThan(0);
    // qwen-plus is in the default price table.
    expect(llm.costUsd).toBeGreaterThan(0);
    expect(typeof llm.latencyMs).toBe("number");
    for (const line of lines) {
      expect(line).not.toContain("haircut");
      expect(line).not.toContain("sk-metrics-secret");
    }
  });
});

describe("debug logging", () => {
  it("adds the request's text to its log line only with LOG_LEVEL=debug", async () => {
    for (const level of ["info", "debug"] as const) {
      const written: string[] = [];
      const logged = createApp({
        config: readConfig({ LOG_LEVEL: level }),
        logger: jsonLogger(level, (line) => written.push(line)),
      });
      await logged.request("/v1/appointments/parse", {
        method: "POST",
        headers: { "content-type": "application/json", "x-request-id": `debug-${level}` },
        body: JSON.stringify({ text: "cita mañana a las 10 con la Dra. Ruiz" }),
      });
      const line = written
        .map((entry) => JSON.parse(entry))
        .find((record) => record.requestId === `debug-${level}` && record.route);
      expect(line.text).toBe(level === "debug" ? "cita mañana a las 10 con la Dra. Ruiz" : undefined);
    }
  });
});
