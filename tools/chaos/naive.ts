// The naive client the chaos suite compares Cita with: one provider (the primary) through the official
// openai SDK left at its defaults (2 retries with its own backoff, honouring Retry-After; 10-minute
// timeout), asking for the extraction in JSON mode with Cita's own parsing prompt. Success is a 2xx whose
// content passes plain JSON.parse and ExtractionSchema: no repair, as a client without Cita's would do.
// Its HTTP attempts are counted by wrapping the SDK's fetch (which changes nothing of its behaviour), so
// connects refused by the kernel count too.
import OpenAI from "openai";
import { parsingPrompt, parsingUserMessage } from "../../prompts/parsing.js";
import { ExtractionSchema } from "../../src/llm/extraction-schema.js";

/** One naive request, as the harness saw it. */
export interface NaiveOutcome {
  id: string;
  sentAt: number;
  latencyMs: number;
  /** A 2xx whose content is JSON that validates against ExtractionSchema. */
  success: boolean;
  /** Valid, but every field null while it says it is an appointment request (the low-quality answer). */
  empty: boolean;
  /** HTTP status of the final answer, or null when there was none. */
  status: number | null;
  problem: string | null;
}

/** A naive client and its attempt counter. */
export interface NaiveClient {
  ask(text: string, id: string): Promise<NaiveOutcome>;
  /** HTTP attempts made so far, retries included. */
  attempts(): number;
}

/** The primary's model, as Cita asks for it. */
const MODEL = "qwen-plus";

/**
 * A naive client for an OpenAI-compatible base URL. `harnessTimeoutMs`, when given, aborts a request that
 * outlives it (counted as a failure): a bound for short test runs, not an SDK setting.
 */
export function naiveClient(baseURL: string, harnessTimeoutMs: number | null = null): NaiveClient {
  let attempts = 0;
  const counting: typeof fetch = (input, init) => {
    attempts++;
    return fetch(input, init);
  };
  const client = new OpenAI({ apiKey: "sk-chaos-naive", baseURL, fetch: counting });
  return {
    attempts: () => attempts,
    async ask(text, id) {
      const sentAt = Date.now();
      const started = performance.now();
      const done = (fields: Partial<NaiveOutcome>): NaiveOutcome => ({
        id,
        sentAt,
        latencyMs: performance.now() - started,
        success: false,
        empty: false,
        status: null,
        problem: null,
        ...fields,
      });
      try {
        const completion = await client.chat.completions.create(
          {
            model: MODEL,
            max_tokens: 400,
            temperature: 0,
            response_format: { type: "json_object" },
            messages: [
              { role: "system", content: parsingPrompt.system },
              { role: "user", content: parsingUserMessage(text) },
            ],
          },
          {
            headers: { "x-request-id": id },
            ...(harnessTimeoutMs !== null ? { signal: AbortSignal.timeout(harnessTimeoutMs) } : {}),
          },
        );
        return done({ status: 200, ...judge(completion.choices[0]?.message.content ?? "") });
      } catch (error) {
        if (error instanceof OpenAI.APIError && error.status !== undefined) {
          return done({ status: error.status, problem: `HTTP ${error.status}` });
        }
        // APIConnectionError, APIConnectionTimeoutError, or the harness's abort.
        return done({ problem: error instanceof Error ? error.constructor.name : "error" });
      }
    },
  };
}

/** Plain JSON.parse and the schema: what the naive client accepts. */
export function judge(content: string): Pick<NaiveOutcome, "success" | "empty" | "problem"> {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    return { success: false, empty: false, problem: "not JSON" };
  }
  const parsed = ExtractionSchema.safeParse(value);
  if (!parsed.success) return { success: false, empty: false, problem: "schema" };
  const { isAppointmentRequest, language: _language, ...fields } = parsed.data;
  const empty = isAppointmentRequest && Object.values(fields).every((field) => field === null);
  return { success: true, empty, problem: null };
}
