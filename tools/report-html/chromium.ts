// Debian's chromium driven by playwright-core (which downloads no browser), for the test that opens a
// report. A clone needs only Node to pass `npm test`, so without /usr/bin/chromium that test skips and says
// why; CITA_REQUIRE_CHROMIUM=1 (set by CI) turns a missing chromium into a failure.
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
export const REQUIRE_CHROMIUM = "CITA_REQUIRE_CHROMIUM";
export const CHROMIUM_MISSING_SKIPPED = `chromium is not installed (no ${CHROMIUM}): install Debian's "chromium" package to check that reports render (CI sets ${REQUIRE_CHROMIUM}=1, which fails instead of skipping)`;
export const CHROMIUM_MISSING_REQUIRED = `chromium is not installed and ${REQUIRE_CHROMIUM}=1 requires it: install Debian's "chromium" package`;

/**
 * Null when chromium is there; otherwise why the browser test skips. Throws when it is required here, so
 * the test file fails instead.
 */
export function chromiumSkipReason(
  environment: NodeJS.ProcessEnv = process.env,
  installed: boolean = existsSync(CHROMIUM),
): string | null {
  if (installed) return null;
  const required = environment[REQUIRE_CHROMIUM]?.trim() ?? "";
  if (required !== "" && required !== "0") throw new Error(CHROMIUM_MISSING_REQUIRED);
  return CHROMIUM_MISSING_SKIPPED;
}

/** Headless chromium; run as root it needs --no-sandbox. */
export function launchChromium(): Promise<Browser> {
  const root = process.getuid?.() === 0;
  return chromium.launch({ executablePath: CHROMIUM, args: root ? ["--no-sandbox"] : [] });
}
