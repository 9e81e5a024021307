// The console's static files: the vendored uPlot is the installed package's own file (one truth, no build
// step), served on Node with nosniff; the shell pages carry the Content-Security-Policy; and a real
// chromium loads the page with no script error or policy violation.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { readConfig } from "../../src/config.js";
import { CONTENT_SECURITY_POLICY } from "../../src/web/page.js";
import { nodeStaticFiles, PUBLIC_FOLDER } from "../../src/web/static-files.js";

const ROOT = join(PUBLIC_FOLDER, "..", "..", "..");
const app = createApp({ config: readConfig({}), staticFiles: nodeStaticFiles() });

describe("the vendored uPlot", () => {
  for (const file of ["uPlot.iife.min.js", "uPlot.min.css"]) {
    it(`${file} is node_modules/uplot's own`, () => {
      const vendored = readFileSync(join(PUBLIC_FOLDER, "static", "vendor", file));
      const installed = readFileSync(join(ROOT, "node_modules", "uplot", "dist", file));
      expect(vendored.equals(installed)).toBe(true);
    });
  }
});

describe("static files on Node", () => {
  it("serves a file under /static with nosniff and its type", async () => {
    const response = await app.request("/static/vendor/uPlot.min.css");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/css/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it.each([
    "/static/../package.json",
    "/static/%2e%2e/%2e%2e/package.json",
    "/static/missing.js",
    "/_headers",
  ])("%s is the JSON 404", async (path) => {
    const response = await app.request(path);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
  });
});

describe("the pages' headers", () => {
  it.each(["/", "/golden", "/ops"])("%s is HTML under the Content-Security-Policy", async (path) => {
    const response = await app.request(path);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(response.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain("unsafe-inline");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
  });
});

describe("the console's scripts", () => {
  const folder = join(PUBLIC_FOLDER, "static");
  const scripts = readdirSync(folder, { recursive: true, encoding: "utf8" }).filter(
    (file) => file.endsWith(".js") && !file.startsWith("vendor"),
  );

  it("exist", () => {
    expect(scripts.length).toBeGreaterThan(0);
  });

  // The browser tests feed markup through every field; this keeps the one way in (dom.js) the only way.
  it.each(scripts)("%s parses no HTML from strings", (file) => {
    const text = readFileSync(join(folder, file), "utf8");
    expect(text).not.toMatch(
      /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function\(/,
    );
  });
});
