// What a language brings to Cita. A locale is one folder (src/locales/<code>/) exporting one `Locale`; the
// registry (./index.ts) lists them. Every part is required: src/locales/locales.test.ts fails when a registered
// locale lacks one, so a forgotten part is never a silent fallback to another language.
// Words are written folded (lower case, no accents), as the readers match them; word lists of every
// registered language are read together, since people mix them ("cita with Dr. Lee").
import type { ParsedResult } from "chrono-node";
import type { Parser, PartOfDay } from "../temporal/types.js";
import type { Messages } from "./messages.js";

export interface Locale {
  /** ISO 639-1 code: what request locales and Duckling locales start with, and answers' `language`. */
  readonly code: string;
  /** The language's English name, for the LLM prompt ("es" for Spanish). */
  readonly englishName: string;
  /** The Intl locale that writes dates in messages ("lunes, 26 de enero, 10:00"). */
  readonly intlLocale: string;
  /** Whether a numeric date reads day first ("3/4" is 3 April), given the tag's region subtag (upper case) or none. */
  dayFirst(region: string | null): boolean;
  /** Duckling client locales answered in this language, for documentation (`es_MX`...). */
  readonly ducklingLocales: readonly string[];
  /** Words that tell the language apart when a request gives no locale (src/locales/detect.ts). */
  readonly detection: Detection;
  /** The words the rules readers look for, per field. */
  readonly fields: FieldVocabulary;
  readonly dialogue: DialogueVocabulary;
  /** Every message Cita sends back, in this language. */
  readonly messages: Messages;
  readonly temporal: TemporalLocale;
}

export interface Detection {
  /** Common words of the language. */
  readonly words: readonly string[];
  /** Characters only this language writes (Spanish ñ, ¿, ¡): each text that has one scores `markWeight` more. */
  readonly marks: RegExp | null;
  readonly markWeight: number;
}

/**
 * Vocabularies of the field readers (agents/parsing/rules, agents/geo). Items are folded words or phrases;
 * where a reader builds a regular expression from them (`intent`, `titles`) an item may be a small
 * linear fragment such as `reserv[a-z]{0,6}`, checked by the ReDoS gate like every pattern.
 */
