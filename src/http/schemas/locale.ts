// The languages a request may name: BCP-47 tags on the parse route, Duckling's locales on POST /parse.
// Cita reads the languages of its locale registry only (src/locales, docs/interpretation.md).
import { languageOfTag } from "../../locales/index.js";

/** Duckling's locale (`en_US`), a hyphen (`es-MX`) read too: a language, then a region or a UN M49 area. */
export const DUCKLING_LOCALE = /^([a-z]{2,3})(?:[_-]([a-z]{2}|\d{3}))?$/i;
/** Duckling's older `lang` field: a language alone. */
export const DUCKLING_LANGUAGE = /^[a-z]{2,3}$/i;

const MAX_CACHED = 1000;
const localeCache = new Map<string, boolean>();

/** Tags of a registered language only; the answers are kept, bounded, as the tags are clients'. */
export function isSupportedLocale(tag: string): boolean {
  if (tag.length > 35) return false;
  let supported = localeCache.get(tag);
  if (supported === undefined) {
    try {
      const [canonical] = Intl.getCanonicalLocales(tag);
      supported = canonical !== undefined && languageOfTag(canonical) !== null;
    } catch {
      supported = false;
    }
    if (localeCache.size >= MAX_CACHED) localeCache.clear();
    localeCache.set(tag, supported);
  }
  return supported;
}

/**
 * The engine's locale for a Duckling request (`es_mx`, `es-MX` → `es_MX`; `lang` when no locale is given;
 * en_US by default), or null for a language Cita does not read: Duckling answers such a text with no
 * entities, and its clients (nlp.js's extractor maps over the answer) expect an array, not an error.
 * Both fields are well-formed already (DUCKLING_LOCALE, DUCKLING_LANGUAGE).
 */
export function ducklingLocale(locale: string | undefined, lang: string | undefined): string | null {
  if (locale === undefined) {
    if (lang === undefined) return "en_US";
    return languageOfTag(lang) !== null ? lang.toLowerCase() : null;
  }
  const [, language, region] = DUCKLING_LOCALE.exec(locale)!;
  if (languageOfTag(language!) === null) return null;
  return region === undefined
    ? language!.toLowerCase()
    : `${language!.toLowerCase()}_${region.toUpperCase()}`;
}
