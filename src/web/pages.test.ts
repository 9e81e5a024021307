// The console's shells (the playground, the golden page, /ops): HTML under the pages' Content-Security-Policy,
// every control with a label, scripts and styles only as files, the shared header with the page marked, and
// every word the pages say in English and in Spanish.
import { describe, expect, it } from "vitest";
import { createApp } from "../app.js";
import { readConfig } from "../config.js";
import { CONTENT_SECURITY_POLICY } from "./page.js";
import { WORDS as OPS_WORDS } from "./public/static/ops/words.js";
import { WORDS as PLAYGROUND_WORDS } from "./public/static/playground/words.js";
import { PAGE_PATHS } from "./routes.js";

const app = createApp({ config: readConfig({}) });

/** Each page's words, as its script's language reads them. */
const TABLES: Record<
  (typeof PAGE_PATHS)[number],
  { en: Record<string, string>; es: Record<string, string> }
> = {
  "/": PLAYGROUND_WORDS,
  "/golden": PLAYGROUND_WORDS,
  "/ops": OPS_WORDS,
};

describe.each(PAGE_PATHS)("GET %s", (path) => {
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
    for (const key of keys) expect(Object.keys(TABLES[path].en)).toContain(key);
  });

  it("has the console's header: the three pages, this one marked current, and the language switch", async () => {
    const page = await (await app.request(path)).text();
    const links = [...page.matchAll(/<a href="([^"]+)"( aria-current="page")?>/g)].map((match) => [
      match[1],
      match[2] !== undefined,
    ]);
    expect(links).toEqual(PAGE_PATHS.map((other) => [other, other === path]));
    expect(page).toMatch(/<select id="page-language">/);
    expect(page).toContain('href="/static/console.css"');
  });
});

describe.each([
  ["the playground's and golden page's", PLAYGROUND_WORDS],
  ["the operations page's", OPS_WORDS],
])("%s words", (_name, words: { en: Record<string, string>; es: Record<string, string> }) => {
  it("exist in Spanish for every English one, with the same placeholders", () => {
    expect(Object.keys(words.es).sort()).toEqual(Object.keys(words.en).sort());
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const [key, english] of Object.entries(words.en)) {
      expect(words.es[key], key).toBeDefined();
      expect(placeholders(words.es[key] ?? ""), key).toEqual(placeholders(english));
    }
  });
});
