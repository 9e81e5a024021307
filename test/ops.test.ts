// The operations files against the service and against Prometheus. ops/prometheus/prometheus.yml passes
// `promtool check config`, and its rule_files glob loads the rule files of ops/prometheus/rules/ and nothing
// else (a `promtool test rules` file in that glob makes Prometheus refuse the whole configuration). The
// alert rules pass `promtool check rules` and their unit tests (`promtool test rules`, every alert firing
// and not firing); GET /metrics passes `promtool check metrics`; every metric the alerts, the Grafana
// dashboard and the runbooks query is one /metrics exposes, and every selector picks Cita's scrape job
// (`job="cita"`; `job="$job"` in the dashboard); every alert carries a severity, a summary, a description
// and a runbook link whose anchor is a heading of the linked runbook. promtool comes from the Debian
// package "prometheus": without it the promtool checks skip and say why (test/support/promtool.ts), unless
// CITA_REQUIRE_PROMTOOL is set, as .ci/run sets it.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, type TestContext } from "vitest";
import { parse as parseYaml } from "yaml";
import { createApp } from "../src/app.js";
import { readConfig } from "../src/config.js";
import { type Simulator, startSimulator } from "../tools/simulator/server.js";
import { exposition, familyOf } from "./support/exposition.js";
import { matcherLabels, metricNames, selectors, selectorsWithout } from "./support/promql.js";
import { runPromtool } from "./support/promtool.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const PROMETHEUS_CONFIG = "ops/prometheus/prometheus.yml";
const RULES_DIRECTORY = "ops/prometheus/rules";
const ALERTS = "ops/prometheus/rules/alerts.yml";
const ALERT_TESTS = "ops/prometheus/tests/alerts.test.yml";
const DASHBOARD = "ops/grafana/cita-dashboard.json";
const RUNBOOKS = ["docs/runbooks/high-latency.md", "docs/runbooks/llm-degradation.md"];
/** runbook_url values point at the repository's docs under this base (a deployment replaces it). */
const RUNBOOK_BASE = "https://github.com/cita/cita/blob/main/";
/** The convention: Cita's scrape job is named "cita"; the alerts select it, the dashboard's $job defaults to it. */
const JOB = "cita";
const ALERT_JOB_MATCHER = `job="${JOB}"`;
const DASHBOARD_JOB_MATCHER = 'job="$job"';
const TARGET_LABELS = new Set(["job", "instance"]);

interface AlertRule {
  alert?: string;
  record?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}
interface RuleFile {
  groups: { name: string; rules: AlertRule[] }[];
}
interface RuleTests {
  rule_files: string[];
  tests: {
    name: string;
    alert_rule_test?: { eval_time: string; alertname: string; exp_alerts?: unknown[] }[];
  }[];
}
interface PrometheusConfig {
  global?: { scrape_interval?: string };
  rule_files: string[];
  scrape_configs: { job_name: string; metrics_path?: string }[];
}
interface Panel {
  type: string;
  title: string;
  targets?: { expr: string }[];
  panels?: Panel[];
}
interface Variable {
  name: string;
  type: string;
  query?: unknown;
  definition?: string;
  current?: { value?: unknown };
  multi?: boolean;
  includeAll?: boolean;
}
interface Dashboard {
  schemaVersion: number;
  templating: { list: Variable[] };
  panels: Panel[];
}

function readText(path: string): string {
  return readFileSync(join(ROOT, path), "utf8");
}

function alertRules(): AlertRule[] {
  const file = parseYaml(readText(ALERTS)) as RuleFile;
  return file.groups.flatMap((group) => group.rules);
}

function dashboard(): Dashboard {
  return JSON.parse(readText(DASHBOARD)) as Dashboard;
}

function dashboardPanels(): Panel[] {
  return dashboard().panels.flatMap((panel) => [panel, ...(panel.panels ?? [])]);
}

