// The languages a request may name: BCP-47 tags on the parse route, Duckling's locales on POST /parse.
// Cita reads Spanish and English only (docs/interpretation.md).

export const SUPPORTED_LANGUAGE = /^(es|en)(-|$)/;
/** Duckling's locale (`en_US`); a hyphen (`es-MX`) is read too. Cita reads Spanish and English only. */
export const DUCKLING_LOCALE = /^(en|es)(?:[_-]([a-z]{2}|\d{3}))?$/i;
/** Duckling's older `lang` field. */
export const DUCKLING_LANGUAGE = /^(en|es)$/i;

const MAX_CACHED = 1000;
const localeCache = new Map<string, boolean>();

/** Spanish and English tags only; the answers are kept, bounded, as the tags are clients'. */
export function isSupportedLocale(tag: string): boolean {
  if (tag.length > 35) return false;
  let supported = localeCache.get(tag);
  if (supported === undefined) {
    try {
      const [canonical] = Intl.getCanonicalLocales(tag);
      supported = canonical !== undefined && SUPPORTED_LANGUAGE.test(canonical);
    } catch {
      supported = false;
    }
    if (localeCache.size >= MAX_CACHED) localeCache.clear();
    localeCache.set(tag, supported);
  }
  return supported;
}

/** `es_mx`, `es-MX` → `es_MX`; Duckling's `lang` when no locale is given; en_US by default. */
export function ducklingLocale(locale: string | undefined, lang: string | undefined): string {
  if (locale === undefined) return lang === undefined ? "en_US" : lang.toLowerCase();
  const [, language, region] = DUCKLING_LOCALE.exec(locale)!;
  return region === undefined
    ? language!.toLowerCase()
    : `${language!.toLowerCase()}_${region.toUpperCase()}`;
}
