// What the edge does to free text before anything reads or stores it (docs/security/hygiene.md): text that
// is not well-formed Unicode (a lone surrogate) is refused, since no store or log can round-trip it;
// invisible characters that can hide or reorder what a person sees (C0/C1 controls other than tab and line
// breaks, bidi overrides and marks, zero-width characters) are removed; the rest is put in NFC, so one
// spelling of "Pérez" is one string. Plain printable text passes through unchanged.
import { z } from "zod";

/** A UTF-16 surrogate that is not half of a pair: with the `u` flag only unpaired ones match. */
const LONE_SURROGATE = /\p{Surrogate}/u;

/**
 * Removed without a trace: C0 controls but tab, LF and CR; DEL and C1 controls; the Arabic letter mark,
 * LRM/RLM, the bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069); zero-width space,
 * non-joiner and joiner, the word joiner and invisible operators (U+2060–2064), and the BOM.
 */
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is its purpose.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Text that needs no work: printable ASCII with tabs and line breaks. */
const PLAIN = /^[\t\n\r\u0020-\u007E]*$/;

/** Any line break a person would see as one, including the ones INVISIBLE removes (VT, FF, NEL). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: VT and FF are line breaks to a reader.
const LINE_BREAK = /[\n\r\u000B\u000C\u0085\u2028\u2029]/;

export const WELL_FORMED_MESSAGE = "must be well-formed Unicode (it holds a lone surrogate)";

export function isWellFormed(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

/** `value` without invisible characters, in NFC. Call only on well-formed text. */
export function cleanText(value: string): string {
  if (PLAIN.test(value)) return value;
  return value.replace(INVISIBLE, "").normalize("NFC");
}

/** The first line of `value` (leading blank space ignored), for fields that hold a name, such as a contact. */
export function firstLine(value: string): string {
  const text = value.trimStart();
  const end = text.search(LINE_BREAK);
  return end === -1 ? text : text.slice(0, end);
}

/** A string refused with "must be well-formed Unicode" when it holds a lone surrogate, else cleaned. */
export function cleanTextSchema(options: { singleLine?: boolean } = {}) {
  return z
    .string()
    .refine(isWellFormed, { message: WELL_FORMED_MESSAGE, abort: true })
    .transform((value) => cleanText(options.singleLine === true ? firstLine(value) : value));
}
