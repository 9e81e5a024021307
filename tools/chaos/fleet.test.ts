// `npm run chaos -- --instances N` without redis-server: refused before anything starts, saying what it
// needs, and non-zero, from the real CLI. One instance never needs it, nor a fleet sharing nothing. (The
// fleet itself runs in test/fleet/chaos.test.ts.)
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { FLEET_NEEDS_REDIS, fleetUnavailable } from "./fleet.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** A PATH on which no redis-server can be found. */
const WITHOUT_REDIS = { ...process.env, PATH: join(ROOT, "no-such-folder") };

describe("a chaos fleet without redis-server", () => {
  it("is refused for more than one instance, never for one nor for a fleet sharing nothing", () => {
    expect(fleetUnavailable(3, WITHOUT_REDIS)).toBe(FLEET_NEEDS_REDIS);
    expect(fleetUnavailable(2, WITHOUT_REDIS)).toBe(FLEET_NEEDS_REDIS);
    expect(fleetUnavailable(1, WITHOUT_REDIS)).toBeNull();
    expect(fleetUnavailable(3, WITHOUT_REDIS, false)).toBeNull();
  });

  it("makes the CLI say so and exit non-zero", { timeout: 60_000 }, () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "tools/chaos.ts", "--instances", "3"], {
      cwd: ROOT,
      env: WITHOUT_REDIS,
      encoding: "utf8",
      timeout: 50_000,
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("--instances N>1 needs redis-server on PATH");
    expect(run.stdout).not.toContain("Cita chaos run");
  });
});
