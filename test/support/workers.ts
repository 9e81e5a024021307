// The `wrangler dev` processes the workerd tests share (started by test/support/workerd-setup.ts), and how
// a test file reaches them. Workers with different variables need processes of their own; everything that
// can share one does:
//   rules  no LLM key, so every request reads by rules; ADMIN_TOKEN for the calendar routes; a default zone
//          other than UTC, which Rasa's requests without a tz fall back to (every other test names a zone).
//   llm    Qwen, Anthropic and Mistral keys pointing at a scope of the shared simulator.
// A worker that failed to start fails each test that asks for it, with wrangler's output, rather than the
// whole run.
import { inject } from "vitest";
import type { ProviderName } from "../../src/providers/types.js";

export type WorkerName = "rules" | "llm";

export type SharedWorker = { url: string; error?: undefined } | { url?: undefined; error: string };

declare module "vitest" {
  export interface ProvidedContext {
    workers: Record<WorkerName, SharedWorker>;
    /** The simulator scope the llm worker's providers call. */
    llmWorkerScope: string;
  }
}

export const ADMIN_TOKEN = "workerd-admin-token";

/** The rules worker's variables, given to the Node side of a comparison too, so both read alike. */
export const RULES_WORKER_VARIABLES: Record<string, string> = {
  DEFAULT_TIMEZONE: "America/Mexico_City",
  LOG_LEVEL: "error",
  ADMIN_TOKEN,
};

/** The seed of the llm worker's simulator scope. */
export const LLM_WORKER_SEED = 11;

/**
 * Claude and Mistral are configured too, so the Worker builds all three SDK clients and its router; Qwen,
 * the preferred provider while healthy, answers. The keys are sentinels no answer may show.
 */
export function llmWorkerVariables(baseUrls: Record<ProviderName, string>): Record<string, string> {
  return {
    LOG_LEVEL: "error",
    LLM_PROVIDER: "qwen",
    QWEN_API_KEY: "sk-sentinel-workerd",
    QWEN_BASE_URL: baseUrls.qwen,
    ANTHROPIC_API_KEY: "sk-ant-sentinel-workerd",
    ANTHROPIC_BASE_URL: baseUrls.anthropic,
    MISTRAL_API_KEY: "sentinel-mistral-workerd",
    MISTRAL_BASE_URL: baseUrls.mistral,
  };
}

/** The worker's URL, http://127.0.0.1:PORT; throws wrangler's start-up failure if it did not start. */
export function workerUrl(name: WorkerName): string {
  const worker = inject("workers")[name];
  if (worker.url === undefined)
    throw new Error(`wrangler dev (${name} worker) did not start: ${worker.error}`);
  return worker.url;
}
