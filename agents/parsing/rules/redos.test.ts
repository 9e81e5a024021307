// ReDoS gate: every regular expression the rules parser runs on user text (the temporal parsers of both
// languages, the rule files' exported *_PATTERNS, and the HTTP layer's validators) must be judged "safe"
// by recheck. A new pattern joins automatically through PARSERS or a *_PATTERNS array.
import { checkSync, type Diagnostics } from "recheck";
import { describe, expect, it } from "vitest";
import { SAFE_ID } from "../../../src/http/request-id.js";
import { CALENDAR_ID, OFFSET_INSTANT } from "../../../src/http/schemas/fields.js";
import { SUPPORTED_LANGUAGE } from "../../../src/http/schemas/locale.js";
import { JSON_CONTENT_TYPE } from "../../../src/http/validation.js";
import { COMPOSE_PATTERNS } from "../../../src/temporal/duckling/compose.js";
import { DUCKLING_HOLIDAY_PATTERNS } from "../../../src/temporal/duckling/holidays.js";
import { latentParsersFor } from "../../../src/temporal/duckling/latent.js";
import { EXTRACT_PATTERNS, PARSERS } from "../../../src/temporal/extract.js";
import { HOLIDAY_PATTERNS } from "../../../src/temporal/holidays/index.js";
import { rangeParsers } from "../../../src/temporal/locales/common/ranges.js";
import { boundaryParser } from "../../../src/temporal/locales/en/boundary.js";
import { englishDucklingParsers } from "../../../src/temporal/locales/en/duckling.js";
import { FOLLOWED_BY_TIME } from "../../../src/temporal/locales/en/weekday.js";
import { spanishDucklingParsers } from "../../../src/temporal/locales/es/duckling.js";
import { MORNING_ARTICLE } from "../../../src/temporal/locales/es/relative-day.js";
import { TEXT_PATTERNS } from "../../../src/temporal/text.js";
import { CONTACT_PATTERNS } from "./contact.js";
import { INTENT_PATTERNS } from "./intent.js";
import { LANGUAGE_PATTERNS } from "./language.js";
import { LOCATION_PATTERNS } from "./location.js";
import { SERVICE_PATTERNS } from "./service.js";
import { WORD_PATTERNS } from "./words.js";

interface NamedPattern {
  name: string;
  pattern: RegExp;
}

const SOURCES: Record<string, readonly NamedPattern[]> = {
  "temporal parsers (es)": PARSERS.es.map((parser) => ({
    name: `PARSERS.es ${parser.name}`,
    pattern: parser.pattern,
  })),
  "temporal parsers (en)": PARSERS.en.map((parser) => ({
    name: `PARSERS.en ${parser.name}`,
    pattern: parser.pattern,
  })),
  "Duckling parsers (common)": [...rangeParsers, boundaryParser].map((parser) => ({
    name: `duckling ${parser.name}`,
    pattern: parser.pattern,
  })),
  "Duckling latent parsers (en)": latentParsersFor("en").map((parser) => ({
    name: `duckling latent en ${parser.name}`,
    pattern: parser.pattern,
  })),
  "Duckling latent parsers (es)": latentParsersFor("es").map((parser) => ({
    name: `duckling latent es ${parser.name}`,
    pattern: parser.pattern,
  })),
  "Duckling parsers (es)": spanishDucklingParsers.map((parser) => ({
    name: `duckling es ${parser.name}`,
    pattern: parser.pattern,
  })),
  "Duckling parsers (en)": englishDucklingParsers.map((parser) => ({
    name: `duckling en ${parser.name}`,
    pattern: parser.pattern,
  })),
  ...Object.fromEntries(
    Object.entries({
      CONTACT_PATTERNS,
      SERVICE_PATTERNS,
      LOCATION_PATTERNS,
      INTENT_PATTERNS,
      WORD_PATTERNS,
      LANGUAGE_PATTERNS,
      TEXT_PATTERNS,
      EXTRACT_PATTERNS,
      COMPOSE_PATTERNS,
      HOLIDAY_PATTERNS,
      DUCKLING_HOLIDAY_PATTERNS,
      LOCALE_HELPERS: [MORNING_ARTICLE, FOLLOWED_BY_TIME],
    }).map(([list, patterns]) => [
      list,
      patterns.map((pattern, index) => ({ name: `${list}[${index}]`, pattern })),
    ]),
  ),
  http: Object.entries({ SAFE_ID, OFFSET_INSTANT, CALENDAR_ID, SUPPORTED_LANGUAGE, JSON_CONTENT_TYPE }).map(
    ([name, pattern]) => ({ name: `http ${name}`, pattern }),
  ),
};

const PATTERNS: readonly NamedPattern[] = Object.values(SOURCES).flat();

/** What to print when a pattern is not safe: the attack string recheck found, or why it gave up. */
function explain(diagnostics: Diagnostics): string {
  const head = `/${diagnostics.source}/${diagnostics.flags} is ${diagnostics.status}`;
  if (diagnostics.status === "vulnerable") {
    return `${head} (${diagnostics.complexity.summary}); attack: ${diagnostics.attack.pattern}`;
  }
  if (diagnostics.status === "unknown") return `${head}: ${JSON.stringify(diagnostics.error)}`;
  return head;
}

describe("ReDoS gate", () => {
  it("collects patterns from every source", () => {
    expect(PATTERNS.length).toBeGreaterThan(0);
    for (const [source, patterns] of Object.entries(SOURCES)) {
      expect(patterns.length, `${source} contributed no pattern`).toBeGreaterThan(0);
      for (const { name, pattern } of patterns) expect(pattern, name).toBeInstanceOf(RegExp);
    }
  });

  it("names each pattern once", () => {
    const names = PATTERNS.map(({ name }) => name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("recognises a known quadratic pattern, so a 'safe' verdict means something", () => {
    // The duration regex from shared/PITFALLS.md: 16k characters took 183 ms.
    const diagnostics = checkSync(String.raw`(\d+)\s*(?:h|hours?)\s*(\d+)?\s*(?:m|min)?`, "g");
    expect(diagnostics.status).toBe("vulnerable");
  });

  it.each(PATTERNS.map(({ name, pattern }) => [name, pattern] as const))("%s is safe", (_name, pattern) => {
    const diagnostics = checkSync(pattern.source, pattern.flags);
    expect(diagnostics.status, explain(diagnostics)).toBe("safe");
  });
});
