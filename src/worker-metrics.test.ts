// The Worker entry's metrics wiring, in process as workerd calls it (fetch with bindings and an execution
// context), each test on a fresh handler (the entry builds its app once per isolate). With the METRICS
// binding, a request's flush goes to waitUntil and the answer never waits for it, even on an object that
// never answers; without the binding, /metrics is each isolate's own, exactly as before.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { namespaceOf, startMetricsObject } from "../test/support/metrics-object.js";
import { FALLBACK_COMMENT } from "./metrics/durable-object-client.js";
import { createWorker } from "./worker.js";

const TOKEN = "metrics-token-for-worker-tests-0123456789";
const VARIABLES = { ALLOW_ANONYMOUS: "true", METRICS_TOKEN: TOKEN, LOG_LEVEL: "error" };
const PARSE = new Request("https://cita.example/v1/appointments/parse", {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({
    text: "book a haircut tomorrow at 4pm",
    timezone: "UTC",
    now: "2026-03-02T10:00:00Z",
  }),
});

function context() {
  const waiting: Promise<unknown>[] = [];
  return { waiting, executionContext: { waitUntil: (promise: Promise<unknown>) => waiting.push(promise) } };
}

const scrape = () =>
  new Request("https://cita.example/metrics", { headers: { authorization: `Bearer ${TOKEN}` } });

beforeEach(() => {
  vi.spyOn(console, "log").mockImplementation(() => {});
});

describe("the Worker's metrics", () => {
  it("flush in waitUntil, and a scrape shows the object's sums", async () => {
    const worker = createWorker();
    const { object } = await startMetricsObject();
    const bindings = { ...VARIABLES, METRICS: namespaceOf((request) => object.fetch(request)) };
    const { waiting, executionContext } = context();
    expect((await worker.fetch(PARSE.clone(), bindings, executionContext)).status).toBe(200);
    expect(waiting).toHaveLength(1);
    await Promise.all(waiting);
    const text = await (await worker.fetch(scrape(), bindings, executionContext)).text();
    expect(text).toMatch(/^parsing_requests_total\{mode="rules",status="complete"\} 1$/m);
    expect(text).toMatch(/^cita_metrics_aggregated 1$/m);
  });

  it("never hold a request back, even on an object that never answers", async () => {
    const worker = createWorker();
    const bindings = { ...VARIABLES, METRICS: namespaceOf(() => new Promise<Response>(() => {})) };
    const { waiting, executionContext } = context();
    const response = await worker.fetch(PARSE.clone(), bindings, executionContext);
    expect(response.status).toBe(200);
    expect(waiting).toHaveLength(1);
    let settled = false;
    void waiting[0]!.then(() => {
      settled = true;
    });
    await Promise.resolve();
    expect(settled).toBe(false);
  });

  it("are each isolate's own without the binding, as before", async () => {
    const worker = createWorker();
    const { waiting, executionContext } = context();
    expect((await worker.fetch(PARSE.clone(), VARIABLES, executionContext)).status).toBe(200);
    const text = await (await worker.fetch(scrape(), VARIABLES, executionContext)).text();
    expect(waiting).toEqual([]);
    expect(text).toMatch(/^parsing_requests_total\{mode="rules",status="complete"\} 1$/m);
    expect(text).not.toContain("cita_metrics_aggregated");
    expect(text).not.toContain(FALLBACK_COMMENT);
  });
});
