// The official SDKs, unmodified, against the simulator: every provider's path, JSON and tool modes, the
// answers' shape and usage, and what the simulator records about each attempt.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "./server.js";
import { askAnthropic, askMistral, askOpenAi, clients, TEXT_EN, TEXT_ES } from "./testing.js";

const EXPECTED_ES = {
  isAppointmentRequest: true,
  intent: "book",
  language: "es",
  contact: "Dr. García",
  service: null,
  location: "Madrid",
  durationMinutes: 30,
  dateText: "mañana",
  timeText: "a las 5 de la tarde",
  previous: null,
};

let simulator: Simulator;
let sdk: ReturnType<typeof clients>;
beforeAll(async () => {
  simulator = await startSimulator({ seed: 1 });
  sdk = clients(simulator);
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());

describe("OpenAI chat completions", () => {
  it("answers JSON mode with the extraction and usage", async () => {
    const completion = await askOpenAi(sdk.openai, TEXT_ES);
    expect(JSON.parse(completion.choices[0]!.message.content!)).toEqual(EXPECTED_ES);
    expect(completion.choices[0]!.finish_reason).toBe("stop");
    expect(completion.usage!.prompt_tokens).toBeGreaterThan(10);
    expect(completion.usage!.total_tokens).toBe(
      completion.usage!.prompt_tokens + completion.usage!.completion_tokens,
    );
    expect(completion._request_id).toMatch(/^req_/);
  });

  it("answers json_schema mode and a forced tool call", async () => {
    const schema = await sdk.openai.chat.completions.create({
      model: "gpt-4o",
      max_completion_tokens: 200,
      response_format: {
        type: "json_schema",
        json_schema: { name: "extraction", schema: { type: "object" }, strict: true },
      },
      messages: [{ role: "user", content: TEXT_EN }],
    });
    expect(JSON.parse(schema.choices[0]!.message.content!)).toMatchObject({
      contact: "Anna",
      service: "haircut",
    });
    const tool = await sdk.openai.chat.completions.create({
      model: "gpt-4o",
      max_tokens: 200,
      tools: [{ type: "function", function: { name: "extract", parameters: { type: "object" } } }],
      tool_choice: { type: "function", function: { name: "extract" } },
      messages: [{ role: "user", content: TEXT_EN }],
    });
    const call = tool.choices[0]!.message.tool_calls![0]!;
    expect(call.type === "function" && call.function.name).toBe("extract");
    expect(call.type === "function" && JSON.parse(call.function.arguments)).toMatchObject({
      dateText: "next Tuesday",
      timeText: "at 3pm",
      location: "London",
    });
    // A forced named function finishes with "stop" on OpenAI, as the real API does.
    expect(tool.choices[0]!.finish_reason).toBe("stop");
    expect(simulator.attempts().map((attempt) => [attempt.mode, attempt.maxTokens, attempt.tool])).toEqual([
      ["json_schema", 200, null],
      ["tool", 200, "extract"],
    ]);
  });

  it("rejects a request without a key in OpenAI's error shape", async () => {
    const response = await fetch(`${simulator.baseUrls.openai}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: "gpt-4o", messages: [{ role: "user", content: "hola" }] }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "invalid_api_key" } });
  });
});

describe("DashScope (Qwen) and OpenAI-compatible servers", () => {
  it("speak the same dialect through the openai SDK", async () => {
    const qwen = await askOpenAi(sdk.qwen, TEXT_ES, { model: "qwen-plus" });
    expect(JSON.parse(qwen.choices[0]!.message.content!)).toEqual(EXPECTED_ES);
    const local = await askOpenAi(sdk.compatible, TEXT_ES, { model: "llama3.1:8b" });
    expect(JSON.parse(local.choices[0]!.message.content!)).toEqual(EXPECTED_ES);
    expect(simulator.attempts().map((attempt) => [attempt.provider, attempt.path])).toEqual([
      ["qwen", "/compatible-mode/v1/chat/completions"],
      ["openai-compatible", "/compat/v1/chat/completions"],
    ]);
  });
});

describe("Anthropic Messages", () => {
  it("answers a forced tool with a tool_use block", async () => {
    const message = await askAnthropic(sdk.anthropic, TEXT_ES);
    expect(message.stop_reason).toBe("tool_use");
    expect(message.content).toEqual([
      expect.objectContaining({ type: "tool_use", name: "extract", input: EXPECTED_ES }),
    ]);
    expect(message.usage.input_tokens).toBeGreaterThan(10);
    expect(message._request_id).toMatch(/^req_/);
  });

  it("answers structured output as text and continues a prefill", async () => {
    const structured = await sdk.anthropic.messages.create({
      model: "claude-sonnet-4-5",
      max_tokens: 200,
      output_config: { format: { type: "json_schema", schema: { type: "object" } } },
      messages: [{ role: "user", content: TEXT_ES }],
    });
    const block = structured.content[0]!;
    expect(block.type === "text" && JSON.parse(block.text)).toEqual(EXPECTED_ES);
    const prefilled = await sdk.anthropic.messages.create({
      model: "claude-sonnet-4-5",
      max_tokens: 200,
      messages: [
        { role: "user", content: TEXT_ES },
        { role: "assistant", content: "{" },
      ],
    });
    const rest = prefilled.content[0]!;
    expect(rest.type === "text" && JSON.parse(`{${rest.text}`)).toEqual(EXPECTED_ES);
    expect(simulator.attempts()[0]!.mode).toBe("json_schema");
  });

  it("requires the anthropic-version header", async () => {
    const response = await fetch(`${simulator.url}/v1/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": "sk-ant-sim" },
      body: JSON.stringify({
        model: "claude",
        max_tokens: 10,
        messages: [{ role: "user", content: "hola" }],
      }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ type: "error", error: { type: "invalid_request_error" } });
  });
});

describe("Mistral chat", () => {
  it("answers JSON mode and a tool forced with 'any'", async () => {
    const json = await askMistral(sdk.mistral, TEXT_ES);
    expect(JSON.parse(json.choices[0]!.message!.content as string)).toEqual(EXPECTED_ES);
    expect(json.usage.promptTokens).toBeGreaterThan(10);
    const tool = await sdk.mistral.chat.complete({
      model: "mistral-large-latest",
      maxTokens: 300,
      tools: [{ type: "function", function: { name: "extract", parameters: { type: "object" } } }],
      toolChoice: "any",
      messages: [{ role: "user", content: TEXT_EN }],
    });
    const call = tool.choices[0]!.message!.toolCalls![0]!;
    expect(JSON.parse(call.function.arguments as string)).toMatchObject({ contact: "Anna" });
    expect(tool.choices[0]!.finishReason).toBe("tool_calls");
  });
});

describe("recording", () => {
  it("records every attempt and counts retries per request id", async () => {
    await sdk.openai.chat.completions.create(
      { model: "gpt-4o-mini", messages: [{ role: "user", content: TEXT_EN }], max_tokens: 100 },
      { headers: { "X-Request-Id": "cita-1" } },
    );
    await sdk.openai.chat.completions.create(
      { model: "gpt-4o-mini", messages: [{ role: "user", content: TEXT_EN }], max_tokens: 100 },
      { headers: { "X-Request-Id": "cita-1" } },
    );
    const [first, second] = simulator.attempts();
    expect(first).toMatchObject({
      provider: "openai",
      model: "gpt-4o-mini",
      requestId: "cita-1",
      attempt: 1,
      retried: false,
    });
    expect(second).toMatchObject({
      requestId: "cita-1",
      attempt: 2,
      retried: true,
      status: 200,
      fault: null,
      sdkRetryCount: 0,
    });
    expect(Date.parse(first!.time)).not.toBeNaN();
    const viaAdmin = (await (await fetch(`${simulator.url}/_sim/attempts`)).json()) as {
      attempts: unknown[];
    };
    expect(viaAdmin.attempts).toHaveLength(2);
  });
});
