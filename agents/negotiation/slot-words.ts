// How free slots are worded for the user: "lunes, 26 de enero, 10:00" / "Monday, January 26 at 10:00", in
// the calendar's zone and the request's language, and an ambiguity that offers them.
import type { Calendar, Slot } from "../../src/calendars/types.js";
import type { Ambiguity } from "../../src/coordinator/agent.js";
import { type Language, LOCALES, localize } from "../../src/locales/index.js";
import type { MessageKey } from "../../src/locales/messages.js";

/**
 * The ambiguity with the slots offered after its message (`intro` and the list, or `none` when there are
 * none), and their starts as its options.
 */
export function offer(
  ambiguity: Ambiguity,
  slots: readonly Slot[],
  calendar: Calendar,
  language: Language,
  intro: MessageKey,
  none: MessageKey,
): Ambiguity {
  if (slots.length === 0)
    return { ...ambiguity, message: `${ambiguity.message} ${localize(language, none)}` };
  const list = slots.map((slot) => describeSlot(slot, calendar, language)).join("; ");
  return {
    ...ambiguity,
    message: `${ambiguity.message} ${localize(language, intro)} ${list}.`,
    options: slots.map((slot) => slot.start),
  };
}

const formats = new Map<string, Intl.DateTimeFormat>();
const descriptions = new Map<string, string>();
const MAX_CACHED = 10_000;

/** "lunes, 26 de enero, 10:00" / "Monday, January 26, 10:00", in the calendar's zone. */
function describeSlot(slot: Slot, calendar: Calendar, language: Language): string {
  // A pure function of the language, the zone and the instant, and the same free slots are offered to
  // many requests: the wording of each is kept (bounded), as formatting one costs about a microsecond.
  const key = `${language} ${calendar.timezone} ${slot.start}`;
  let description = descriptions.get(key);
  if (description === undefined) {
    description = formatFor(language, calendar.timezone).format(new Date(slot.start));
    if (descriptions.size >= MAX_CACHED) descriptions.clear();
    descriptions.set(key, description);
  }
  return description;
}

/** Building an Intl formatter costs far more than using one: one per language and zone is kept. */
function formatFor(language: Language, timezone: string): Intl.DateTimeFormat {
  const key = `${language} ${timezone}`;
  let format = formats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(LOCALES[language].intlLocale, {
      weekday: "long",
      day: "numeric",
      month: "long",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone: timezone,
    });
    if (formats.size >= 1000) formats.clear();
    formats.set(key, format);
  }
  return format;
}
