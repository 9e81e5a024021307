// Builds a request's agent context: the text (or each message of a conversation) is normalised and its
// language read once here, and every agent reads them from the context instead of working them out again.
import {
  isOtherLanguage,
  type LanguageScores,
  languageScores,
  likeliestLanguage,
} from "../locales/detect.js";
import { FALLBACK_LANGUAGE, isDayFirst, LANGUAGES, type Language, languageOfTag } from "../locales/index.js";
import { normalizeText } from "../temporal/text.js";
import type { AgentContext, ConversationMessage, ReadableMessage, ReadableText } from "./agent.js";

export type { ReadableMessage, ReadableText } from "./agent.js";

/**
 * The language is the one the caller knows, else the locale's (a validated tag), else the text's
 * (conventions, rule 1).
 */
export function readableText(original: string, locale: string | null, known?: Language): ReadableText {
  const text = normalizeText(original.trim());
  const scores = languageScores(text);
  const language = known ?? languageOf(scores, locale);
  return { text, language, foreign: isOtherLanguage(scores), dayFirst: isDayFirst(language, locale) };
}

function languageOf(scores: LanguageScores, locale: string | null): Language {
  return locale !== null ? (languageOfTag(locale) ?? FALLBACK_LANGUAGE) : likeliestLanguage(scores);
}

/** The one language that scores highest, or null when none does (no known word, or a tie). */
function clearLanguage(scores: LanguageScores): Language | null {
  const ranked = [...LANGUAGES].sort((a, b) => scores.languages[b] - scores.languages[a]);
  const [first, second] = ranked;
  if (first === undefined || scores.languages[first] === 0) return null;
  return second !== undefined && scores.languages[second] === scores.languages[first] ? null : first;
}

/**
 * A conversation's messages, each normalised once. The conversation's language (conventions, C6) is the
 * locale's, else that of the last user message with words of its own (a bare "ok" keeps the earlier one's),
 * else the likeliest over every message, the assistant's included; it is the language of the last user
 * message as read, so the answer's messages are written in it.
 */
export function readableConversation(
  messages: readonly ConversationMessage[],
  locale: string | null,
  known?: Language,
): ReadableMessage[] {
  const texts = messages.map((message) => normalizeText(message.content.trim()));
  const scores = texts.map(languageScores);
  let language = known ?? (locale !== null ? languageOf(scores[0]!, locale) : null);
  for (let index = messages.length - 1; language === null && index >= 0; index--) {
    if (messages[index]!.role === "user") language = clearLanguage(scores[index]!);
  }
  language ??= likeliestLanguage(sumScores(scores));
  const fixed = known !== undefined || locale !== null;
  return messages.map((message, index) => {
    // Without a locale, each message is read in its own language where it has one ("¿Te queda bien el
    // jueves?" from the assistant, "sorry, I can't make it" from the user), else in the conversation's.
    const own = fixed ? language : (clearLanguage(scores[index]!) ?? language);
    return {
      role: message.role,
      text: texts[index]!,
      language: own,
      foreign: isOtherLanguage(scores[index]!),
      dayFirst: isDayFirst(own, locale),
    };
  });
}

function sumScores(all: readonly LanguageScores[]): LanguageScores {
  const languages = Object.fromEntries(
    LANGUAGES.map((language) => [language, all.reduce((sum, scores) => sum + scores.languages[language], 0)]),
  ) as Record<Language, number>;
  return { languages, other: all.reduce((sum, scores) => sum + scores.other, 0) };
}

export type ContextInput = Omit<AgentContext, keyof ReadableText | "messages" | "debug" | "llm"> & {
  /** The user's message; for a conversation, omit it and give `messages`. */
  text?: string;
  /** A conversation, oldest first, the last message the user's. */
  messages?: readonly ConversationMessage[];
  /**
   * The language to read in when the caller knows it already (a test pinning it; a conversation's earlier
   * turns), otherwise the locale's or the text's.
   */
  language?: Language;
  debug?: AgentContext["debug"];
  llm?: AgentContext["llm"];
};

const quiet = () => {};

/**
 * Every context has the same fields in the same order: agents read them on every request. A conversation's
 * context reads its last user message as `text`, so what reads one message reads the latest one.
 */
export function createAgentContext(input: ContextInput): AgentContext {
  const messages =
    input.messages !== undefined ? readableConversation(input.messages, input.locale, input.language) : null;
  const last = messages?.findLast((message) => message.role === "user");
  const { text, language, foreign, dayFirst } =
    last ?? readableText(input.text ?? "", input.locale, input.language);
  return {
    text,
    language,
    foreign,
    dayFirst,
    messages,
    locale: input.locale,
    timezone: input.timezone,
    now: input.now,
    calendar: input.calendar,
    store: input.store,
    debug: input.debug ?? quiet,
    llm: input.llm ?? null,
  };
}
