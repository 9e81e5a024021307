// The field readers' words, of every registered language at once (people mix them: "cita with Dr. Lee"),
// compiled once into the sets and patterns the readers run. The words themselves live in each locale's
// fields.ts (src/locales/<code>/fields.ts).
import { allLocales } from "../../../src/locales/index.js";
import type { IntentWording } from "../../../src/locales/locale.js";
import { alternation, compileWording } from "./wording.js";

const words = (items: readonly string[]) =>
  alternation(items.map((item) => item.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
/** Intent words may be small fragments such as `reserv[a-z]{0,6}` (the ReDoS gate checks the result). */
const fragments = alternation;

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
export const RELATIONS: ReadonlySet<string> = new Set(
  allLocales((locale) => locale.fields.contact.relations),
);
export const CONTACT_ARTICLES: ReadonlySet<string> = new Set(
  allLocales((locale) => locale.fields.contact.articles),
);
/** "call", "meet", "llamar a": a person follows (rule 24). */
export const PERSON_VERB = new RegExp(
  `\\b(?:${words(allLocales((locale) => locale.fields.contact.personVerbs))})(?= )`,
  "g",
);
export const OCCASIONS: ReadonlySet<string> = new Set(
  allLocales((locale) => locale.fields.contact.occasions),
);
export const OCCASION_OF: ReadonlySet<string> = new Set(
  allLocales((locale) => locale.fields.contact.occasionOf),
);
export const CALENDAR_NOUNS: ReadonlySet<string> = new Set(
  allLocales((locale) => locale.fields.contact.calendarNouns),
);
/** Places' kinds ("center", "gym", "clínica"): the object of "call" or "meet" that is one is no person. */
export const VENUES: ReadonlySet<string> = new Set(allLocales((locale) => locale.fields.place.venues));
/**
 * Month and weekday names of every language, written out: names too after a title or "with" ("Dr. Mayo",
 * "with April"). Abbreviations ("set", "mar", "sat") are left out: they are common words more often.
 */
export const CALENDAR_NAMES: ReadonlySet<string> = new Set(
  allLocales((locale) => [...writtenOut(locale.temporal.months), ...writtenOut(locale.temporal.weekdays)]),
);

/** The names that no longer name of the same number begins with ("may" in English, not in Spanish). */
function writtenOut(names: Readonly<Record<string, number>>): string[] {
  const entries = Object.entries(names);
  return entries
    .filter(([name, number]) =>
      entries.every(([other, value]) => value !== number || other === name || !other.startsWith(name)),
    )
    .map(([name]) => name);
}

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

const wording = (key: keyof IntentWording) => allLocales((locale) => locale.fields.intent.wording[key]);

export const RESCHEDULE = compileWording(wording("reschedule"));
export const CANCEL = compileWording(wording("cancel"));
export const AVAILABILITY = compileWording(wording("availability"));
export const AVAILABILITY_WITH_DATE = compileWording(wording("availabilityWithDate"));
export const BOOKING = compileWording(wording("booking"));
export const PROPOSAL = compileWording(wording("proposal"));
export const PREVIOUS_SLOT = compileWording(wording("previousSlot"));
export const NEXT_SLOT = compileWording(wording("nextSlot"));
/** Words that take back the wording right after them, written with a straight apostrophe. */
export const NEGATION: ReadonlySet<string> = new Set(wording("negation"));
/** Slot words after which a bare number is a day of the month ("al 20", "del 15"). */
export const DAY_BEFORE: ReadonlySet<string> = new Set(wording("dayBefore"));

export const VOCABULARY_PATTERNS: readonly RegExp[] = [
  SERVICE_PATTERN,
  FOR_PHRASE,
  TITLE,
  WITH,
  PERSON_VERB,
  PLACE_PREPOSITION,
  APPOINTMENT,
  SMALL_TALK,
  COURTESY,
  ...[
    RESCHEDULE,
    CANCEL,
    AVAILABILITY,
    AVAILABILITY_WITH_DATE,
    BOOKING,
    PROPOSAL,
    PREVIOUS_SLOT,
    NEXT_SLOT,
  ].flatMap((wording) => wording.patterns),
];

/** Words that never start a place ("in my calendar", "in advance", "en persona"). */
export const NOT_PLACES: ReadonlySet<string> = new Set(allLocales((locale) => locale.fields.place.notPlaces));
/** Words after which a place preposition starts no place ("look at", "turn in"). */
export const NOT_BEFORE_PLACE: ReadonlySet<string> = new Set(
  allLocales((locale) => locale.fields.place.notBefore),
);
