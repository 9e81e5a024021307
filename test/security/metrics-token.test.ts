// GET /metrics names providers and models: an attacker on the network must not read it. Over a real socket
// against `node src/node.ts`: with METRICS_TOKEN set, only a scraper sending it as a bearer token reads it
// (no token, a wrong one, the admin token or another scheme get 401); without one, `npm start` on a loopback
// listener serves it as before, and a listener that is not loopback refuses it (403). A short METRICS_TOKEN
// stops start-up. The Worker: metrics-token.workerd.test.ts.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { afterAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { createApp } from "../../src/app.js";
import { readConfig } from "../../src/config.js";
import { ENTRY_TEST_TIMEOUT_MS, launchNode, runNodeEntry, stopAll } from "../support/node-entry.js";
import { PROMETHEUS_CONFIG, type PrometheusConfig, ROOT } from "../support/ops-files.js";
import { runPromtool } from "../support/promtool.js";

const METRICS_TOKEN = "metrics-token-0123456789abcdef-0123";
const ADMIN_TOKEN = "admin-token-0123456789abcdef-0123456";

afterAll(stopAll);

describe("METRICS_TOKEN set", { timeout: ENTRY_TEST_TIMEOUT_MS }, () => {
  it("serves /metrics only to the bearer of the token", async () => {
    const node = await launchNode({ METRICS_TOKEN, ADMIN_TOKEN });
    const scrape = (headers: Record<string, string>) => fetch(`${node.url}/metrics`, { headers });
    const refused: Record<string, string>[] = [
      {},
      { authorization: "Bearer " },
      { authorization: "Bearer metrics-token" },
      { authorization: `Bearer ${METRICS_TOKEN}x` },
      { authorization: `Bearer ${ADMIN_TOKEN}` },
      { authorization: `Basic ${btoa(`prometheus:${METRICS_TOKEN}`)}` },
      { authorization: METRICS_TOKEN },
    ];
    for (const headers of refused) {
      const response = await scrape(headers);
      expect(response.status, JSON.stringify(headers)).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe('Bearer realm="cita-metrics"');
      const text = await response.text();
      expect(JSON.parse(text)).toMatchObject({ error: { code: "unauthorized" } });
      expect(text).not.toContain("http_requests_total");
    }
    const served = await scrape({ authorization: `Bearer ${METRICS_TOKEN}` });
    expect(served.status).toBe(200);
    const text = await served.text();
    expect(text).toContain("# TYPE http_request_duration_seconds histogram");
    expect(text).not.toContain(METRICS_TOKEN);
    expect(node.output()).not.toContain(METRICS_TOKEN);
  });

  it("stops start-up when shorter than 32 characters, without showing it", async () => {
    const outcome = await runNodeEntry({ METRICS_TOKEN: "scrape-me-7c1e" });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.output).toContain(
      "cita: invalid configuration: METRICS_TOKEN: must be at least 32 characters",
    );
    expect(outcome.output).not.toContain("scrape-me-7c1e");
  });
});

describe("METRICS_TOKEN unset (the default)", { timeout: ENTRY_TEST_TIMEOUT_MS }, () => {
  it("`npm start` on 127.0.0.1 serves /metrics as before: only this machine reaches it", async () => {
    const node = await launchNode({});
    const response = await fetch(`${node.url}/metrics`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("# TYPE http_request_duration_seconds histogram");
  });

  it("a listener that is not loopback refuses it 403, saying what to set", async () => {
    // The app as src/node.ts builds it for HOST=0.0.0.0 (src/config/edge.test.ts: isLoopbackHost), served
    // here on 127.0.0.1 so the test exposes nothing.
    const app = createApp({ config: readConfig({}), loopbackListener: false });
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const started = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(started));
    });
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({
        error: {
          code: "forbidden",
          message: "/metrics is closed: set METRICS_TOKEN and scrape with Authorization: Bearer <token>.",
        },
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe("the example Prometheus configuration", () => {
  it("sends the token from a file once its authorization block is uncommented", async (context) => {
    const directory = mkdtempSync(join(tmpdir(), "cita-scrape-"));
    try {
      const credentials = join(directory, "cita-metrics-token");
      writeFileSync(credentials, `${METRICS_TOKEN}\n`, { mode: 0o400 });
      const example = readFileSync(join(ROOT, PROMETHEUS_CONFIG), "utf8");
      const uncommented = example
        .replace(/^ {4}# (authorization:| {2}type: Bearer| {2}credentials_file: )/gm, "    $1")
        .replace("/etc/prometheus/cita-metrics-token", credentials);
      const job = (parseYaml(uncommented) as PrometheusConfig).scrape_configs[0] as unknown;
      expect(job).toMatchObject({ authorization: { type: "Bearer", credentials_file: credentials } });
      const file = join(directory, "prometheus.yml");
      writeFileSync(file, uncommented);
      const check = runPromtool(context, ["check", "config", file], { cwd: directory });
      expect(check.status, check.output).toBe(0);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
