// A real browser for the console's tests: Debian's chromium driven by playwright-core. A clone needs only
// Node to pass `npm test`, so without chromium these tests skip and say why; CI (.ci/run) installs Debian's
// "chromium" and sets CITA_REQUIRE_CHROMIUM=1, which turns a missing browser into a failure instead.
// CHROMIUM_PATH names another binary. Each page records its script errors, console errors and
// Content-Security-Policy violations, which a test asserts are none; screenshots go to test-output/.
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

export const REQUIRE_CHROMIUM = "CITA_REQUIRE_CHROMIUM";
const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export const MISSING_SKIPPED =
  'chromium is not installed: install Debian\'s "chromium" package (or set CHROMIUM_PATH) to run the browser tests (CI sets CITA_REQUIRE_CHROMIUM=1, which fails instead of skipping)';
export const MISSING_REQUIRED =
  'chromium is not installed and CITA_REQUIRE_CHROMIUM=1 requires it: install Debian\'s "chromium" package (.ci/run installs it through APT_PACKAGES)';

/** Where screenshots are saved: test-output/screenshots under the project. */
export const SCREENSHOTS = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "test-output",
  "screenshots",
);

/** Phone and desktop widths every page is shot at. */
export const VIEWPORTS = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

/** The narrowest phone: every page fits its width without scrolling sideways. */
export const NARROW_PHONE = { width: 360, height: 740 } as const;

/**
 * How far the page reaches past its viewport's width, evaluated in it (0 or less: no sideways scrolling).
 * The root's clientWidth leaves out a vertical scrollbar, so a page that only fits under one still counts.
 */
export const OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth";

export function chromiumPath(environment: NodeJS.ProcessEnv = process.env): string | null {
  const named = environment.CHROMIUM_PATH?.trim();
  if (named) return existsSync(named) ? named : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

/** Whether the browser tests may run: chromium is there, or CITA_REQUIRE_CHROMIUM makes its absence a failure. */
export function chromiumAvailable(environment: NodeJS.ProcessEnv = process.env): boolean {
  if (chromiumPath(environment) !== null) return true;
  const required = environment[REQUIRE_CHROMIUM]?.trim() ?? "";
  if (required !== "" && required !== "0") throw new Error(MISSING_REQUIRED);
  console.warn(`skipped the browser tests: ${MISSING_SKIPPED}`);
  return false;
}

/** A page and what went wrong on it. */
export interface WatchedPage {
  page: Page;
  /** Uncaught script errors, console errors (CSP violations are reported there) and failed requests. */
  problems: string[];
}

/**
 * For a test file: one headless chromium launched before its tests and closed after them. `open` gives a
 * fresh context (no shared storage) at a viewport and, when given, a locale (es-ES...), its page watched
 * for problems.
 */
export function useBrowser(): {
  open(viewport?: { width: number; height: number }, locale?: string): Promise<WatchedPage>;
} {
  let browser: Browser | undefined;
  beforeAll(async () => {
    const executablePath = chromiumPath();
    if (executablePath === null) throw new Error(MISSING_REQUIRED);
    browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async open(viewport = VIEWPORTS.desktop, locale) {
      if (browser === undefined) throw new Error("the browser starts in beforeAll");
      // The locale sets navigator.languages, which the pages' language follows (pageLanguage in static/dom.js).
      const context = await browser.newContext({ viewport, ...(locale === undefined ? {} : { locale }) });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
      page.on("console", (message) => {
        if (message.type() === "error") problems.push(`console error: ${message.text()}`);
      });
      page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()}`));
      return { page, problems };
    },
  };
}

/** Saves a full-page PNG as test-output/screenshots/NAME.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
