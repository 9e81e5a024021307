// Field rules several request schemas share: the user's text, instants with an offset, calendar ids and
// zone names, which are given their one canonical spelling here, at the edge (src/temporal/zone.ts).
import { z } from "zod";
import { daysInMonth } from "../../temporal/holidays/civil-date.js";
import { canonicalZone } from "../../temporal/zone.js";
import { cleanText, isWellFormed, WELL_FORMED_MESSAGE } from "./clean-text.js";

export const MAX_TEXT_LENGTH = 2000;
export const CALENDAR_ID = /^[A-Za-z0-9_-]{1,64}$/;
export const OFFSET_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Characters as users count them: an emoji is one, not two UTF-16 units. */
export function characterCount(value: string): number {
  let count = 0;
  for (const _character of value) count++;
  return count;
}

/** At most `max` characters: a text of at most `max` UTF-16 units needs no counting (a character is 1 or 2). */
function withinCharacters(value: string, max: number): boolean {
  return value.length <= max || characterCount(value) <= max;
}

/** 1 to 2000 characters after trimming, counted on the text as sent. */
function withinTextBounds<Schema extends z.ZodType<string>>(schema: Schema) {
  return schema
    .refine((value) => value.trim().length >= 1, "must not be empty")
    .refine(
      (value) => withinCharacters(value.trim(), MAX_TEXT_LENGTH),
      `must be at most ${MAX_TEXT_LENGTH} characters`,
    );
}

/**
 * A text read exactly as sent, for the Duckling route, whose answer gives offsets into the sent text (a
 * removed character would shift them).
 */
export const SentTextSchema = withinTextBounds(z.string());

/**
 * A user's text for the parse route: well-formed Unicode (else 400), 1 to 2000 characters after trimming as
 * sent, then cleaned of invisible characters and put in NFC (clean-text.ts), untrimmed. A text of invisible
 * characters only is not empty as sent, so it is answered (needs_clarification), as before the cleaning.
 */
export const TextSchema = withinTextBounds(
  z.string().refine(isWellFormed, { message: WELL_FORMED_MESSAGE, abort: true }),
).transform(cleanText);

/**
 * A real calendar instant of OFFSET_INSTANT's shape: `Date.parse` alone rolls 2026-02-30 over into March,
 * so every field is range-checked, the day against its month.
 */
export function isValidInstant(value: string): boolean {
  if (Number.isNaN(Date.parse(value))) return false;
  // Fields by position (OFFSET_INSTANT fixed them), read as digits: this runs on every request with a `now`.
  const month = twoDigits(value, 5);
  const day = twoDigits(value, 8);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(fourDigits(value), month)) return false;
  const second = value[16] === ":" ? twoDigits(value, 17) : 0;
  if (twoDigits(value, 11) > 23 || twoDigits(value, 14) > 59 || second > 59) return false;
  if (value.endsWith("Z")) return true;
  const offset = value.length - 6;
  return twoDigits(value, offset + 1) <= 23 && twoDigits(value, offset + 4) <= 59;
}

function twoDigits(value: string, at: number): number {
  return (value.charCodeAt(at) - 48) * 10 + value.charCodeAt(at + 1) - 48;
}

function fourDigits(value: string): number {
  return twoDigits(value, 0) * 100 + twoDigits(value, 2);
}

/** An ISO-8601 instant with an offset, such as `example`. */
export function instantSchema(example: string) {
  return z
    .string()
    .regex(OFFSET_INSTANT, `must be an ISO-8601 instant with an offset, such as ${example}`)
    .refine(isValidInstant, "is not a valid date");
}

/**
 * An IANA zone name in any letter case, answered as its canonical spelling: luxon and Intl keep a formatter
 * per spelling they are given, so a client's spelling must never reach them.
 */
export function zoneSchema(example: string) {
  return z
    .string()
    .max(64)
    .transform((name, context) => {
      const zone = canonicalZone(name);
      if (zone !== null) return zone;
      context.addIssue({ code: "custom", message: `must be an IANA time zone such as ${example}` });
      return z.NEVER;
    });
}
