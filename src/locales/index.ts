// The languages Cita reads: one registry line per locale folder. `Language`, the zod enums, the prompt's
// language line and every choice of a language by a tag derive from it (docs/adding-a-language.md).
import { english } from "./en/index.js";
import { spanish } from "./es/index.js";
import type { Locale } from "./locale.js";
import type { MessageKey } from "./messages.js";

export const LOCALES = {
  es: spanish,
  en: english,
} as const satisfies Readonly<Record<string, Locale>>;

export type Language = keyof typeof LOCALES;

/** The registered languages, in registry order (a tuple for zod's enum). */
export const LANGUAGES = Object.keys(LOCALES) as [Language, ...Language[]];

/** Read when nothing tells the language: the text scores no language higher (conventions, rule 1). */
export const FALLBACK_LANGUAGE: Language = "en";

function isLanguage(code: string): code is Language {
  return Object.hasOwn(LOCALES, code);
}

/** The language of a BCP-47 (`es-MX`) or Duckling (`es_MX`) tag, or null when Cita does not read it. */
export function languageOfTag(tag: string): Language | null {
  const code = tag.split(/[-_]/)[0]!.toLowerCase();
  return isLanguage(code) ? code : null;
}

/** A tag's subtag after the language, upper case (`es-MX` → `MX`, `es-419` → `419`); null for a bare language. */
export function regionOfTag(tag: string | null): string | null {
  return tag?.split(/[-_]/)[1]?.toUpperCase() ?? null;
}

/** Whether "3/4" reads day first for a request in `language` with this locale tag (conventions, rule 5). */
export function isDayFirst(language: Language, tag: string | null): boolean {
  return LOCALES[language].dayFirst(regionOfTag(tag));
}

export function localize(language: Language, key: MessageKey): string {
  return LOCALES[language].messages[key];
}

/** Every registered locale's items of one vocabulary, each once, in registry order. */
export function allLocales<T>(pick: (locale: Locale) => readonly T[]): T[] {
  return [...new Set(LANGUAGES.flatMap((language) => pick(LOCALES[language])))];
}

/** A table with one entry per registered language. */
export function perLanguage<T>(value: (language: Language) => T): Record<Language, T> {
  return Object.fromEntries(LANGUAGES.map((language) => [language, value(language)])) as Record<Language, T>;
}

/** "Spanish or English": the registered languages by name, for messages and documentation. */
export function languageNames(): string {
  const names = LANGUAGES.map((language) => LOCALES[language].englishName);
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}

/** Locale tags to show as examples: each language alone and with its first region ("es", "es-ES"...). */
export function exampleTags(separator: "-" | "_"): string[] {
  return LANGUAGES.flatMap((language) => [
    language,
    LOCALES[language].ducklingLocales.find((tag) => tag.includes("_"))!.replace("_", separator),
  ]);
}
