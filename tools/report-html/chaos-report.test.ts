// The chaos report built from a small recorded run (one scenario, on one instance and on a fleet of three):
// self-contained, a section per run with its five charts, each chart's columns as long as what was
// recorded, a fleet's breakers and attempts per instance, and the run's text escaped.
import { describe, expect, it } from "vitest";
import { chaosReportHtml } from "./chaos-report.js";
import { HOSTILE, RECORDED, recordedChaosRun } from "./recorded-runs.js";
import { expectSelfContained } from "./report-checks.js";

const run = recordedChaosRun();
const page = chaosReportHtml(run);
const charts = expectSelfContained(page);
const byId = (id: string) => charts.find((spec) => spec.id === id)!;
const KINDS = ["requests", "latency", "attempts", "breakers", "health"];

describe("the chaos report", () => {
  it("has a section per run, the one instance's then the fleet's, each with its five charts", () => {
    expect(page).toContain('<section id="run-1">');
    expect(page).toContain('<section id="run-2">');
    expect(page).toContain("(1 instance)");
    expect(page).toContain("(3 instances, Redis)");
    expect(charts.map((spec) => spec.id)).toEqual(
      ["run-1", "run-2"].flatMap((run) => KINDS.map((kind) => `${run}-${kind}`)),
    );
  });

  it("draws every request and every attempt recorded, and each state change up to the end", () => {
    for (const run of ["run-1", "run-2"]) {
      expect(byId(`${run}-latency`).data[0]).toHaveLength(RECORDED.requests);
      expect(byId(`${run}-attempts`).data[0]).toHaveLength(RECORDED.attempts);
    }
    // One instance: healthy, then open (two changes), then the end of the run.
    const breakers = byId("run-1-breakers");
    expect(breakers.data[0]).toHaveLength(3);
    const qwen = breakers.series.findIndex((series) => series.label === "qwen");
    expect(breakers.data[qwen + 1]).toEqual([0, 2, 2]);
    // Attempts under fault: qwen's 500s and the one attempt Cita gave up on.
    const attempts = byId("run-1-attempts");
    expect(attempts.series.map((series) => series.label)).toEqual(["ok", "timeout", "5xx"]);
    expect(attempts.yNames).toEqual(["anthropic", "qwen"]);
  });

  it("draws a fleet's breakers and attempts per instance", () => {
    const labels = byId("run-2-breakers").series.map((series) => series.label);
    expect(labels).toEqual(expect.arrayContaining(["qwen #1", "qwen #2", "qwen #3", "anthropic #1"]));
    expect(byId("run-2-attempts").yNames).toEqual(expect.arrayContaining(["qwen #1", "anthropic #2"]));
    expect(byId("run-1-breakers").series.map((series) => series.label)).toEqual(["anthropic", "qwen"]);
  });

  it("lists each run's incidents: in the summary, and under its table with severity, checks and resolution", () => {
    expect(page).toContain("<td>1 (P2), 1 resolved</td>");
    expect(page).toContain("inc_00000000000000a1: service_down [router] on qwen/qwen-plus, opened 0.30 s");
    expect(page).toContain("inc_00000000000000a1 (instance 2)");
    expect(page).toContain("recovery checks: failed 1.30 s, passed 1.40 s");
    expect(page).toContain("resolved 1.40 s, recovery check passed; answers lost 0");
  });

  it("escapes the run's names and messages", () => {
    expect(page).not.toContain("<img");
    expect(page).toContain("Outage: 500s &lt;/script&gt;&lt;img");
    expect(page.match(/<\/script>/gi)).toHaveLength(3);
    expect(run.scenarios[0]!.cita.problems[HOSTILE]).toBe(1);
  });
});
