// The operations files against Prometheus. ops/prometheus/prometheus.yml passes `promtool check config`,
// and its rule_files glob loads the rule files of ops/prometheus/rules/ and nothing else (a `promtool test
// rules` file in that glob makes Prometheus refuse the whole configuration). The alert rules pass `promtool
// check rules` and their unit tests (`promtool test rules`, every alert firing and not firing); every
// dashboard and runbook query passes promtool's parser; every selector picks Cita's scrape job
// (`job="cita"`; `job="$job"` in the dashboard); every alert carries a severity, a summary, a description
// and a runbook link whose anchor is a heading of the linked runbook. test/ops-metrics.test.ts checks the
// same queries against GET /metrics. promtool comes from the Debian package "prometheus": without it the
// promtool checks skip and say why (test/support/promtool.ts), unless CITA_REQUIRE_PROMTOOL is set, as
// .ci/run sets it.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it, type TestContext } from "vitest";
import { parse as parseYaml } from "yaml";
import {
  ALERT_JOB_MATCHER,
  ALERT_TESTS,
  ALERTS,
  alertRules,
  DASHBOARD_JOB_MATCHER,
  dashboard,
  dashboardExprs,
  headingSlugs,
  JOB,
  PROMETHEUS_CONFIG,
  type PrometheusConfig,
  ROOT,
  RULES_DIRECTORY,
  RUNBOOK_BASE,
  type RuleFile,
  type RuleTests,
  readText,
  runbookQueries,
  withoutGrafanaVariables,
} from "./support/ops-files.js";
import { metricNames, selectors, selectorsWithout } from "./support/promql.js";
import { runPromtool } from "./support/promtool.js";

/** Runs promtool and expects it to succeed, printing what it said otherwise. */
function expectPromtoolSuccess(context: TestContext, args: string[], input?: string): void {
  const { status, output } = runPromtool(context, args, {
    cwd: ROOT,
    ...(input !== undefined ? { input } : {}),
  });
  expect(status, `promtool ${args.join(" ")} exited ${status}:\n${output}`).toBe(0);
}

