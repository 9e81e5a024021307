// Builds a request's agent context: the text is normalised and its language read once here, and every
// agent reads them from the context instead of working them out again.
import { isOtherLanguage, languageScores, likeliestLanguage } from "../locales/detect.js";
import { FALLBACK_LANGUAGE, isDayFirst, type Language, languageOfTag } from "../locales/index.js";
import { type NormalizedText, normalizeText } from "../temporal/text.js";
import type { AgentContext } from "./agent.js";

/** A text as the readers take it: normalised, with its language, whether it is foreign, and its date order. */
export interface ReadableText {
  text: NormalizedText;
  language: Language;
  foreign: boolean;
  dayFirst: boolean;
}

/**
 * The language is the one the caller knows, else the locale's (a validated tag), else the text's
 * (conventions, rule 1).
 */
export function readableText(original: string, locale: string | null, known?: Language): ReadableText {
  const text = normalizeText(original.trim());
  const scores = languageScores(text);
  const language =
    known ?? (locale !== null ? (languageOfTag(locale) ?? FALLBACK_LANGUAGE) : likeliestLanguage(scores));
  return { text, language, foreign: isOtherLanguage(scores), dayFirst: isDayFirst(language, locale) };
}

export type ContextInput = Omit<AgentContext, keyof ReadableText | "debug" | "llm"> & {
  text: string;
  /**
   * The language to read in when the caller knows it already (a test pinning it; a conversation's earlier
   * turns), otherwise the locale's or the text's.
   */
  language?: Language;
  debug?: AgentContext["debug"];
  llm?: AgentContext["llm"];
};

const quiet = () => {};

/** Every context has the same fields in the same order: agents read them on every request. */
export function createAgentContext(input: ContextInput): AgentContext {
  const { text, language, foreign, dayFirst } = readableText(input.text, input.locale, input.language);
  return {
    text,
    language,
    foreign,
    dayFirst,
    locale: input.locale,
    timezone: input.timezone,
    now: input.now,
    calendar: input.calendar,
    store: input.store,
    debug: input.debug ?? quiet,
    llm: input.llm ?? null,
  };
}
