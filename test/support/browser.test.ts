// When the browser tests run: with chromium they run; without it they skip and say why, unless
// CITA_REQUIRE_CHROMIUM (set by .ci/run) makes its absence a failure.
import { describe, expect, it } from "vitest";
import { chromiumAvailable, chromiumPath, MISSING_REQUIRED } from "./browser.js";

const NOWHERE = "/nonexistent/cita-chromium";

describe("chromiumAvailable", () => {
  it("runs where CHROMIUM_PATH names a file", () => {
    expect(chromiumPath({ CHROMIUM_PATH: process.execPath })).toBe(process.execPath);
    expect(chromiumAvailable({ CHROMIUM_PATH: process.execPath, CITA_REQUIRE_CHROMIUM: "1" })).toBe(true);
  });

  it("skips without chromium unless required", () => {
    expect(chromiumPath({ CHROMIUM_PATH: NOWHERE })).toBeNull();
    expect(chromiumAvailable({ CHROMIUM_PATH: NOWHERE })).toBe(false);
    expect(chromiumAvailable({ CHROMIUM_PATH: NOWHERE, CITA_REQUIRE_CHROMIUM: " 0 " })).toBe(false);
  });

  it("fails without chromium where CITA_REQUIRE_CHROMIUM requires it", () => {
    expect(() => chromiumAvailable({ CHROMIUM_PATH: NOWHERE, CITA_REQUIRE_CHROMIUM: "1" })).toThrow(
      MISSING_REQUIRED,
    );
  });
});
