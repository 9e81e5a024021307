// Which language a text is written in, for requests without a locale, and whether it is written in a
// language Cita does not read (it then gets no appointment). Word lists over folded text, each registered
// locale's (its detection.ts) and a few of other languages'; no model, no dictionary.
import type { NormalizedText } from "../temporal/text.js";
import { FALLBACK_LANGUAGE, LANGUAGES, type Language, LOCALES, perLanguage } from "./index.js";
import { words } from "./lists.js";

/** Common words of languages Cita does not read (French, German, Portuguese, Italian, Swedish). */
const OTHER =
  words(`je voudrais rendez vous demain avec bonjour merci est une pour les des ich mochte einen termin
  morgen um uhr mit bitte danke hallo und der die das gostaria marcar amanha obrigado obrigada voce uma vorrei
  appuntamento domani alle ciao grazie sono il quel wie ist nicht habe ein eine och jag vill imorgon heute oggi
  aujourd hui`);

/** Each known word with the languages it belongs to, as bits (registry order, then other): one look-up a word. */
const OTHER_BIT = 1 << LANGUAGES.length;
const VOCABULARY = new Map<string, number>();
function learn(list: readonly string[], bit: number): void {
  for (const word of list) VOCABULARY.set(word, (VOCABULARY.get(word) ?? 0) | bit);
}
LANGUAGES.forEach((language, index) => {
  learn(LOCALES[language].detection.words, 1 << index);
});
learn(OTHER, OTHER_BIT);

export interface LanguageScores {
  /** Known words of each registered language (a word may count for several), plus its marks' weight. */
  readonly languages: Readonly<Record<Language, number>>;
  /** Known words of languages Cita does not read. */
  readonly other: number;
}

export function languageScores(text: NormalizedText): LanguageScores {
  const counts = LANGUAGES.map(() => 0);
  let other = 0;
  for (const word of text.words) {
    const bits = VOCABULARY.get(word);
    if (bits === undefined) continue;
    for (let index = 0; index < counts.length; index++) if (bits & (1 << index)) counts[index]!++;
    if (bits & OTHER_BIT) other++;
  }
  LANGUAGES.forEach((language, index) => {
    const { marks, markWeight } = LOCALES[language].detection;
    if (marks?.test(text.original)) counts[index]! += markWeight;
  });
  return { languages: perLanguage((language) => counts[LANGUAGES.indexOf(language)]!), other };
}

/** The language that scores highest; a tie goes to the fallback language, else to the earlier one. */
export function likeliestLanguage(scores: LanguageScores): Language {
  let best: Language = FALLBACK_LANGUAGE;
  for (const language of LANGUAGES) {
    if (scores.languages[language] > scores.languages[best]) best = language;
  }
  return best;
}

/** Whether the text reads as none of the registered languages. */
export function isOtherLanguage(scores: LanguageScores): boolean {
  return scores.other >= 2 && LANGUAGES.every((language) => scores.other > scores.languages[language]);
}

export const DETECTION_PATTERNS: readonly RegExp[] = LANGUAGES.flatMap((language) => {
  const marks = LOCALES[language].detection.marks;
  return marks === null ? [] : [marks];
});
