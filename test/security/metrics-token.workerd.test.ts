// /metrics on workerd: a Worker has no loopback listener, so without METRICS_TOKEN (the rules worker) it is
// refused 403; with one (the llm worker) only its bearer reads it, as on Node (metrics-token.test.ts).
import { describe, expect, it } from "vitest";
import { METRICS_TOKEN, useWorker } from "../support/workers.js";

const rulesWorker = useWorker("rules");
const llmWorker = useWorker("llm");

describe("/metrics on workerd", () => {
  it("is closed without METRICS_TOKEN", async () => {
    const response = await fetch(`${rulesWorker()}/metrics`);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: "forbidden" } });
  });

  it("takes only the bearer of METRICS_TOKEN", async () => {
    for (const authorization of [
      undefined,
      "Bearer guess",
      `Bearer ${METRICS_TOKEN}x`,
      `Basic ${METRICS_TOKEN}`,
    ]) {
      const response = await fetch(`${llmWorker()}/metrics`, {
        headers: authorization === undefined ? {} : { authorization },
      });
      expect(response.status, authorization).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe('Bearer realm="cita-metrics"');
      await response.arrayBuffer();
    }
    const served = await fetch(`${llmWorker()}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(served.status).toBe(200);
    expect(await served.text()).toContain("# TYPE http_request_duration_seconds histogram");
  });
});
