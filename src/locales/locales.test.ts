// The locale registry: every registered locale has every part (a forgotten one fails here rather than fall
// back to another language), its words are written as the readers match them, and the registry's choices
// of a language, a date order and a message hold at their edges.
import { describe, expect, it } from "vitest";
import { normalizeText } from "../temporal/text.js";
import type { PartOfDay } from "../temporal/types.js";
import { isOtherLanguage, languageScores, likeliestLanguage } from "./detect.js";
import {
  FALLBACK_LANGUAGE,
  isDayFirst,
  LANGUAGES,
  LOCALES,
  languageOfTag,
  localize,
  perLanguage,
  regionOfTag,
} from "./index.js";
import type { Locale } from "./locale.js";
import { MESSAGE_KEYS } from "./messages.js";

const PARTS_OF_DAY: readonly PartOfDay[] = [
  "dawn",
  "morning",
  "noon",
  "afternoon",
  "evening",
  "night",
  "lateNight",
];

/** Lists a reader cannot do without; the others may be empty for a language (English has no street word before a name). */
const REQUIRED_WORDS = {
  "contact.titles": (locale: Locale) => locale.fields.contact.titles,
  "contact.with": (locale: Locale) => locale.fields.contact.with,
  "contact.articles": (locale: Locale) => locale.fields.contact.articles,
  "service.phrases": (locale: Locale) => locale.fields.service.phrases,
  "service.requestNouns": (locale: Locale) => locale.fields.service.requestNouns,
  "service.for": (locale: Locale) => locale.fields.service.for,
  "service.articles": (locale: Locale) => locale.fields.service.articles,
  "place.prepositions": (locale: Locale) => locale.fields.place.prepositions,
  "place.articles": (locale: Locale) => locale.fields.place.articles,
  "place.joiners": (locale: Locale) => locale.fields.place.joiners,
  "place.nameJoiners": (locale: Locale) => locale.fields.place.nameJoiners,
  "place.venues": (locale: Locale) => locale.fields.place.venues,
  "intent.appointment": (locale: Locale) => locale.fields.intent.appointment,
  "intent.smallTalk": (locale: Locale) => locale.fields.intent.smallTalk,
  "intent.courtesy": (locale: Locale) => locale.fields.intent.courtesy,
  "intent.wording.reschedule": (locale: Locale) => locale.fields.intent.wording.reschedule,
  "intent.wording.cancel": (locale: Locale) => locale.fields.intent.wording.cancel,
  "intent.wording.availability": (locale: Locale) => locale.fields.intent.wording.availability,
  "intent.wording.availabilityWithDate": (locale: Locale) =>
    locale.fields.intent.wording.availabilityWithDate,
  "intent.wording.booking": (locale: Locale) => locale.fields.intent.wording.booking,
  "intent.wording.proposal": (locale: Locale) => locale.fields.intent.wording.proposal,
  "intent.wording.negation": (locale: Locale) => locale.fields.intent.wording.negation,
  "intent.wording.previousSlot": (locale: Locale) => locale.fields.intent.wording.previousSlot,
  "intent.wording.nextSlot": (locale: Locale) => locale.fields.intent.wording.nextSlot,
  stopwords: (locale: Locale) => locale.fields.stopwords,
  "detection.words": (locale: Locale) => locale.detection.words,
} as const;

/** How many alternatives a fragment has outside its groups and character classes: one, as it is joined by "|". */
function topLevelAlternatives(fragment: string): number {
  let depth = 0;
  let inClass = false;
  let alternatives = 1;
  for (let index = 0; index < fragment.length; index++) {
    const character = fragment[index];
    if (character === "\\") index++;
    else if (inClass) inClass = character !== "]";
    else if (character === "[") inClass = true;
    else if (character === "(") depth++;
    else if (character === ")") depth--;
    else if (character === "|" && depth === 0) alternatives++;
  }
  return alternatives;
}

