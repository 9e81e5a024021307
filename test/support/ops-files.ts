// The operations files as the tests read them: where they are, the convention that ties them together
// (Cita's scrape job is named "cita"), and the PromQL each one holds: the alert rules' expressions, the
// Grafana dashboard's queries and the queries the runbooks cite.
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const PROMETHEUS_CONFIG = "ops/prometheus/prometheus.yml";
export const RULES_DIRECTORY = "ops/prometheus/rules";
export const ALERTS = "ops/prometheus/rules/alerts.yml";
export const ALERT_TESTS = "ops/prometheus/tests/alerts.test.yml";
export const DASHBOARD = "ops/grafana/cita-dashboard.json";
export const RUNBOOKS = ["docs/runbooks/high-latency.md", "docs/runbooks/llm-degradation.md"];
/** runbook_url values point at the repository's docs under this base (a deployment replaces it). */
export const RUNBOOK_BASE = "https://github.com/cita/cita/blob/main/";
/** The convention: Cita's scrape job is named "cita"; the alerts select it, the dashboard's $job defaults to it. */
export const JOB = "cita";
export const ALERT_JOB_MATCHER = `job="${JOB}"`;
export const DASHBOARD_JOB_MATCHER = 'job="$job"';
/** Labels Prometheus adds when it scrapes: queries match on them, /metrics does not carry them. */
export const TARGET_LABELS = new Set(["job", "instance"]);

export interface AlertRule {
  alert?: string;
  record?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface RuleFile {
  groups: { name: string; rules: AlertRule[] }[];
}

export interface RuleTests {
  rule_files: string[];
  tests: {
    name: string;
    alert_rule_test?: { eval_time: string; alertname: string; exp_alerts?: unknown[] }[];
  }[];
}

export interface PrometheusConfig {
  global?: { scrape_interval?: string };
  rule_files: string[];
  scrape_configs: { job_name: string; metrics_path?: string }[];
}

export interface Panel {
  type: string;
  title: string;
  targets?: { expr: string }[];
  panels?: Panel[];
}

export interface Variable {
  name: string;
  type: string;
  query?: unknown;
  definition?: string;
  current?: { value?: unknown };
  multi?: boolean;
  includeAll?: boolean;
}

export interface Dashboard {
  schemaVersion: number;
  templating: { list: Variable[] };
  panels: Panel[];
}

export function readText(path: string): string {
  return readFileSync(join(ROOT, path), "utf8");
}

export function alertRules(): AlertRule[] {
  const file = parseYaml(readText(ALERTS)) as RuleFile;
  return file.groups.flatMap((group) => group.rules);
}

export function dashboard(): Dashboard {
  return JSON.parse(readText(DASHBOARD)) as Dashboard;
}

function dashboardPanels(): Panel[] {
  return dashboard().panels.flatMap((panel) => [panel, ...(panel.panels ?? [])]);
}

export function dashboardExprs(): { title: string; expr: string }[] {
  return dashboardPanels().flatMap((panel) =>
    (panel.targets ?? []).map((target) => ({ title: panel.title, expr: target.expr })),
  );
}

/** Grafana's variables replaced by what Prometheus would get: the expression as a rule would hold it. */
export function withoutGrafanaVariables(expr: string): string {
  return expr.replaceAll("$__rate_interval", "5m").replaceAll("$provider", ".*").replaceAll("$job", JOB);
}

/**
 * The PromQL the runbooks cite: each expression of their ```promql blocks (a block holds several, each
 * after its # comment), and every inline code span with a range selector (`rate(x[5m])`).
 */
export function runbookQueries(): { runbook: string; expr: string }[] {
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

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
export function headingSlugs(markdown: string): Set<string> {
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
