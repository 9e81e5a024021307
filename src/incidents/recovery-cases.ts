// The recovery check's known prompts (docs/incidents.md): the golden cases tagged `recovery`, four in each
// language, each with one clear date and time. They live in fixtures/golden with the rest (the golden
// suite checks the rules read them right); here they are as TypeScript, since Workers read no files at run
// time, and recovery-cases.test.ts keeps the two the same.

export interface RecoveryCase {
  /** The golden case's id. */
  id: string;
  language: "es" | "en";
  text: string;
  locale: string | null;
  timezone: string;
  /** The reference instant, ISO 8601 with its offset. */
  now: string;
}

export const RECOVERY_CASES: readonly RecoveryCase[] = [
  {
    id: "es-date-003",
    language: "es",
    text: "turno el 3 de junio a las 16 hs",
    locale: "es-AR",
    timezone: "America/Argentina/Buenos_Aires",
    now: "2026-05-15T16:00:00-03:00",
  },
  {
    id: "es-date-005",
    language: "es",
    text: "el jueves 29 de enero a las 10",
    locale: "es-ES",
    timezone: "Europe/Madrid",
    now: "2026-01-22T10:30:00+01:00",
  },
  {
    id: "es-wd-001",
    language: "es",
    text: "el lunes a las 10 con el Dr. Pérez",
    locale: "es-MX",
    timezone: "America/Mexico_City",
    now: "2026-01-22T10:30:00-06:00",
  },
  {
    id: "dur-002",
    language: "es",
    text: "masaje de 45 minutos el jueves a las 6 de la tarde",
    locale: null,
    timezone: "Europe/Madrid",
    now: "2026-02-16T09:00:00+01:00",
  },
  {
    id: "en-date-005",
    language: "en",
    text: "March 15th at 3:30pm for a haircut",
    locale: "en-US",
    timezone: "America/Los_Angeles",
    now: "2026-02-20T15:00:00-08:00",
  },
  {
    id: "en-date-006",
    language: "en",
    text: "Could I book 15 March at 11am?",
    locale: "en-GB",
    timezone: "Europe/London",
    now: "2026-02-20T15:00:00+00:00",
  },
  {
    id: "en-wd-003",
    language: "en",
    text: "Can I come in next Monday at 9am?",
    locale: "en-US",
    timezone: "America/New_York",
    now: "2026-06-07T11:00:00-04:00",
  },
  {
    id: "dur-008",
    language: "en",
    text: "I need 90 minutes with Dr. Hughes tomorrow at 9am",
    locale: "en-GB",
    timezone: "Europe/London",
    now: "2026-05-04T10:00:00+01:00",
  },
];