/** What a locale lacks, by the name of the part: empty when it is whole. */
function missingParts(locale: Locale): string[] {
  const missing: string[] = [];
  const need = (ok: unknown, part: string) => {
    if (!ok) missing.push(part);
  };
  need(/^[a-z]{2,3}$/.test(locale.code), "code");
  need(locale.englishName?.length > 0, "englishName");
  need(
    locale.intlLocale && Intl.DateTimeFormat.supportedLocalesOf(locale.intlLocale).length === 1,
    "intlLocale",
  );
  need(typeof locale.dayFirst === "function", "dayFirst");
  need(
    locale.ducklingLocales?.length > 0 &&
      locale.ducklingLocales.every(
        (tag) => languageOfTag(tag) === locale.code || tag.startsWith(locale.code),
      ),
    "ducklingLocales",
  );
  for (const [part, pick] of Object.entries(REQUIRED_WORDS)) need((pick(locale) ?? []).length > 0, part);
  for (const key of MESSAGE_KEYS) need(locale.messages?.[key]?.trim(), `messages.${key}`);
  const temporal = locale.temporal;
  need(temporal?.parsers?.length > 0, "temporal.parsers");
  need(Object.keys(temporal?.months ?? {}).length >= 12, "temporal.months");
  need(
    typeof temporal?.chrono === "function" && typeof temporal.chrono(false).parse === "function",
    "temporal.chrono",
  );
  need(temporal?.duckling?.parsers?.length > 0, "temporal.duckling.parsers");
  need(temporal?.duckling?.latentParsers?.length > 0, "temporal.duckling.latentParsers");
  for (const part of PARTS_OF_DAY) {
    const hours = temporal?.duckling?.partsOfDay?.[part];
    need(
      hours && hours[0] >= 0 && hours[0] < hours[1] && hours[1] <= 24,
      `temporal.duckling.partsOfDay.${part}`,
    );
  }
  need(
    typeof temporal?.duckling?.clockRangesEndExactly === "boolean",
    "temporal.duckling.clockRangesEndExactly",
  );
  return missing;
}