export interface FieldVocabulary {
  readonly contact: {
    /** Titles before a name ("dr", "doctora", "mrs"), without their dot. */
    readonly titles: readonly string[];
    /** Titles that name a role when no name follows ("la doctora"): the service, not a contact. */
    readonly roleTitles: readonly string[];
    /** Words before the person ("con", "with"). */
    readonly with: readonly string[];
    /** Articles and possessives skipped before a name. */
    readonly articles: readonly string[];
    /**
     * What "con"/"with" introduces that is no name when written in lower case: people named by what they
     * are to the user ("mi jefe", "the team", "mom") and what one pays or comes with ("obra social", "cash").
     */
    readonly relations: readonly string[];
    /** Verbs whose object is a person, with Spanish's personal "a" ("call", "meet", "llamar a", "ver a"). */
    readonly personVerbs: readonly string[];
    /** A person's occasions, after a possessive or before "of"/"de" ("peter's birthday", "cumple de sofi"). */
    readonly occasions: readonly string[];
    /** Words joining an occasion to its person ("birthday of", "cumple de"). */
    readonly occasionOf: readonly string[];
    /**
     * The parts and kinds of calendar entries ("start times", "location", "agenda", "recordatorio"): after
     * "with" or a verb they are what the entry has, never a person.
     */
    readonly calendarNouns: readonly string[];
  };
  readonly service: {
    /** What appointments are for, services and roles ("corte de pelo", "dentist"). */
    readonly phrases: readonly string[];
    /** "cita para …", "appointment for …": the nouns, the joining words and the articles skipped after them. */
    readonly requestNouns: readonly string[];
    readonly for: readonly string[];
    readonly articles: readonly string[];
  };
  readonly place: {
    /** Words before a place ("en", "near"). */
    readonly prepositions: readonly string[];
    /** Articles and possessives skipped before a place. */
    readonly articles: readonly string[];
    /** Words allowed inside a place phrase, never at its end ("de", "of"). */
    readonly joiners: readonly string[];
    /** Words that join the parts of a place's name, for the Geo agent ("Las Palmas de Gran Canaria"). */
    readonly nameJoiners: readonly string[];
    /** Articles that may start a place's name ("La Paz", "The Bronx"). */
    readonly nameArticles: readonly string[];
    /** Kinds of venue, the head noun of a phrase and never the place name ("clínica", "office"). */
    readonly venues: readonly string[];
    /** Street words before the street's name ("avenida") and after it ("street"). */
    readonly streetsBefore: readonly string[];
    readonly streetsAfter: readonly string[];
    /** Words that never start a place after a preposition ("in my calendar", "in advance", "en persona"). */
    readonly notPlaces: readonly string[];
    /** Words after which a preposition starts no place ("look at", "turn in", "pensar en"). */
    readonly notBefore: readonly string[];
  };
  readonly intent: {
    /** Words that ask for an appointment ("cita", "book"). */
    readonly appointment: readonly string[];
    /** Chat that is not a request (the weather, how-are-you): wins over a date or time. */
    readonly smallTalk: readonly string[];
    /** Greetings and goodbyes: a request only with a clock time or a place. */
    readonly courtesy: readonly string[];
    /**
     * The wordings of rule 22 (agents/parsing/rules/intent.ts). Unlike the lists above, an item may hold a
     * grouped alternation ("pas(?:ar|o) (?:el|mi) turno"), never a top-level one, and " ... " for up to
     * three words of the same clause ("is ... free": "is 3pm free", "is tomorrow at 3 free").
     */
    readonly wording: IntentWording;
  };
  /** Words that end a name or a place phrase: articles, prepositions, time words, chat filler. */
  readonly stopwords: readonly string[];
  /**
   * Dialect cues (rule 25): words that tell which countries the writer is from, by ISO 3166-1 alpha-2
   * code ("vos", "turno": AR and UY; "vale", "vosotros": ES), for a place found in several countries.
   */
  readonly dialects: Readonly<Record<string, readonly string[]>>;
  /** How one message bounds, corrects or offers a slot (rules 20, 21, 27), folded phrases. */
  readonly choices: ChoiceVocabulary;
}

/** The words of rules 20, 21 and 27 (agents/parsing/rules/choices.ts), each matched as whole words. */
export interface ChoiceVocabulary {
  /** Before a time that opens a window after it ("after", "después de") or before it ("before", "hasta"). */
  readonly after: readonly string[];
  readonly before: readonly string[];
  /** After a time, the same ("from 5pm on", "a las 5 en adelante"; "at 10 or earlier"). */
  readonly afterFollowing: readonly string[];
  readonly beforeFollowing: readonly string[];
  /** Between two values, the later replaces the earlier ("digo", "actually", "make it"). */
  readonly replace: readonly string[];
  /** Right before a value, it is taken back ("no el lunes", "not Monday"). */
  readonly negate: readonly string[];
  /** Joins alternatives ("o", "or"), unless one of `notAlternative` follows it ("o sea", "or rather"). */
  readonly or: readonly string[];
  readonly notAlternative: readonly string[];
}

/**
 * How a conversation's replies are read (src/conversation): folded phrases, each matched whole-word. The
 * reader compiles every registered language's together, since people mix them.
 */