function dashboardExprs(): { title: string; expr: string }[] {
  return dashboardPanels().flatMap((panel) =>
    (panel.targets ?? []).map((target) => ({ title: panel.title, expr: target.expr })),
  );
}

/** Grafana's variables replaced by what Prometheus would get: the expression as a rule would hold it. */
function withoutGrafanaVariables(expr: string): string {
  return expr.replaceAll("$__rate_interval", "5m").replaceAll("$provider", ".*").replaceAll("$job", JOB);
}

/**
 * The PromQL the runbooks cite: each expression of their ```promql blocks (a block holds several, each
 * after its # comment), and every inline code span with a range selector (`rate(x[5m])`).
 */
function runbookQueries(): { runbook: string; expr: string }[] {
  return RUNBOOKS.flatMap((runbook) => {
    const text = readText(runbook);
    const blocks = [...text.matchAll(/```promql\n([\s\S]*?)```/g)].flatMap((block) =>
      block[1]!
        .split(/^#.*\n/m)
        .map((expr) => expr.trim())
        .filter((expr) => expr !== ""),
    );
    const withoutBlocks = text.replace(/```[\s\S]*?```/g, "");
    const inline = [...withoutBlocks.matchAll(/`([^`]+)`/g)]
      .map((span) => span[1]!.replace(/\s+/g, " ").trim())
      .filter((span) => /\[\d+[smh]\]/.test(span));
    return [...blocks, ...inline].map((expr) => ({ runbook, expr }));
  });
}

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

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function headingSlugs(markdown: string): Set<string> {
  const slugs = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading === null) continue;
    const base = heading[1]!
      .replace(/`/g, "")
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
      .replace(/ /g, "-");
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    slugs.add(count === 0 ? base : `${base}-${count}`);
  }
  return slugs;
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

describe("GET /metrics", () => {
  let simulator: Simulator;
  let body = "";
  let status = 0;

  beforeAll(async () => {
    simulator = await startSimulator({ seed: 5 });
    const app = createApp({
      config: readConfig({
        QWEN_API_KEY: "sk-test",
        QWEN_BASE_URL: simulator.baseUrls.qwen,
        ANTHROPIC_API_KEY: "sk-ant-test",
        ANTHROPIC_BASE_URL: simulator.baseUrls.anthropic,
      }),
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
  afterAll(() => simulator?.close());

  it("answers the Prometheus text format", () => {
    expect(status, body.slice(0, 500)).toBe(200);
    expect(body).toMatch(/^# (HELP|TYPE) /m);
  });

  it("passes promtool check metrics", (context) => {
    expectPromtoolSuccess(context, ["check", "metrics"], body);
  });

  it("exposes every metric the alert rules query", () => {
    const families = exposition(body);
    const missing = alertRules().flatMap((rule) =>
      metricNames(rule.expr)
        .filter((name) => familyOf(name, families) === undefined)
        .map((name) => `${rule.alert}: ${name}`),
    );
    expect(missing).toEqual([]);
  });

  it("exposes every metric the dashboard queries", () => {
    const families = exposition(body);
    const missing = dashboardExprs().flatMap(({ title, expr }) =>
      metricNames(expr)
        .filter((name) => familyOf(name, families) === undefined)
        .map((name) => `${title}: ${name}`),
    );
    expect(missing).toEqual([]);
  });

  it("exposes every metric the runbooks query", () => {
    const families = exposition(body);
    const missing = runbookQueries().flatMap(({ runbook, expr }) =>
      metricNames(expr)
        .filter((name) => familyOf(name, families) === undefined)
        .map((name) => `${runbook}: ${name}`),
    );
    expect(missing).toEqual([]);
  });

  it("carries the labels the queries match on, where it has samples", () => {
    const families = exposition(body);
    const exprs = [...alertRules().map((rule) => rule.expr), ...dashboardExprs().map(({ expr }) => expr)];
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
