// `"explain": true` when an LLM reads the text (the provider simulator, in process): the confidence steps
// carry the cross-check (agreement, or each field read differently) and end at the answer's confidence, and
// the fields the model read are found in the user's words.
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { readConfig } from "../../src/config.js";
import { type ParseResponse, ParseResponseSchema } from "../../src/http/schemas/parse.js";
import { useSimulatorScope } from "../support/simulator.js";

const TEXT = "Can I book a haircut tomorrow at 4pm?";
const simulator = useSimulatorScope({ seed: 5, resetAfterEach: true });

async function parse(text: string): Promise<ParseResponse> {
  const config = readConfig({ QWEN_API_KEY: "sk-test", QWEN_BASE_URL: simulator.baseUrls.qwen });
  const response = await createApp({ config }).request("/v1/appointments/parse", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      text,
      locale: "en-US",
      timezone: "America/New_York",
      now: "2026-06-07T11:00:00-04:00",
      explain: true,
    }),
  });
  return ParseResponseSchema.parse(await response.json());
}

describe("explain with an LLM", () => {
  it("shows the agreeing LLM's step and ends at the answer's confidence", async () => {
    const answer = await parse(TEXT);
    expect(answer.meta.mode).toBe("llm");
    const steps = answer.explanation!.confidence;
    expect(steps.map((step) => step.step)).toEqual(["rules", "rules_maximum", "llm_agreement", "rounding"]);
    expect(steps.at(-1)!.value).toBe(answer.confidence);
    expect(answer.explanation!.spans).toEqual(
      expect.arrayContaining([
        { field: "service", start: 13, end: 20, text: "haircut" },
        { field: "date", start: 21, end: 29, text: "tomorrow" },
      ]),
    );
  });

  it("shows a low-quality answer's disagreement", async () => {
    await simulator.setFaults("qwen", undefined, [{ kind: "lowQuality" }]);
    const answer = await parse(TEXT);
    const steps = answer.explanation!.confidence;
    expect(steps.map((step) => step.step)).toContain("llm_disagreement");
    expect(steps.at(-1)!.value).toBe(answer.confidence);
  });
});
