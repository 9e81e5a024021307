// The benchmark report built from small recorded figures: self-contained, its latency curves as long as
// their percentiles, a pair of throughput bars per load, the ratio to the hello-world baseline with its
// target, and the run's text escaped.
import { describe, expect, it } from "vitest";
import { benchReportHtml } from "./bench-report.js";
import { recordedBenchRun } from "./recorded-runs.js";
import { expectSelfContained } from "./report-checks.js";

const run = recordedBenchRun();
const page = benchReportHtml(run);
const charts = expectSelfContained(page);
const byId = (id: string) => charts.find((spec) => spec.id === id)!;

describe("the bench report", () => {
  it("draws latency curves at their percentiles", () => {
    expect(charts.map((spec) => spec.id)).toEqual(["in-process", "router", "http-latency", "throughput"]);
    expect(byId("in-process").series).toHaveLength(1 + run.conversations.length);
    expect(byId("in-process").xNames).toEqual(["min", "p50", "p90", "p99", "max"]);
    expect(byId("in-process").data[1]).toEqual(run.pipeline.curve.ms);
    expect(byId("router").series).toHaveLength(5);
    // Two routes a load; autocannon's ranks are its own.
    expect(byId("http-latency").series).toHaveLength(2 * run.throughput.length);
    expect(byId("http-latency").xNames).toEqual(["min", "p2.5", "p50", "p97.5", "max"]);
  });

  it("draws throughput against the baseline, and says the ratio and its target", () => {
    const throughput = byId("throughput");
    expect(throughput.xNames).toEqual(["10 connections: parse 20.8%", "50 connections: parse 13.3%"]);
    expect(throughput.data).toEqual([
      [0, 1],
      [13_000, 15_000],
      [2_700, 2_000],
    ]);
    expect(page).toContain("<td>20.8%</td>");
    expect(page).toContain("≥ 20%: met");
    expect(page).toContain("<td>13.3%</td>");
    expect(page).toContain("≥ 20%: MISSED");
  });

  it("escapes the run's text", () => {
    expect(page).not.toContain("<img");
    expect(page).toContain("skipped: no redis-server &lt;/script&gt;");
  });
});
