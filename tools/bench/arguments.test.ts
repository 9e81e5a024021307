// `npm run bench` arguments, parsed without measuring anything: --port for the HTTP benchmark's server,
// the defaults, and the misuses that exit 2.
import { describe, expect, it } from "vitest";
import { parseBenchArguments, UsageError } from "./arguments.js";

describe("parseBenchArguments", () => {
  it("defaults to free ports and the documented loads", () => {
    expect(parseBenchArguments([])).toEqual({
      port: 0,
      durationSeconds: 5,
      warmupSeconds: 2,
      connections: [10, 50],
      passes: 10,
      conversationPasses: 50,
      workers: 0,
      rounds: 3,
      routerCalls: 300,
      slowCalls: 300,
      edgeRequests: 4000,
      report: null,
      help: false,
    });
    expect(parseBenchArguments(["--help"]).help).toBe(true);
  });

  it("takes the HTTP benchmark's port and the other figures", () => {
    expect(
      parseBenchArguments([
        "--port",
        "8787",
        "--duration",
        "10",
        "--connections",
        "1, 20",
        "--router-calls",
        "5",
        "--conversation-passes",
        "3",
        "--edge-requests",
        "50",
        "--report",
        "reports/bench.html",
      ]),
    ).toMatchObject({
      port: 8787,
      durationSeconds: 10,
      connections: [1, 20],
      routerCalls: 5,
      conversationPasses: 3,
      edgeRequests: 50,
      report: "reports/bench.html",
    });
    expect(parseBenchArguments(["--port=65534"]).port).toBe(65534);
  });

  it.each([
    [["--port=-1"], '--port must be a whole number ≥ 0, got "-1"'],
    [["--port", "80.5"], "--port must be a whole number ≥ 0"],
    [["--port", ""], "--port must be a whole number ≥ 0"],
    [["--port", "65535"], "--port must be at most 65534"],
    [["--duration", "0"], "--duration must be a whole number ≥ 1"],
    [["--conversation-passes", "0"], "--conversation-passes must be a whole number ≥ 1"],
    [["--connections", "10,x"], "--connections takes whole numbers ≥ 1"],
    [["--edge-requests", "0"], "--edge-requests must be a whole number ≥ 1"],
    [["--report", ""], "--report needs a file name"],
    [["--report"], "Option '--report <value>' argument missing"],
    [["--bogus"], "Unknown option '--bogus'"],
    [["extra"], "Unexpected argument 'extra'"],
  ])("refuses %j", (args, message) => {
    expect(() => parseBenchArguments(args)).toThrow(UsageError);
    expect(() => parseBenchArguments(args)).toThrow(message);
  });
});
