// The LLM path on workerd: the official SDKs inside the Worker talk to the project's simulator over HTTP,
// and the answers match Node's for the same requests.
import { describe, expect, inject, it } from "vitest";
import { createApp } from "../../src/app.js";
import { readConfig } from "../../src/config.js";
import { HealthResponseSchema } from "../../src/http/schemas/health.js";
import { runPromtool } from "../support/promtool.js";
import { simulatorScope } from "../support/simulator.js";
import { METRICS_TOKEN, useWorker } from "../support/workers.js";

type Where = { locale: string; timezone: string; now: string };
const REQUESTS: (Where & ({ text: string } | { messages: { role: string; content: string }[] }))[] = [
  {
    text: "book a dentist next Tuesday at 3pm",
    locale: "en-US",
    timezone: "Europe/Madrid",
    now: "2026-01-22T10:30:00+01:00",
  },
  {
    text: "cita con la Dra. Gómez mañana a las 10",
    locale: "es-MX",
    timezone: "America/Mexico_City",
    now: "2026-01-22T10:30:00-06:00",
  },
  // A conversation: the whole of it framed in the prompt, its cache key a SHA-256 digest (crypto.subtle).
  {
    messages: [
      { role: "user", content: "hola, quiero turno con la Dra. Ruiz" },
      { role: "assistant", content: "¿Te queda bien el jueves a las 10?" },
      { role: "user", content: "dale, perfecto" },
    ],
    locale: "es-AR",
    timezone: "America/Argentina/Buenos_Aires",
    now: "2026-01-22T10:30:00-03:00",
  },
];

/** A request's name: its text, or a conversation's last message. */
const nameOf = (request: (typeof REQUESTS)[number]) =>
  "text" in request ? request.text : `… ${request.messages.at(-1)!.content}`;

describe("LLM mode on workerd and Node", () => {
  // The scope of the shared simulator the llm worker calls (test/support/workers.ts has its variables).
  const simulator = simulatorScope(inject("llmWorkerScope"));
  const workerUrl = useWorker("llm");

  it.each(REQUESTS.map((request, index) => [nameOf(request), request, index] as const))(
    "%s",
    async (_text, request, index) => {
      const init = (requestId: string): RequestInit => ({
        method: "POST",
        headers: { "content-type": "application/json", "x-request-id": requestId },
        body: JSON.stringify({ ...request, mode: "llm" }),
      });
      const node = createApp({
        config: readConfig({ QWEN_API_KEY: "sk-sentinel-node", QWEN_BASE_URL: simulator.baseUrls.qwen }),
      });
      const fromNode = (await (
        await node.request("/v1/appointments/parse", init(`node-${index}`))
      ).json()) as Record<string, unknown>;
      const response = await fetch(`${workerUrl()}/v1/appointments/parse`, init(`workerd-${index}`));
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text).not.toContain("sentinel");
      const fromWorkerd = JSON.parse(text) as Record<string, unknown>;
      const meta = fromWorkerd.meta as { mode: string; provider: string; model: string };
      expect([meta.mode, meta.provider, meta.model]).toEqual(["llm", "qwen", "qwen-plus"]);
      const strip = (body: Record<string, unknown>) => ({
        ...body,
        meta: { ...(body.meta as object), requestId: "", timingsMs: {} },
      });
      expect(strip(fromWorkerd)).toEqual(strip(fromNode));
      const attempts = (await simulator.attempts()).filter(
        (attempt) => attempt.requestId === `workerd-${index}`,
      );
      expect(attempts.map((attempt) => [attempt.provider, attempt.status, attempt.sdkRetryCount])).toEqual([
        ["qwen", 200, 0],
      ]);
    },
  );

  it("exposes the router in /health and Prometheus text in /metrics, checked by promtool", async (context) => {
    const health = HealthResponseSchema.parse(await (await fetch(`${workerUrl()}/health`)).json());
    expect(health.router?.providers.map((entry) => entry.provider)).toEqual(["qwen", "anthropic", "mistral"]);
    // A Worker serves /metrics only to a scraper with METRICS_TOKEN (test/security/metrics-token.workerd.test.ts).
    const response = await fetch(`${workerUrl()}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    // The isolate that answered the parse requests above counted them (wrangler dev runs one isolate).
    expect(text).toMatch(/^llm_requests_total\{provider="qwen",model="qwen-plus",status="2xx"\} [1-9]/m);
    expect(text).not.toContain("sentinel");
    const check = runPromtool(context, ["check", "metrics"], { input: text });
    expect(check.output.trim()).toBe("");
  });
});
