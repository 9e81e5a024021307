// promtool, Prometheus's own checker (Debian package "prometheus"), for every test that calls it. A clone
// needs only Node to pass `npm test`, so without promtool on PATH its checks skip and say why; CI (.ci/run)
// installs it and sets CITA_REQUIRE_PROMTOOL=1, which turns a missing promtool into a failure instead.
import { spawnSync } from "node:child_process";
import type { TestContext } from "vitest";

export const REQUIRE_PROMTOOL = "CITA_REQUIRE_PROMTOOL";

export interface PromtoolResult {
  status: number;
  /** stdout then stderr. */
  output: string;
}

export interface PromtoolOptions {
  cwd?: string;
  /** Written to promtool's stdin (`promtool check metrics` reads the exposition there). */
  input?: string;
  /** Where PATH and CITA_REQUIRE_PROMTOOL are read; the process's environment by default. */
  environment?: NodeJS.ProcessEnv;
}

/** Whether promtool must run: CITA_REQUIRE_PROMTOOL set to anything but "" or "0". */
export function promtoolRequired(environment: NodeJS.ProcessEnv = process.env): boolean {
  const value = environment[REQUIRE_PROMTOOL]?.trim() ?? "";
  return value !== "" && value !== "0";
}

export const MISSING_SKIPPED =
  'promtool is not on PATH: install Debian\'s "prometheus" package to run this check (CI sets CITA_REQUIRE_PROMTOOL=1, which fails instead of skipping)';
export const MISSING_REQUIRED =
  'promtool is not on PATH and CITA_REQUIRE_PROMTOOL=1 requires it: install Debian\'s "prometheus" package (.ci/run installs it through APT_PACKAGES)';

/** Whether promtool is on each PATH asked about, asked once per PATH and test file. */
const found = new Map<string, boolean>();

export function promtoolOnPath(environment: NodeJS.ProcessEnv = process.env): boolean {
  const path = environment.PATH ?? "";
  let onPath = found.get(path);
  if (onPath === undefined) {
    const probe = spawnSync("promtool", ["--version"], { encoding: "utf8", env: environment });
    onPath = (probe.error as NodeJS.ErrnoException | undefined)?.code !== "ENOENT";
    found.set(path, onPath);
  }
  return onPath;
}

/** What runPromtool needs of vitest's test context. */
export type PromtoolTestContext = Pick<TestContext, "skip"> & { task: { name: string } };

/**
 * Runs `promtool ARGS` for a test. Without promtool on PATH the test is skipped with the reason (also
 * printed, since the default reporter shows skip notes only for failing files), or fails when
 * CITA_REQUIRE_PROMTOOL is set. A promtool that is there but cannot run is a failure either way.
 */
export function runPromtool(
  context: PromtoolTestContext,
  args: readonly string[],
  options: PromtoolOptions = {},
): PromtoolResult {
  const environment = options.environment ?? process.env;
  if (!promtoolOnPath(environment)) {
    if (promtoolRequired(environment)) throw new Error(MISSING_REQUIRED);
    console.warn(`skipped "${context.task.name}": ${MISSING_SKIPPED}`);
    context.skip(MISSING_SKIPPED);
  }
  const result = spawnSync("promtool", [...args], {
    encoding: "utf8",
    env: environment,
    ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
    ...(options.input !== undefined ? { input: options.input } : {}),
  });
  if (result.error !== undefined) {
    throw new Error(`promtool ${args.join(" ")} could not run: ${result.error.message}`);
  }
  return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}
