// Words that look temporal, for the confidence's "unread" signal (docs/confidence.md): a word like these that
// no expression used by the answer covers may hold a date or time the readers missed. A cue list, not a
// reader: it only notices, so it may be broad. Month names come from the locales themselves.
import { allLocales } from "../../src/locales/index.js";

const WEEKDAYS =
  "lunes martes miercoles jueves viernes sabado domingo lun mie jue vie sab dom monday tuesday wednesday " +
  "thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun mondays tuesdays " +
  "wednesdays thursdays fridays saturdays sundays";
const DAYS_AND_PARTS =
  "hoy manana mnn pasado ayer tarde noche mediodia medianoche madrugada today tomorrow tmrw tmr tomorrows " +
  "tonight yesterday morning afternoon arvo evening night noon midday midnight eod eow";
const CLOCK_AND_WEEKS =
  "am pm hs hrs horas hora oclock o'clock cuarto quarter half semana semanas finde week weeks weekend " +
  "fortnight mes month quincena";
/** Recurrence, which Cita does not read: an appointment "every friday" is not one Friday. */
const RECURRENCE = "every cada daily weekly monthly diario diaria semanal mensual";
const NUMBER_WORDS =
  "dos tres cuatro cinco seis siete ocho nueve diez once doce two three four five six seven eight nine " +
  "ten eleven twelve primer primero tercer ultimo first third fourth last";
const HOLIDAYS =
  "navidad nochebuena nochevieja reyes pascua pascuas christmas xmas thanksgiving easter halloween diwali " +
  "hanukkah ramadan carnaval carnival";

/** Every folded word that looks temporal, in either language. */
export const TEMPORAL_WORDS: ReadonlySet<string> = new Set([
  ...[WEEKDAYS, DAYS_AND_PARTS, CLOCK_AND_WEEKS, RECURRENCE, NUMBER_WORDS, HOLIDAYS].flatMap((list) =>
    list.split(" "),
  ),
  ...allLocales((locale) => Object.keys(locale.temporal.months)).filter((name) => !name.includes(" ")),
]);
