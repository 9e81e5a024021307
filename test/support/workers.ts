// The `wrangler dev` processes the workerd tests share (started by test/support/workerd-setup.ts), and how
// a test file reaches them. Workers with different variables need processes of their own; everything that
// can share one does:
//   rules  no LLM key, so every request reads by rules; ADMIN_TOKEN for the calendar routes; a default zone
//          other than UTC, which Rasa's requests without a tz fall back to (every other test names a zone);
//          one CORS origin (test/security/cors.workerd.test.ts); no METRICS_TOKEN, so /metrics is closed.
//   llm    Qwen, Anthropic and Mistral keys pointing at a scope of the shared simulator; ADMIN_TOKEN for the
//          operations page (test/workerd/ops.test.ts), which reads the admin API.
// A test file waits for its worker with useWorker; a worker that failed to start fails each test that asks
// for its URL, with wrangler's output, rather than the whole run.
import { existsSync, readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { beforeAll, inject } from "vitest";
import type { ProviderName } from "../../src/providers/types.js";
import { LISTED_ORIGIN } from "./cors-probes.js";

export type WorkerName = "rules" | "llm";

export interface SharedWorker {
  /** http://127.0.0.1:PORT */
  url: string;
  /** A file the setup writes once the worker answers (READY) or has failed (why). */
  status: string;
}

export const READY = "ready";
/** wrangler-dev.ts gives up on a start after 40 s and stops it, then the setup writes why. */
const WAIT_MS = 60_000;

declare module "vitest" {
  export interface ProvidedContext {
    workers: Record<WorkerName, SharedWorker>;
    /** The simulator scope the llm worker's providers call. */
    llmWorkerScope: string;
  }
}

export const ADMIN_TOKEN = "workerd-admin-token-0123456789abcdef";

/** The rules worker's variables, given to the Node side of a comparison too, so both read alike. */
export const RULES_WORKER_VARIABLES: Record<string, string> = {
  DEFAULT_TIMEZONE: "America/Mexico_City",
  LOG_LEVEL: "error",
  ADMIN_TOKEN,
  CORS_ORIGINS: LISTED_ORIGIN,
  // A Worker has no loopback listener: without keys, anonymous callers need this to be let in at all.
  ALLOW_ANONYMOUS: "true",
};

/** The llm worker's scrape token (the rules worker has none, so its /metrics stays closed, as on Workers). */
export const METRICS_TOKEN = "metrics-sentinel-workerd-0123456789abcdef";

/** The seed of the llm worker's simulator scope. */
export const LLM_WORKER_SEED = 11;

/**
 * Claude and Mistral are configured too, so the Worker builds all three SDK clients and its router; Qwen,
 * the preferred provider while healthy, answers. The keys are sentinels no answer may show.
 */
export function llmWorkerVariables(baseUrls: Record<ProviderName, string>): Record<string, string> {
  return {
    LOG_LEVEL: "error",
    METRICS_TOKEN,
    ADMIN_TOKEN,
    ALLOW_ANONYMOUS: "true",
    LLM_PROVIDER: "qwen",
    QWEN_API_KEY: "sk-sentinel-workerd",
    QWEN_BASE_URL: baseUrls.qwen,
    ANTHROPIC_API_KEY: "sk-ant-sentinel-workerd",
    ANTHROPIC_BASE_URL: baseUrls.anthropic,
    MISTRAL_API_KEY: "sentinel-mistral-workerd",
    MISTRAL_BASE_URL: baseUrls.mistral,
  };
}

async function startFailure(name: WorkerName, status: string): Promise<Error | null> {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    if (existsSync(status)) {
      const text = readFileSync(status, "utf8");
      return text === READY ? null : new Error(`wrangler dev (${name} worker): ${text}`);
    }
    await sleep(100);
  }
  return new Error(`wrangler dev (${name} worker) was neither ready nor failed after ${WAIT_MS} ms`);
}

/**
 * The worker for this file's tests: waits in beforeAll until it answers, and returns a getter of its URL
 * (http://127.0.0.1:PORT) that throws the start-up failure, so each test that needs it fails with
 * wrangler's output while the hook itself passes (a failed hook would leave the tests marked skipped).
 */
export function useWorker(name: WorkerName): () => string {
  const { url, status } = inject("workers")[name];
  let failure: Error | null = null;
  beforeAll(async () => {
    failure = await startFailure(name, status);
  }, WAIT_MS + 5_000);
  return () => {
    if (failure) throw failure;
    return url;
  };
}
