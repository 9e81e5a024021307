// One structured call through a real provider (qwen, the openai SDK) against the provider simulator.
import { beforeAll, describe, expect, it } from "vitest";
import { parsingPrompt, parsingUserMessage } from "../../prompts/parsing.js";
import { useSimulatorScope } from "../../test/support/simulator.js";
import { readConfig } from "../config.js";
import { createProviders } from "../providers/index.js";
import { isProviderError, type LlmProvider } from "../providers/types.js";
import { ExtractionSchema, extractionOutput } from "./extraction-schema.js";
import { completeStructured, type InvalidOutput } from "./structured.js";

const simulator = useSimulatorScope({ seed: 7, resetAfterEach: true });
let provider: LlmProvider;
beforeAll(() => {
  const config = readConfig({ QWEN_API_KEY: "sk-test", QWEN_BASE_URL: simulator.baseUrls.qwen });
  [provider] = createProviders(config.llm.providers) as [LlmProvider];
});

const ask = (onInvalidOutput?: (event: InvalidOutput) => void) =>
  completeStructured(
    provider,
    {
      system: parsingPrompt.system,
      user: parsingUserMessage("cita con el Dr. Pérez mañana a las 11"),
      schema: extractionOutput,
      model: provider.model,
      maxTokens: 400,
      temperature: 0,
      signal: AbortSignal.timeout(5000),
      requestId: "structured-1",
    },
    ExtractionSchema,
    onInvalidOutput ? { onInvalidOutput } : {},
  );

describe("a structured call", () => {
  it("returns the validated answer after one attempt", async () => {
    const result = await ask();
    expect(result).toMatchObject({ provider: "qwen", model: "qwen-plus", attempts: 1 });
    expect(result.value).toMatchObject({ contact: "Dr. Pérez", dateText: "mañana", timeText: "a las 11" });
    expect(result.usage.outputTokens).toBeGreaterThan(0);
  });

  it("re-asks once on a schema failure, reports both invalid answers, then gives up as invalid_output", async () => {
    await simulator.setFaults("qwen", undefined, [{ kind: "schemaViolation" }]);
    const events: InvalidOutput[] = [];
    const failure = await ask((event) => {
      events.push(event);
    }).catch((error: unknown) => error);
    expect(isProviderError(failure) && failure.kind).toBe("invalid_output");
    expect(events.map((event) => [event.provider, event.attempt])).toEqual([
      ["qwen", 1],
      ["qwen", 2],
    ]);
    expect(await simulator.attempts()).toHaveLength(2);
  });

  it("does not re-ask on a provider error: the router decides about those", async () => {
    await simulator.setFaults("qwen", undefined, [{ kind: "serverError" }]);
    const failure = await ask().catch((error: unknown) => error);
    expect(isProviderError(failure) && failure.kind).toBe("server");
    expect(await simulator.attempts()).toHaveLength(1);
  });
});
