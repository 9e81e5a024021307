// The playground's and golden page's shells: HTML under the pages' Content-Security-Policy, every control
// with a label, scripts and styles only as files, and every word the pages say in English and in Spanish.
import { describe, expect, it } from "vitest";
import { createApp } from "../../app.js";
import { readConfig } from "../../config.js";
import { CONTENT_SECURITY_POLICY } from "../page.js";
import { WORDS } from "../public/static/playground/words.js";

const app = createApp({ config: readConfig({}) });

describe.each(["/", "/golden"])("GET %s", (path) => {
  it("is HTML under the Content-Security-Policy", async () => {
    const response = await app.request(path);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(response.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
  });

  it("labels every control, and has no inline script or style", async () => {
    const page = await (await app.request(path)).text();
    const controls = [...page.matchAll(/<(input|select|textarea)\b[^>]*>/g)].map((match) => match[0]);
    expect(controls.length).toBeGreaterThan(1);
    for (const control of controls) {
      if (/type="radio"/.test(control)) {
        expect(page).toMatch(new RegExp(`<label><input[^>]*value="${/value="([^"]*)"/.exec(control)?.[1]}"`));
        continue;
      }
      const id = /\bid="([^"]+)"/.exec(control)?.[1];
      expect(id, control).toBeDefined();
      expect(page).toContain(`for="${id}"`);
    }
    expect(page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(page).not.toMatch(/\sstyle=|\son[a-z]+=/);
  });

  it("marks each word it says for translation, with a known key", async () => {
    const page = await (await app.request(path)).text();
    const keys = [...page.matchAll(/data-text="([^"]+)"/g)].map((match) => match[1]);
    expect(keys.length).toBeGreaterThan(5);
    for (const key of keys) expect(Object.keys(WORDS.en)).toContain(key);
  });
});

describe("the pages' words", () => {
  it("exist in Spanish for every English one, with the same placeholders", () => {
    expect(Object.keys(WORDS.es).sort()).toEqual(Object.keys(WORDS.en).sort());
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const [key, english] of Object.entries(WORDS.en)) {
      expect(placeholders(WORDS.es[key as keyof typeof WORDS.es]), key).toEqual(placeholders(english));
    }
  });
});
