// `npm run chaos -- --report FILE.html` end to end, from the real CLI at the chaos tests' smallest scale
// (0.05) on one scenario: the page is written beside the JSON report, self-contained, with the scenario's
// five charts drawing every request the run made; the JSON report keeps its shape (no timeline in it).
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { expectSelfContained } from "../report-html/report-checks.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const REQUESTS = 8;
const WARMUP = 6;
const folder = mkdtempSync(join(tmpdir(), "cita-chaos-report-"));

describe("npm run chaos -- --report", () => {
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("writes a self-contained page with the scenario's charts", { timeout: 120_000 }, async () => {
    const json = join(folder, "chaos.json");
    const report = join(folder, "nested", "chaos.html");
    const run = await promisify(execFile)(
      process.execPath,
      [
        "--import",
        "tsx",
        "tools/chaos.ts",
        "--scale",
        "0.05",
        "--requests",
        String(REQUESTS),
        "--only",
        "500s",
      ].concat(["--seed", "7", "--json", json, "--report", report]),
      { cwd: ROOT, timeout: 110_000 },
    );
    expect(run.stdout).toContain(`HTML report: ${report}`);
    const figures = JSON.parse(readFileSync(json, "utf8"));
    const scenario = figures.scenarios[0];
    expect(Object.keys(scenario)).not.toContain("timeline");
    expect(scenario.cita.requests).toBe(REQUESTS);

    const page = readFileSync(report, "utf8");
    const charts = expectSelfContained(page);
    expect(page).toContain('<section id="run-1">');
    expect(page).toContain("4b. Outage: 500s (1 instance)");
    expect(charts.map((spec) => spec.id)).toEqual(
      ["requests", "latency", "attempts", "breakers", "health"].map((kind) => `run-1-${kind}`),
    );
    const chart = (kind: string) => charts.find((spec) => spec.id === `run-1-${kind}`)!;
    // Every request: the warm-up, those under fault and the recovery's.
    expect(chart("latency").data[0]).toHaveLength(WARMUP + REQUESTS + scenario.cita.recovery.requests);
    expect(chart("attempts").data[0]!.length).toBeGreaterThan(0);
    expect(chart("breakers").series.map((series) => series.label)).toContain("qwen");
  });

  // As `npm run bench -- --report` does: refused before any scenario runs, not after minutes of them.
  it.each(["", "  "])("refuses --report %j before running anything", { timeout: 60_000 }, async (name) => {
    const failed = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "tools/chaos.ts", "--scale", "0.05", "--requests", "1", "--only", "500s"].concat([
        "--json",
        join(folder, "refused.json"),
        "--report",
        name,
      ]),
      { cwd: ROOT, timeout: 50_000 },
    ).then(
      () => null,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toContain("chaos: --report needs a file name");
    expect(failed?.stdout).not.toContain("Cita chaos run");
  });
});
