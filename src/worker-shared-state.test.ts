// The Worker entry's choice of shared state, in-process (the runtime's half is test/workerd/shared-state.test.ts):
// with ROUTER_STATE bound, /health shows the Durable Object's state once a request synced; without it (a
// wrangler.toml older than the binding) the Worker runs on the embedded state, as before, and /health says
// the shared state is unavailable. Each case makes a handler of its own (createWorker): one per isolate.
import { describe, expect, it, vi } from "vitest";
import { HealthResponseSchema } from "./http/schemas/health.js";
import { RouterStateObject } from "./shared/durable-object.js";
import { createWorker } from "./worker.js";

const LLM = {
  QWEN_API_KEY: "sk-test",
  QWEN_BASE_URL: "http://127.0.0.1:9/v1",
  ALLOW_ANONYMOUS: "true",
  LOG_LEVEL: "error",
};

/** A request's ExecutionContext: what the Worker hands to waitUntil, awaited by `settled`. */
function executionContext() {
  const promises: Promise<unknown>[] = [];
  return {
    waitUntil: (promise: Promise<unknown>) => promises.push(promise),
    settled: () => Promise.all(promises),
  };
}

async function health(worker: ReturnType<typeof createWorker>, bindings: Record<string, unknown>) {
  const context = executionContext();
  const response = await worker.fetch(new Request("http://cita.test/health"), bindings, context);
  await context.settled();
  return HealthResponseSchema.parse(await response.json()).router?.shared;
}

describe("the Worker's shared state", () => {
  it("falls back to the embedded state without ROUTER_STATE, and says so in /health", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    expect(await health(createWorker(), LLM)).toEqual({
      store: "embedded",
      state: "unavailable",
      syncedAt: null,
    });
    expect(log.mock.calls.map(([line]) => JSON.parse(String(line)).event)).toContain("shared_state_unbound");
    log.mockRestore();
  });

  it("syncs with the bound Durable Object around a request, and shows its state", async () => {
    const object = new RouterStateObject({
      storage: { get: async () => undefined, put: async () => {}, delete: async () => false },
    });
    const ROUTER_STATE = {
      idFromName: (name: string) => name,
      get: () => ({ fetch: (request: Request) => object.fetch(request) }),
    };
    const worker = createWorker();
    expect(await health(worker, { ...LLM, ROUTER_STATE })).toEqual({
      store: "durable-object",
      state: "ok",
      syncedAt: null,
    });
    expect(await health(worker, { ...LLM, ROUTER_STATE })).toMatchObject({
      store: "durable-object",
      state: "ok",
      syncedAt: expect.any(String),
    });
  });

  it("shows nothing of shared state when no LLM is configured (no router)", async () => {
    vi.spyOn(console, "log").mockImplementation(() => {});
    expect(await health(createWorker(), { ALLOW_ANONYMOUS: "true", LOG_LEVEL: "error" })).toBeUndefined();
    vi.restoreAllMocks();
  });
});
