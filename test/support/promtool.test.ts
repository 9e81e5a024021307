// The promtool runner's three ways: promtool runs when it is on PATH; without it a check skips and says
// why; with CITA_REQUIRE_PROMTOOL set (as .ci/run sets it) a missing promtool fails the check.
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  MISSING_REQUIRED,
  MISSING_SKIPPED,
  type PromtoolTestContext,
  promtoolRequired,
  runPromtool,
} from "./promtool.js";

/** PATH with no promtool on it: node's folder alone would do, but no folder at all is surer. */
const NO_PROMTOOL = { PATH: "/nonexistent-cita-test-path" };

class Skipped extends Error {}

function fakeContext(): PromtoolTestContext & { skipped: string[] } {
  const skipped: string[] = [];
  return {
    task: { name: "a promtool check" },
    skipped,
    skip: ((note?: string) => {
      skipped.push(note ?? "");
      throw new Skipped(note);
    }) as PromtoolTestContext["skip"],
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("CITA_REQUIRE_PROMTOOL", () => {
  it("requires promtool when set to anything but empty or 0", () => {
    expect(promtoolRequired({})).toBe(false);
    expect(promtoolRequired({ CITA_REQUIRE_PROMTOOL: "" })).toBe(false);
    expect(promtoolRequired({ CITA_REQUIRE_PROMTOOL: " 0 " })).toBe(false);
    expect(promtoolRequired({ CITA_REQUIRE_PROMTOOL: "1" })).toBe(true);
    expect(promtoolRequired({ CITA_REQUIRE_PROMTOOL: "true" })).toBe(true);
  });
});

describe("runPromtool without promtool on PATH", () => {
  it("skips the check, printing why", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const context = fakeContext();
    expect(() => runPromtool(context, ["--version"], { environment: NO_PROMTOOL })).toThrow(Skipped);
    expect(context.skipped).toEqual([MISSING_SKIPPED]);
    expect(warn).toHaveBeenCalledWith(`skipped "a promtool check": ${MISSING_SKIPPED}`);
    expect(MISSING_SKIPPED).toMatch(/^promtool is not on PATH: install Debian's "prometheus" package/);
  });

  it("fails the check instead when CITA_REQUIRE_PROMTOOL is set", () => {
    const context = fakeContext();
    expect(() =>
      runPromtool(context, ["--version"], { environment: { ...NO_PROMTOOL, CITA_REQUIRE_PROMTOOL: "1" } }),
    ).toThrow(MISSING_REQUIRED);
    expect(context.skipped).toEqual([]);
  });
});

describe("runPromtool with promtool on PATH", () => {
  it("runs it and returns its exit status and output", (context) => {
    const { status, output } = runPromtool(context, ["--version"]);
    expect(status, output).toBe(0);
    expect(output).toMatch(/^promtool, version /);
  });
});
