// The operations files against the service: the Prometheus alert rules pass `promtool check rules` and
// their unit tests (`promtool test rules`, every alert firing and not firing); GET /metrics passes
// `promtool check metrics`; every metric the alerts and the Grafana dashboard query is one /metrics exposes;
// every alert carries a severity, a summary, a description and a runbook link whose anchor is a heading of
// the linked runbook. promtool comes from the Debian package "prometheus" (APT_PACKAGES in .ci/run); without
// it these tests fail, they do not skip.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { createApp } from "../src/app.js";
import { readConfig } from "../src/config.js";
import { type Simulator, startSimulator } from "../tools/simulator/server.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const ALERTS = "ops/prometheus/alerts.yml";
const ALERT_TESTS = "ops/prometheus/alerts.test.yml";
const DASHBOARD = "ops/grafana/cita-dashboard.json";
/** runbook_url values point at the repository's docs under this base (a deployment replaces it). */
const RUNBOOK_BASE = "https://github.com/cita/cita/blob/main/";

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
  tests: {
    name: string;
    alert_rule_test?: { eval_time: string; alertname: string; exp_alerts?: unknown[] }[];
  }[];
}
interface Panel {
  type: string;
  title: string;
  targets?: { expr: string }[];
  panels?: Panel[];
}
interface Dashboard {
  schemaVersion: number;
  templating: { list: { name: string; type: string; query?: unknown }[] };
  panels: Panel[];
}

function readText(path: string): string {
  return readFileSync(join(ROOT, path), "utf8");
}

function alertRules(): AlertRule[] {
  const file = parseYaml(readText(ALERTS)) as RuleFile;
  return file.groups.flatMap((group) => group.rules);
}

function dashboardPanels(): Panel[] {
  const dashboard = JSON.parse(readText(DASHBOARD)) as Dashboard;
  return dashboard.panels.flatMap((panel) => [panel, ...(panel.panels ?? [])]);
}

function dashboardExprs(): { title: string; expr: string }[] {
  return dashboardPanels().flatMap((panel) =>
    (panel.targets ?? []).map((target) => ({ title: panel.title, expr: target.expr })),
  );
}

/** Grafana's variables replaced by what Prometheus would get: the expression as a rule would hold it. */
function withoutGrafanaVariables(expr: string): string {
  return expr.replaceAll("$__rate_interval", "5m").replaceAll("$provider", ".*");
}

/** Runs promtool; a missing binary fails with how to install it rather than skipping. */
function promtool(args: string[], input?: string): { status: number; output: string } {
  const result = spawnSync("promtool", args, {
    cwd: ROOT,
    encoding: "utf8",
    ...(input !== undefined ? { input } : {}),
  });
  if (result.error !== undefined) {
    const missing = (result.error as NodeJS.ErrnoException).code === "ENOENT";
    throw new Error(
      missing
        ? "promtool is not installed: `apt-get install prometheus` (CI installs it through APT_PACKAGES in .ci/run)"
        : `promtool ${args.join(" ")} could not run: ${result.error.message}`,
    );
  }
  return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

function expectPromtoolSuccess(args: string[], input?: string): void {
  const { status, output } = promtool(args, input);
  expect(status, `promtool ${args.join(" ")} exited ${status}:\n${output}`).toBe(0);
}

const PROMQL_KEYWORDS = new Set([
  "by",
  "without",
  "on",
  "ignoring",
  "group_left",
  "group_right",
  "bool",
  "and",
  "or",
  "unless",
  "offset",
  "inf",
  "nan",
]);

/**
 * The metric names a PromQL expression selects: identifiers left once strings, label matchers, ranges and
 * label lists (by, without, on, ignoring, group_left, group_right) are taken out, that are neither
 * functions nor aggregations (followed by a parenthesis) nor keywords.
 */
function metricNames(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""')
    .replace(/\{[^}]*\}/g, " ")
    .replace(/\[[^\]]*\]/g, " ")
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, " ");
  const names = new Set<string>();
  for (const match of stripped.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)) {
    const name = match[0];
    const before = stripped[match.index - 1];
    // The exponent or unit of a number (1e3, 5m): not a name.
    if (before !== undefined && /[0-9.]/.test(before)) continue;
    if (/^\s*\(/.test(stripped.slice(match.index + name.length))) continue;
    if (PROMQL_KEYWORDS.has(name.toLowerCase())) continue;
    names.add(name);
  }
  return [...names];
}

/** Label names a PromQL expression matches on, by metric name: `metric{label="..."}`. */
function matcherLabels(expr: string): { metric: string; label: string }[] {
  const found: { metric: string; label: string }[] = [];
  for (const selector of expr.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)\s*\{([^}]*)\}/g)) {
    for (const matcher of selector[2]!.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)\s*(?:=~|!~|!=|=)/g)) {
      found.push({ metric: selector[1]!, label: matcher[1]! });
    }
  }
  return found;
}