/** `promtool check rules` on expressions written as recording rules (promtool has no PromQL check of its own in every version). */
function expectValidPromql(context: TestContext, name: string, exprs: readonly string[]): void {
  const rules = {
    groups: [{ name, rules: exprs.map((expr, index) => ({ record: `${name}:query_${index}`, expr })) }],
  };
  const directory = mkdtempSync(join(tmpdir(), `cita-${name}-`));
  try {
    const file = join(directory, `${name}-queries.yml`);
    // JSON is YAML.
    writeFileSync(file, JSON.stringify(rules, null, 2));
    expectPromtoolSuccess(context, ["check", "rules", file]);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

describe("promtool", () => {
  it("is installed", (context) => {
    const { status, output } = runPromtool(context, ["--version"]);
    expect(status, output).toBe(0);
    expect(output).toMatch(/^promtool, version \d+\.\d+/);
  });

  it("checks the example Prometheus configuration and the rule files it loads", (context) => {
    const { status, output } = runPromtool(context, ["check", "config", PROMETHEUS_CONFIG], { cwd: ROOT });
    expect(status, output).toBe(0);
    expect(output).toContain(`Checking ${ALERTS}`);
  });

  it("checks the alert rules", (context) => {
    expectPromtoolSuccess(context, ["check", "rules", ALERTS]);
  });

  it("passes the alert rules' unit tests", (context) => {
    expectPromtoolSuccess(context, ["test", "rules", ALERT_TESTS]);
  });

  it("parses every dashboard query", (context) => {
    expectValidPromql(
      context,
      "dashboard",
      dashboardExprs().map(({ expr }) => withoutGrafanaVariables(expr)),
    );
  });

  it("parses every query the runbooks cite", (context) => {
    expectValidPromql(
      context,
      "runbooks",
      runbookQueries().map(({ expr }) => expr),
    );
  });
});

describe("the example Prometheus configuration", () => {
  const config = parseYaml(readText(PROMETHEUS_CONFIG)) as PrometheusConfig;

  it("scrapes Cita's /metrics under the job the rules select, often enough for one-minute windows", () => {
    expect(config.scrape_configs).toEqual([
      expect.objectContaining({ job_name: JOB, metrics_path: "/metrics" }),
    ]);
    const seconds = Number(/^(\d+)s$/.exec(config.global?.scrape_interval ?? "")?.[1]);
    expect(seconds, "CitaLlmConnectionErrors needs two samples a minute").toBeLessThanOrEqual(30);
  });

  it("loads a folder that holds rule files only, and not the rules' unit tests", () => {
    expect(config.rule_files).toEqual(["rules/*.yml"]);
    const matched = readdirSync(join(ROOT, RULES_DIRECTORY)).filter((name) => name.endsWith(".yml"));
    expect(matched).toEqual(["alerts.yml"]);
    for (const name of matched) {
      const file = parseYaml(readText(`${RULES_DIRECTORY}/${name}`)) as Record<string, unknown>;
      expect(Object.keys(file), `${name} is not a rule file`).toEqual(["groups"]);
    }
    const tests = parseYaml(readText(ALERT_TESTS)) as RuleTests;
    expect(tests.rule_files).toEqual(["../rules/alerts.yml"]);
    expect(dirname(ALERT_TESTS)).not.toBe(RULES_DIRECTORY);
  });
});

describe("alert rules", () => {
  const rules = alertRules();

  it("are one group per runbook, alerts only", () => {
    const file = parseYaml(readText(ALERTS)) as RuleFile;
    expect(file.groups.map((group) => group.name)).toEqual(["cita-llm-latency", "cita-llm-degradation"]);
    expect(rules.every((rule) => typeof rule.alert === "string")).toBe(true);
  });

  it(`select Cita's scrape job (${ALERT_JOB_MATCHER}) in every selector`, () => {
    const unscoped = rules.flatMap((rule) =>
      selectorsWithout(rule.expr, ALERT_JOB_MATCHER).map(({ metric }) => `${rule.alert}: ${metric}`),
    );
    expect(unscoped).toEqual([]);
  });

  it("carry a severity, a summary, a description and a runbook link into docs/runbooks", () => {
    for (const rule of rules) {
      expect(["warning", "critical"], `${rule.alert} severity`).toContain(rule.labels?.severity);
      expect(rule.annotations?.summary, `${rule.alert} summary`).toBeTruthy();
      expect(rule.annotations?.description, `${rule.alert} description`).toBeTruthy();
      expect(rule.annotations?.runbook_url, `${rule.alert} runbook_url`).toMatch(
        /^https:\/\/github\.com\/cita\/cita\/blob\/main\/docs\/runbooks\/[a-z-]+\.md#[a-z0-9-]+$/,
      );
    }
  });

  it("link to headings that exist in the runbooks", () => {
    for (const rule of rules) {
      const url = rule.annotations!.runbook_url!;
      const [path, anchor] = url.slice(RUNBOOK_BASE.length).split("#") as [string, string];
      const slugs = headingSlugs(readText(path));
      expect([...slugs], `${rule.alert}: ${path} has no heading for #${anchor}`).toContain(anchor);
    }
  });

  it("each have a unit test that fires and one that does not", () => {
    const tests = parseYaml(readText(ALERT_TESTS)) as RuleTests;
    const cases = tests.tests.flatMap((test) => test.alert_rule_test ?? []);
    for (const rule of rules) {
      const own = cases.filter((entry) => entry.alertname === rule.alert);
      expect(
        own.some((entry) => (entry.exp_alerts ?? []).length > 0),
        `${rule.alert} has no firing case`,
      ).toBe(true);
      expect(
        own.some((entry) => (entry.exp_alerts ?? []).length === 0),
        `${rule.alert} has no case that does not fire`,
      ).toBe(true);
    }
  });

  it("are unit-tested beside another service's series that would fire every alert without the job selector", () => {
    const text = readText(ALERT_TESTS);
    for (const metric of new Set(rules.flatMap((rule) => metricNames(rule.expr)))) {
      expect(text, `no other job's ${metric} in the unit tests`).toMatch(
        new RegExp(`series: '${metric}\\{job="(?!${JOB}")`),
      );
    }
  });
});

describe("dashboard", () => {
  it("is a Grafana dashboard over a Prometheus data source variable, with a provider filter", () => {
    const { schemaVersion, templating } = dashboard();
    expect(schemaVersion).toBeGreaterThanOrEqual(36);
    const variables = templating.list;
    expect(variables.find((variable) => variable.name === "DS_PROMETHEUS")).toMatchObject({
      type: "datasource",
      query: "prometheus",
    });
    expect(variables.find((variable) => variable.name === "provider")).toMatchObject({ type: "query" });
  });

  it(`has a job variable, one job at a time, "${JOB}" by default, that the provider filter follows`, () => {
    const variables = dashboard().templating.list;
    const job = variables.find((variable) => variable.name === "job");
    expect(job).toMatchObject({
      type: "query",
      definition: "label_values(router_degraded, job)",
      current: { value: JOB },
      multi: false,
      includeAll: false,
    });
    const provider = variables.find((variable) => variable.name === "provider");
    expect(provider?.definition).toBe('label_values(llm_requests_total{job="$job"}, provider)');
    expect(variables.findIndex((variable) => variable.name === "job")).toBeLessThan(
      variables.findIndex((variable) => variable.name === "provider"),
    );
  });

  it(`selects $job (${DASHBOARD_JOB_MATCHER}) in every query's every selector`, () => {
    const unscoped = dashboardExprs().flatMap(({ title, expr }) =>
      selectorsWithout(expr, DASHBOARD_JOB_MATCHER).map(({ metric }) => `${title}: ${metric}`),
    );
    expect(unscoped).toEqual([]);
  });

  it("has the runbooks' panels", () => {
    const used = new Set(dashboardExprs().flatMap(({ expr }) => metricNames(expr)));
    for (const name of [
      "llm_request_duration_seconds_bucket",
      "llm_requests_total",
      "parsing_requests_total",
      "llm_answer_confidence_sum",
      "parsing_confidence_sum",
      "llm_timeouts_total",
      "cache_requests_total",
      "llm_rate_limit_errors_total",
      "router_degraded",
      "circuit_breaker_state",
      "llm_provider_state",
      "llm_tokens_total",
      "llm_cost_usd_total",
      "http_request_duration_seconds_bucket",
      "cita_incident_open",
      "cita_incident_severity",
    ]) {
      expect([...used], `no dashboard query on ${name}`).toContain(name);
    }
    const latency = dashboardExprs().filter(({ expr }) => expr.includes("llm_request_duration_seconds"));
    for (const quantile of ["0.5", "0.95", "0.99"]) {
      expect(latency.some(({ expr }) => expr.includes(`histogram_quantile(${quantile},`))).toBe(true);
    }
  });
});

describe("runbooks", () => {
  it("cite queries, each selecting Cita's scrape job in every selector", () => {
    const queries = runbookQueries();
    expect(queries.length).toBeGreaterThanOrEqual(8);
    const unscoped = queries.flatMap(({ runbook, expr }) =>
      selectorsWithout(expr, ALERT_JOB_MATCHER).map(({ metric }) => `${runbook}: ${metric} in ${expr}`),
    );
    expect(unscoped).toEqual([]);
  });
});

describe("metric names in queries", () => {
  it("are read from PromQL without functions, labels, ranges or keywords", () => {
    expect(
      metricNames(
        'histogram_quantile(0.95, sum by (provider, le) (rate(a_bucket{x=~"b|c", y!="d"}[$__rate_interval])))' +
          " / on (provider) group_left (model) (sum without (z) (b_total offset 5m) > bool 1e3) and c",
      ).sort(),
    ).toEqual(["a_bucket", "b_total", "c"]);
  });

  it("come with their matchers, so a selector without the job's is found", () => {
    const expr =
      'sum by (le) (rate(a_bucket{job="cita",x="1"}[5m])) / sum(b_total) + max without (y) (c{ job = "cita" })';
    expect(selectors(expr)).toEqual([
      { metric: "a_bucket", matchers: 'job="cita",x="1"' },
      { metric: "b_total", matchers: "" },
      { metric: "c", matchers: 'job = "cita"' },
    ]);
    expect(selectorsWithout(expr, 'job="cita"')).toEqual([{ metric: "b_total", matchers: "" }]);
    expect(selectorsWithout('a{job="citadel"}', 'job="cita"')).toEqual([
      { metric: "a", matchers: 'job="citadel"' },
    ]);
    expect(selectorsWithout('a{job=~"cita"}', 'job="cita"')).toHaveLength(1);
  });
});