describe("the locale registry", () => {
  it.each(LANGUAGES)("%s has every part", (language) => {
    expect(missingParts(LOCALES[language])).toEqual([]);
  });

  it("catches a forgotten part", () => {
    const spanish = LOCALES.es;
    const { timeMissing: _, ...messages } = spanish.messages;
    const broken = {
      ...spanish,
      messages,
      fields: { ...spanish.fields, stopwords: [] },
      temporal: { ...spanish.temporal, duckling: { ...spanish.temporal.duckling, latentParsers: [] } },
    } as unknown as Locale;
    expect(missingParts(broken)).toEqual([
      "stopwords",
      "messages.timeMissing",
      "temporal.duckling.latentParsers",
    ]);
  });

  it("keys each locale by its own code, once", () => {
    for (const language of LANGUAGES) expect(LOCALES[language].code).toBe(language);
    expect(new Set(LANGUAGES).size).toBe(LANGUAGES.length);
    expect(LANGUAGES).toContain(FALLBACK_LANGUAGE);
  });

  it.each(LANGUAGES)("%s writes its words folded, as the readers match them", (language) => {
    const locale = LOCALES[language];
    const lists = [
      ...Object.values(locale.fields.contact),
      ...Object.values(locale.fields.service),
      ...Object.values(locale.fields.place),
      locale.fields.stopwords,
      ...Object.values(locale.fields.dialects),
      locale.detection.words,
      Object.keys(locale.temporal.months),
    ];
    for (const list of lists) {
      for (const word of list) expect(normalizeText(word).folded, `"${word}"`).toBe(word);
    }
  });

  it.each(LANGUAGES)("%s writes its intent fragments as single alternatives that compile", (language) => {
    const { intent } = LOCALES[language].fields;
    for (const fragment of [...intent.appointment, ...intent.smallTalk, ...intent.courtesy]) {
      expect(fragment, fragment).not.toMatch(/\|/);
      expect(() => new RegExp(fragment)).not.toThrow();
    }
  });

  it.each(LANGUAGES)("%s writes its rule-22 wordings folded, as fragments that compile", (language) => {
    const { wording } = LOCALES[language].fields.intent;
    for (const fragment of Object.values(wording).flat()) {
      expect(normalizeText(fragment).folded, fragment).toBe(fragment);
      const parts = fragment.split(" ... ");
      expect(parts.length, `${fragment}: one gap at most`).toBeLessThanOrEqual(2);
      for (const part of parts) {
        expect(topLevelAlternatives(part), part).toBe(1);
        expect(() => new RegExp(part), part).not.toThrow();
      }
    }
    for (const word of [...wording.negation, ...wording.dayBefore]) expect(word, word).toMatch(/^[a-z' ]+$/);
  });

  it("counts a fragment's top-level alternatives, so a stray one is caught", () => {
    expect(topLevelAlternatives("pas(?:ar|o) (?:el|mi) turno")).toBe(1);
    expect(topLevelAlternatives("cancelar|anular")).toBe(2);
    expect(topLevelAlternatives("[|]a")).toBe(1);
  });

  it.each(LANGUAGES)("%s month names reach the shared range parsers, all of them", async (language) => {
    const { rangeParsers } = await import("./common/ranges.js");
    const sources = rangeParsers.map((parser) => parser.pattern.source).join(" ");
    for (const month of Object.keys(LOCALES[language].temporal.months)) {
      expect(sources, month).toMatch(new RegExp(`[(|]${month}[|)]`));
    }
  });

  it.each(LANGUAGES)(
    "%s month names reach the shared latent parser, each month's full name",
    async (language) => {
      const { genericLatentParsers } = await import("./common/latent.js");
      const source = genericLatentParsers.find((parser) => parser.name === "latent/month")!.pattern.source;
      const fullNames = new Map<number, string>();
      for (const [name, month] of Object.entries(LOCALES[language].temporal.months)) {
        if (name.length > (fullNames.get(month)?.length ?? 0)) fullNames.set(month, name);
      }
      expect(fullNames.size).toBe(12);
      for (const name of fullNames.values()) expect(source, name).toMatch(new RegExp(`[(|]${name}[|)]`));
    },
  );
});

describe("choosing a language", () => {
  it.each([
    ["es", "es"],
    ["es-MX", "es"],
    ["es_MX", "es"],
    ["ES-ar", "es"],
    ["en", "en"],
    ["en-GB", "en"],
    ["en_US", "en"],
    ["fr", null],
    ["fr_FR", null],
    ["esp", null],
    ["e", null],
    ["", null],
  ])("the tag %s reads as %s", (tag, language) => {
    expect(languageOfTag(tag)).toBe(language);
  });

  it.each([
    ["es-MX", "MX"],
    ["es_mx", "MX"],
    ["es-419", "419"],
    ["es", null],
    [null, null],
  ])("the region of %s is %s", (tag, region) => {
    expect(regionOfTag(tag)).toBe(region);
  });

  it.each([
    ["es", null, true],
    ["es", "es-US", true],
    ["en", null, false],
    ["en", "en", false],
    ["en", "en-US", false],
    ["en", "en_us", false],
    ["en", "en-GB", true],
    ["en", "en-AU", true],
    ["en", "en-001", true],
  ] as const)("%s with locale %s reads numeric dates day first: %s", (language, tag, dayFirst) => {
    expect(isDayFirst(language, tag)).toBe(dayFirst);
  });

  it("answers in the locale's words", () => {
    expect(localize("es", "timeMissing")).toBe("¿A qué hora quieres la cita?");
    expect(localize("en", "timeMissing")).toBe("What time would you like the appointment?");
  });

  it("builds one entry per language", () => {
    expect(perLanguage((language) => language.toUpperCase())).toEqual({ es: "ES", en: "EN" });
  });
});

describe("detecting the language of a text", () => {
  const scores = (text: string) => languageScores(normalizeText(text));

  it("counts each language's words and Spanish marks", () => {
    // Five Spanish words and the ñ (worth two).
    expect(scores("cita mañana con el dentista").languages).toEqual({ es: 7, en: 0 });
    expect(scores("¿the dentist?").languages).toEqual({ es: 2, en: 2 });
    expect(scores("appointment tomorrow").languages).toEqual({ es: 0, en: 2 });
  });

  it("picks the higher score; a tie goes to English", () => {
    expect(likeliestLanguage(scores("cita mañana"))).toBe("es");
    expect(likeliestLanguage(scores("¿the dentist?"))).toBe("en");
    expect(likeliestLanguage(scores("¿the dentist mañana?"))).toBe("es");
    expect(likeliestLanguage(scores("xyz"))).toBe("en");
  });

  it("calls a text foreign only with two words of another language, more than of any of ours", () => {
    expect(isOtherLanguage(scores("je voudrais un rendez-vous demain"))).toBe(true);
    expect(isOtherLanguage(scores("bonjour"))).toBe(false);
    expect(isOtherLanguage(scores("bonjour merci, cita mañana con el dentista"))).toBe(false);
    // Two of another language's words against two of Spanish's: not more, so not foreign.
    expect(isOtherLanguage(scores("bonjour merci cita hoy"))).toBe(false);
  });
});
