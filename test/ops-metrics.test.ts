// GET /metrics against the operations files: after some traffic (LLM calls to the provider simulator and
// rules requests), the exposition passes `promtool check metrics`, and every metric the alert rules, the
// Grafana dashboard and the runbooks query is one it exposes, with the labels the queries match on.
// promtool skips or is required as test/support/promtool.ts says.
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.js";
import { readConfig } from "../src/config.js";
import { exposition, familyOf } from "./support/exposition.js";
import { alertRules, dashboardExprs, ROOT, runbookQueries, TARGET_LABELS } from "./support/ops-files.js";
import { matcherLabels, metricNames } from "./support/promql.js";
import { runPromtool } from "./support/promtool.js";
import { simulatedProviders, useSimulatorScope } from "./support/simulator.js";

describe("GET /metrics", () => {
  const simulator = useSimulatorScope({ seed: 5 });
  let body = "";
  let status = 0;

  beforeAll(async () => {
    const app = createApp({
      config: readConfig({
        ...simulatedProviders(simulator),
      }),
      // As `npm start` on 127.0.0.1, where /metrics needs no METRICS_TOKEN.
      loopbackListener: true,
    });
    // Some traffic first, so the families have samples (and labels) as well as their TYPE lines.
    for (const mode of ["auto", "rules"]) {
      await app.request("/v1/appointments/parse", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          text: "Can I book a haircut tomorrow at 4pm?",
          locale: "en-US",
          timezone: "America/New_York",
          now: "2026-06-07T11:00:00-04:00",
          mode,
        }),
      });
    }
    const response = await app.request("/metrics");
    status = response.status;
    body = await response.text();
  });

  it("answers the Prometheus text format", () => {
    expect(status, body.slice(0, 500)).toBe(200);
    expect(body).toMatch(/^# (HELP|TYPE) /m);
  });

  it("passes promtool check metrics", (context) => {
    const { status, output } = runPromtool(context, ["check", "metrics"], { cwd: ROOT, input: body });
    expect(status, `promtool check metrics exited ${status}:\n${output}`).toBe(0);
  });

  /** The metrics the queries name that /metrics does not expose, as "where: metric". */
  function unexposed(queries: readonly { where: string; expr: string }[]): string[] {
    const families = exposition(body);
    return queries.flatMap(({ where, expr }) =>
      metricNames(expr)
        .filter((name) => familyOf(name, families) === undefined)
        .map((name) => `${where}: ${name}`),
    );
  }

  it("exposes every metric the alert rules query", () => {
    expect(unexposed(alertRules().map((rule) => ({ where: rule.alert ?? "", expr: rule.expr })))).toEqual([]);
  });

  it("exposes every metric the dashboard queries", () => {
    expect(unexposed(dashboardExprs().map(({ title, expr }) => ({ where: title, expr })))).toEqual([]);
  });

  it("exposes every metric the runbooks query", () => {
    expect(unexposed(runbookQueries().map(({ runbook, expr }) => ({ where: runbook, expr })))).toEqual([]);
  });

  it("carries the labels the queries match on, where it has samples", () => {
    const families = exposition(body);
    const exprs = [
      ...alertRules().map((rule) => rule.expr),
      ...dashboardExprs().map(({ expr }) => expr),
      ...runbookQueries().map(({ expr }) => expr),
    ];
    const missing = new Set<string>();
    for (const expr of exprs) {
      for (const { metric, label } of matcherLabels(expr)) {
        // Prometheus adds the target's labels when it scrapes: /metrics does not carry them.
        if (TARGET_LABELS.has(label)) continue;
        const family = familyOf(metric, families);
        if (family === undefined || family.labels.size === 0 || family.labels.has(label)) continue;
        missing.add(`${metric}{${label}}`);
      }
    }
    expect([...missing]).toEqual([]);
  });
});