export interface DialogueVocabulary {
  /** Replies that accept an offer or a confirmation ("si", "dale", "sounds good", "that works"). */
  readonly accept: readonly string[];
  /** Replies that refuse one ("no", "no puedo", "that doesn't work", "anything later"). */
  readonly reject: readonly string[];
  /** Phrases that refuse the day or time named in the same clause ("el jueves no puedo", "Monday doesn't work"). */
  readonly refuseValue: readonly string[];
  /** Words that call an appointment off outright ("cancelar", "cancel it"), unlike "no puedo ir" after an offer. */
  readonly cancelOutright: readonly string[];
  /** Ordinal words that pick among listed options, with their position (-1: the last). */
  readonly ordinals: Readonly<Record<string, number>>;
  /** The day already named ("ese dia", "that day"). */
  readonly sameDay: readonly string[];
  /** The time already named ("a la misma hora", "same time"). */
  readonly sameTime: readonly string[];
  /** The day after the one named ("el dia siguiente", "the day after"). */
  readonly dayAfter: readonly string[];
  /** An assistant saying a slot cannot be had ("ya está ocupado", "is not available"): that slot is no offer. */
  readonly unavailable: readonly string[];
  /** Words that only fill a reply out ("gracias", "me parece", "that would be"): they neither accept nor refuse. */
  readonly fillers: readonly string[];
  /** A user saying an appointment already exists ("tengo turno", "my appointment"): its slot is the one to move. */
  readonly existing: readonly string[];
  /** An assistant's question for the user's own name: the reply names the user, not the contact (rule 9). */
  readonly askName: readonly string[];
}

/**
 * What tells a reschedule, a cancel and a question about free times from a booking (rule 22), and which of
 * a reschedule's dates and times name the existing appointment and which the new one.
 */
export interface IntentWording {
  /** Moving an existing appointment ("reprogramar", "pasar el turno", "push back"). */
  readonly reschedule: readonly string[];
  /** Calling one off ("cancelar", "no voy a poder ir", "can't make it"). */
  readonly cancel: readonly string[];
  /** Questions about free times that stand alone ("¿qué horarios tienen?", "any openings"). */
  readonly availability: readonly string[];
  /**
   * Questions about free times only beside a date, a time or an appointment word ("hay lugar", "is … free"):
   * "¿hay lugar para estacionar?" asks about no appointment.
   */
  readonly availabilityWithDate: readonly string[];
  /** Asking to be booked ("reservar", "book me"): a question that also asks this is a booking. */
  readonly booking: readonly string[];
  /** Proposing another slot ("¿puede ser…?", "how about"): after a cancel, the text asks to move instead. */
  readonly proposal: readonly string[];
  /**
   * Words that negate a wording one to three words after them ("no quiero cancelar", "don't cancel"), with a
   * straight apostrophe (a curly one is read as straight).
   */
  readonly negation: readonly string[];
  /** Words right before the existing appointment's date or time ("del", "from", "my", "tengo"). */
  readonly previousSlot: readonly string[];
  /** Words right before the new slot's date or time ("al", "para", "to", "instead"). */
  readonly nextSlot: readonly string[];
  /**
   * Of the slot words, those after which a bare number is a day of the month ("al 20", "del 15"), not an
   * hour.
   */
  readonly dayBefore: readonly string[];
}

export interface TemporalLocale {
  /** The parsers of appointment requests, in priority order (each `temporal/configuration.ts`). */
  readonly parsers: readonly Parser[];
  /**
   * Month names (folded, abbreviations included) and their numbers. The shared range and latent parsers
   * (../common) read every locale's; src/locales/locales.test.ts checks they do.
   */
  readonly months: Readonly<Record<string, number>>;
  /** Weekday names (folded, abbreviations included) and their ISO numbers: names too after a title (rule 24). */
  readonly weekdays: Readonly<Record<string, number>>;
  /** chrono-node's parser for this language (chrono.es, chrono.en.GB...), asked for dates ours missed. */
  chrono(dayFirst: boolean): ChronoParser;
  readonly duckling: DucklingLocale;
}

export interface ChronoParser {
  parse(text: string, reference: Date): ParsedResult[];
}

/** What Duckling's reading (POST /parse) adds for this language. */
export interface DucklingLocale {
  /** Parsers added before the core ones (quarters, spans, spelled-out clocks, ranges...). */
  readonly parsers: readonly Parser[];
  /** Parsers of latent readings, run when a client asks for them. */
  readonly latentParsers: readonly Parser[];
  /** Parts of the day as Duckling reads them in this language: [from, to) hours. */
  readonly partsOfDay: Readonly<Record<PartOfDay, readonly [number, number]>>;
  /** Whether a clock range ("9:30 - 11:00") ends at the time said rather than one grain later. */
  readonly clockRangesEndExactly: boolean;
}
