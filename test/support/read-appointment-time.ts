// Reads a text's date and time as the rules reader and the Temporal agent do, for tests that pin a
// reference instant, a zone and (for holidays) a country: the locale's parsers, then the appointment policy.
import type { Language } from "../../src/locales/index.js";
import { type ResolvedTime, resolveAppointmentTime } from "../../src/temporal/appointment-policy.js";
import { extractExpressions } from "../../src/temporal/extract.js";
import { normalizeText } from "../../src/temporal/text.js";

export function readAppointmentTime(
  text: string,
  now: string,
  zone: string,
  language: Language = "es",
  options: { dayFirst?: boolean; country?: string } = {},
): ResolvedTime {
  const dayFirst = options.dayFirst ?? language === "es";
  const expressions = extractExpressions(normalizeText(text), { language, dayFirst }, new Date(now));
  return resolveAppointmentTime({
    expressions,
    now: Date.parse(now),
    zone,
    durationMinutes: null,
    defaultLengthMinutes: 30,
    ...(options.country !== undefined ? { country: options.country } : {}),
  });
}
