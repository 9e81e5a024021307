// ReDoS gate: every regular expression the rules parser runs on user text (the temporal parsers of every
// registered locale, the field readers' vocabulary patterns, the exported *_PATTERNS, and the HTTP layer's
// validators) must be judged "safe" by recheck. A new pattern joins automatically through a locale or a
// *_PATTERNS array.
import { checkSync, type Diagnostics } from "recheck";
import { describe, expect, it } from "vitest";
import { DIALOGUE_PATTERNS } from "../../../src/conversation/vocabulary.js";
import { SAFE_ID } from "../../../src/http/request-id.js";
import { CALENDAR_ID, OFFSET_INSTANT } from "../../../src/http/schemas/fields.js";
import { DUCKLING_LANGUAGE, DUCKLING_LOCALE } from "../../../src/http/schemas/locale.js";
import { JSON_CONTENT_TYPE } from "../../../src/http/validation.js";
import { SPAN_PATTERNS } from "../../../src/locales/common/time-spans.js";
import { DETECTION_PATTERNS } from "../../../src/locales/detect.js";
import { FOLLOWED_BY_TIME } from "../../../src/locales/en/temporal/weekday.js";
import {
  APPOINTMENT_OF,
  CLOCK_AFTER,
  MORNING_ARTICLE,
  NAMED_BEFORE,
} from "../../../src/locales/es/temporal/relative-day.js";
import { LANGUAGES, LOCALES } from "../../../src/locales/index.js";
import { HOLIDAY_PARSERS } from "../../../src/temporal/appointment-holidays.js";
import { CHRONO_FALLBACK_PATTERNS } from "../../../src/temporal/chrono-fallback.js";
import { COMPOSE_PATTERNS } from "../../../src/temporal/duckling/compose.js";
import { DUCKLING_HOLIDAY_PATTERNS } from "../../../src/temporal/duckling/holidays.js";
import { ZONE_AFTER_PATTERNS } from "../../../src/temporal/duckling/zone-after.js";
import { HOLIDAY_PATTERNS } from "../../../src/temporal/holidays/index.js";
import { GATE_PATTERNS } from "../../../src/temporal/parser-gates.js";
import { TEXT_PATTERNS } from "../../../src/temporal/text.js";
import type { Parser } from "../../../src/temporal/types.js";
import { CHOICE_PATTERNS } from "./choice-words.js";
import { CORRECTION_PATTERNS } from "./corrections.js";
import { LOCATION_PATTERNS } from "./location.js";
import { NAME_SPAN_PATTERNS } from "./name-spans.js";
import { NAME_WORD_PATTERNS } from "./name-words.js";
import { NOT_TIME_PATTERNS } from "./not-times.js";
import { PERSON_CUE_PATTERNS } from "./person-cues.js";
import { SLOT_NUMBER_PATTERNS } from "./slot-numbers.js";
import { VOCABULARY_PATTERNS } from "./vocabulary.js";
import { WINDOW_PATTERNS } from "./windows.js";
import { WORD_PATTERNS } from "./words.js";

interface NamedPattern {
  name: string;
  pattern: RegExp;
}

function named(label: string, parsers: readonly Parser[]): NamedPattern[] {
  return parsers.map((parser) => ({ name: `${label} ${parser.name}`, pattern: parser.pattern }));
}

/** Every registered locale's parsers: the appointment ones, Duckling's additions and its latent ones. */
const LOCALE_SOURCES: Record<string, readonly NamedPattern[]> = Object.fromEntries(
  LANGUAGES.flatMap((language) => {
    const { parsers, duckling } = LOCALES[language].temporal;
    return [
      [`temporal parsers (${language})`, named(`temporal.parsers ${language}`, parsers)],
      [`Duckling parsers (${language})`, named(`duckling ${language}`, duckling.parsers)],
      [`Duckling latent parsers (${language})`, named(`duckling latent ${language}`, duckling.latentParsers)],
    ];
  }),
);

const SOURCES: Record<string, readonly NamedPattern[]> = {
  ...LOCALE_SOURCES,
  "holiday parsers": named("holidays", Object.values(HOLIDAY_PARSERS)),
  ...Object.fromEntries(
    Object.entries({
      VOCABULARY_PATTERNS,
      WORD_PATTERNS,
      NAME_PATTERNS: [...NAME_WORD_PATTERNS, ...NAME_SPAN_PATTERNS, ...PERSON_CUE_PATTERNS],
      SLOT_NUMBER_PATTERNS,
      CHOICE_PATTERNS,
      CORRECTION_PATTERNS,
      SPAN_PATTERNS,
      WINDOW_PATTERNS,
      DETECTION_PATTERNS,
      TEXT_PATTERNS,
      CHRONO_FALLBACK_PATTERNS,
      GATE_PATTERNS,
      COMPOSE_PATTERNS,
      ZONE_AFTER_PATTERNS,
      HOLIDAY_PATTERNS,
      DUCKLING_HOLIDAY_PATTERNS,
      LOCALE_HELPERS: [MORNING_ARTICLE, APPOINTMENT_OF, NAMED_BEFORE, CLOCK_AFTER, FOLLOWED_BY_TIME],
      DIALOGUE_PATTERNS,
      NOT_TIME_PATTERNS,
      LOCATION_PATTERNS,
    }).map(([list, patterns]) => [
      list,
      patterns.map((pattern, index) => ({ name: `${list}[${index}]`, pattern })),
    ]),
  ),
  http: Object.entries({
    SAFE_ID,
    OFFSET_INSTANT,
    CALENDAR_ID,
    DUCKLING_LOCALE,
    DUCKLING_LANGUAGE,
    JSON_CONTENT_TYPE,
  }).map(([name, pattern]) => ({ name: `http ${name}`, pattern })),
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
