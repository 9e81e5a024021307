// The field readers' words, of every registered language at once (people mix them: "cita with Dr. Lee"),
// compiled once into the sets and patterns the readers run. The words themselves live in each locale's
// fields.ts (src/locales/<code>/fields.ts).
import { allLocales } from "../../../src/locales/index.js";

/** Longest first, so a phrase wins over its own start where a pattern has no boundary after it. */
function alternation(items: readonly string[], literal: boolean): string {
  return [...items]
    .sort((a, b) => b.length - a.length)
    .map((item) => (literal ? item.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") : item))
    .join("|");
}

const words = (items: readonly string[]) => alternation(items, true);
/** Intent words may be small fragments such as `reserv[a-z]{0,6}` (the ReDoS gate checks the result). */
const fragments = (items: readonly string[]) => alternation(items, false);

export const STOPWORDS: ReadonlySet<string> = new Set(allLocales((locale) => locale.fields.stopwords));

const SERVICES = allLocales((locale) => locale.fields.service.phrases);
/** A service phrase anywhere in folded text. */
export const SERVICE_PATTERN = new RegExp(`\\b(?:${words(SERVICES)})\\b`, "g");
/**
 * The service phrases themselves. Each is plain text starting and ending with a letter, so a phrase that
 * SERVICE_PATTERN matches whole is exactly one of them: a set look-up instead of running the pattern.
 */
const SERVICE_PHRASES: ReadonlySet<string> = new Set(SERVICES);
/** Titles that, with no name after them, are roles: "la doctora" is a service. */
export const ROLE_TITLES: ReadonlySet<string> = new Set(
  allLocales((locale) => locale.fields.contact.roleTitles),
);

/** Whether the whole phrase (folded) is a service or a role. */
export function isServiceWord(phrase: string): boolean {
  return SERVICE_PHRASES.has(phrase);
}

/** "cita para", "appointment for a": the phrase after it names the service. */
export const FOR_PHRASE = new RegExp(
  `\\b(?:${words(allLocales((locale) => locale.fields.service.requestNouns))}) (?:${words(allLocales((locale) => locale.fields.service.for))}) (?:(?:${words(allLocales((locale) => locale.fields.service.articles))}) )?(?=[a-z])`,
  "g",
);

export const TITLE = new RegExp(
  `\\b(${words(allLocales((locale) => locale.fields.contact.titles))})\\b\\.?`,
  "g",
);
// "avec" is French, but people write it inside Spanish and English too.
export const WITH = new RegExp(
  `\\b(?:${words([...allLocales((locale) => locale.fields.contact.with), "avec"])})(?= )`,
  "g",
);
export const CONTACT_ARTICLES: ReadonlySet<string> = new Set(
  allLocales((locale) => locale.fields.contact.articles),
);

/** "en", "near", "cerca de", or "@": a place follows. */
export const PLACE_PREPOSITION = new RegExp(
  `\\b(?:${words(allLocales((locale) => locale.fields.place.prepositions))})(?= )|@`,
  "g",
);
export const PLACE_ARTICLES: ReadonlySet<string> = new Set(
  allLocales((locale) => locale.fields.place.articles),
);
/** Joining words allowed inside a place name, never at its end. */
export const PLACE_JOINERS: ReadonlySet<string> = new Set(
  allLocales((locale) => locale.fields.place.joiners),
);

export const APPOINTMENT = new RegExp(
  `\\b(?:${fragments(allLocales((locale) => locale.fields.intent.appointment))})\\b`,
);
export const SMALL_TALK = new RegExp(
  `\\b(?:${fragments(allLocales((locale) => locale.fields.intent.smallTalk))})\\b`,
);
export const COURTESY = new RegExp(
  `\\b(?:${fragments(allLocales((locale) => locale.fields.intent.courtesy))})\\b`,
);

export const VOCABULARY_PATTERNS: readonly RegExp[] = [
  SERVICE_PATTERN,
  FOR_PHRASE,
  TITLE,
  WITH,
  PLACE_PREPOSITION,
  APPOINTMENT,
  SMALL_TALK,
  COURTESY,
];