/** Families from `# TYPE name kind` lines, and the label names their samples carry. */
function exposition(text: string): Map<string, { kind: string; labels: Set<string> }> {
  const families = new Map<string, { kind: string; labels: Set<string> }>();
  for (const line of text.split("\n")) {
    const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (\w+)$/.exec(line);
    if (type !== null) families.set(type[1]!, { kind: type[2]!, labels: new Set() });
  }
  for (const line of text.split("\n")) {
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)\{([^}]*)\}/.exec(line);
    if (sample === null) continue;
    const family = familyOf(sample[1]!, families);
    if (family === undefined) continue;
    for (const label of sample[2]!.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="/g)) family.labels.add(label[1]!);
  }
  return families;
}

/** The family a series name belongs to: itself, or a histogram's _bucket, _sum and _count. */
function familyOf<T extends { kind: string }>(name: string, families: Map<string, T>): T | undefined {
  const exact = families.get(name);
  if (exact !== undefined) return exact;
  const suffix = /^(.+)_(bucket|sum|count)$/.exec(name);
  if (suffix === null) return undefined;
  const base = families.get(suffix[1]!);
  if (base === undefined) return undefined;
  if (base.kind === "histogram" || (base.kind === "summary" && suffix[2] !== "bucket")) return base;
  return undefined;
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
  it("is installed", () => {
    const { status, output } = promtool(["--version"]);
    expect(status, output).toBe(0);
    expect(output).toMatch(/^promtool, version \d+\.\d+/);
  });

  it("checks the alert rules", () => {
    expectPromtoolSuccess(["check", "rules", ALERTS]);
  });

  it("passes the alert rules' unit tests", () => {
    expectPromtoolSuccess(["test", "rules", ALERT_TESTS]);
  });

  it("parses every dashboard query", () => {
    // promtool has no PromQL check of its own in every version: each query goes in as a recording rule.
    const rules = {
      groups: [
        {
          name: "dashboard",
          rules: dashboardExprs().map(({ expr }, index) => ({
            record: `dashboard:query_${index}`,
            expr: withoutGrafanaVariables(expr),
          })),
        },
      ],
    };
    const directory = mkdtempSync(join(tmpdir(), "cita-dashboard-"));
    try {
      const file = join(directory, "dashboard-queries.yml");
      // JSON is YAML.
      writeFileSync(file, JSON.stringify(rules, null, 2));
      expectPromtoolSuccess(["check", "rules", file]);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe("alert rules", () => {
  const rules = alertRules();

  it("are one group per runbook, alerts only", () => {
    const file = parseYaml(readText(ALERTS)) as RuleFile;
    expect(file.groups.map((group) => group.name)).toEqual(["cita-llm-latency", "cita-llm-degradation"]);
    expect(rules.every((rule) => typeof rule.alert === "string")).toBe(true);
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
});

describe("dashboard", () => {
  it("is a Grafana dashboard over a Prometheus data source variable, with a provider filter", () => {
    const dashboard = JSON.parse(readText(DASHBOARD)) as Dashboard;
    expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(36);
    const variables = dashboard.templating.list;
    expect(variables.find((variable) => variable.name === "DS_PROMETHEUS")).toMatchObject({
      type: "datasource",
      query: "prometheus",
    });
    expect(variables.find((variable) => variable.name === "provider")).toMatchObject({ type: "query" });
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

describe("metric names in queries", () => {
  it("are read from PromQL without functions, labels, ranges or keywords", () => {
    expect(
      metricNames(
        'histogram_quantile(0.95, sum by (provider, le) (rate(a_bucket{x=~"b|c", y!="d"}[$__rate_interval])))' +
          " / on (provider) group_left (model) (sum without (z) (b_total offset 5m) > bool 1e3) and c",
      ).sort(),
    ).toEqual(["a_bucket", "b_total", "c"]);
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

  it("passes promtool check metrics", () => {
    expectPromtoolSuccess(["check", "metrics"], body);
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

  it("carries the labels the queries match on, where it has samples", () => {
    const families = exposition(body);
    const exprs = [...alertRules().map((rule) => rule.expr), ...dashboardExprs().map(({ expr }) => expr)];
    const missing = new Set<string>();
    for (const expr of exprs) {
      for (const { metric, label } of matcherLabels(expr)) {
        const family = familyOf(metric, families);
        if (family === undefined || family.labels.size === 0 || family.labels.has(label)) continue;
        missing.add(`${metric}{${label}}`);
      }
    }
    expect([...missing]).toEqual([]);
  });
});
