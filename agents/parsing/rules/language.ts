// Language detection for texts without a locale (Spanish or English), and a check for texts written in
// another language, which get no appointment. Word lists over folded text; no model, no dictionary.
import { foldedWords, normalizeText } from "../../../src/temporal/text.js";
import type { Language } from "../../../src/temporal/types.js";

const SPANISH =
  "cita turno turnos manana hoy ayer con para el la las los de del por quiero quisiera necesito agendar agendame reservar reserva hora tarde noche semana que una un mi en y lunes martes miercoles jueves viernes sabado domingo consulta sacame saca pedir pido favor porfa xfa hola gracias medico proximo viene pasado dia dias esta este puedo podria tengo ver al dentista doctora dra nos quiero pelo corte limpieza se me le hs enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre mediodia madrugada pasame dame busco tienen hay algo".split(
    " ",
  );
const ENGLISH =
  "the at with tomorrow today appointment appt book on for next my please pls i need want schedule meeting morning afternoon evening monday tuesday wednesday thursday friday saturday sunday can could would like to an in this week tonight hi hello thanks of and is it me you what how tmrw w/ dentist haircut get see set up am pm noon half past quarter o'clock january february march april june july august september october november december we our be have do there any".split(
    " ",
  );
const OTHER =
  "je voudrais rendez vous demain avec bonjour merci est une pour les des ich mochte einen termin morgen um uhr mit bitte danke hallo und der die das gostaria marcar amanha obrigado obrigada voce uma vorrei appuntamento domani alle ciao grazie sono il quel wie ist nicht habe ein eine och jag vill imorgon heute oggi aujourd hui".split(
    " ",
  );

/** Each known word with the languages it belongs to (a word may be in more than one): one look-up a word. */
const SPANISH_WORD = 1;
const ENGLISH_WORD = 2;
const OTHER_WORD = 4;
const VOCABULARY = new Map<string, number>();
for (const [words, flag] of [
  [SPANISH, SPANISH_WORD],
  [ENGLISH, ENGLISH_WORD],
  [OTHER, OTHER_WORD],
] as const) {
  for (const word of words) VOCABULARY.set(word, (VOCABULARY.get(word) ?? 0) | flag);
}

const SPANISH_MARKS = /[ñ¿¡]/i;

export interface LanguageScores {
  es: number;
  en: number;
  other: number;
}

/**
 * The last text scored and its scores: the service scores a text without a locale to pick its language, and
 * the rules reading scores the same text again for other languages. The result is never modified.
 */
let last: { folded: string; original: string; scores: LanguageScores } = {
  folded: "",
  original: "",
  scores: { es: 0, en: 0, other: 0 },
};

export function languageScores(folded: string, original: string): LanguageScores {
  if (folded === last.folded && original === last.original) return last.scores;
  const scores = countWords(folded, original);
  last = { folded, original, scores };
  return scores;
}

function countWords(folded: string, original: string): LanguageScores {
  let es = 0;
  let en = 0;
  let other = 0;
  for (const word of foldedWords(folded)) {
    const flags = VOCABULARY.get(word);
    if (flags === undefined) continue;
    if (flags & SPANISH_WORD) es++;
    if (flags & ENGLISH_WORD) en++;
    if (flags & OTHER_WORD) other++;
  }
  if (SPANISH_MARKS.test(original)) es += 2;
  return { es, en, other };
}

/** The request's language: the locale's when given, else the text's, else English. */
export function detectLanguage(text: string, locale: string | null): Language {
  if (locale !== null) return locale.toLowerCase().startsWith("es") ? "es" : "en";
  // The same folding as the rules reading's (normalizeText keeps its last result), so both score one text.
  const scores = languageScores(normalizeText(text).folded, text);
  return scores.es > scores.en ? "es" : "en";
}

/** Whether the text reads as neither Spanish nor English. */
export function isOtherLanguage(scores: LanguageScores): boolean {
  return scores.other >= 2 && scores.other > scores.es && scores.other > scores.en;
}

/** D/M for Spanish and non-US English, M/D for `en` and `en-US` (conventions, rule 5). */
export function isDayFirst(locale: string | null, language: Language): boolean {
  if (language === "es") return true;
  if (locale === null) return false;
  const region = locale.split("-")[1]?.toUpperCase();
  return region !== undefined && region !== "US";
}

export const LANGUAGE_PATTERNS: readonly RegExp[] = [SPANISH_MARKS];
