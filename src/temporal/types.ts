// The temporal engine's vocabulary: what parsers find in text (expressions made of date, time, part-of-day
// and duration components), before any policy resolves them against a reference instant and a zone.

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export type DateSpec =
  /** hoy/today (0), mañana/tomorrow (1), ayer (-1), en 3 días (3) */
  | { kind: "relative"; days: number }
  /** el lunes, next Monday (week: undefined); Monday next week (week: "next"); last Monday ("last") */
  | { kind: "weekday"; weekday: Weekday; week?: "next" | "last" }
  /** el 3 de enero, 1/23/2027, the 28th, el viernes 29 */
  | { kind: "calendar"; day: number; month?: number; year?: number; weekday?: Weekday };

export type PartOfDay = "dawn" | "morning" | "noon" | "afternoon" | "evening" | "night";

export interface TimeSpec {
  hour: number;
  minute: number;
  /** Said explicitly: am/pm, or a part of day attached to the hour ("3 de la tarde"). */
  meridiem?: "am" | "pm";
  /** 24-hour clock made explicit ("15 hs", "10h", "09:00"), so no bare-hour rule applies. */
  clock24?: boolean;
  /** "menos cuarto", "quarter to": minutes before `hour`, taken off once the hour is resolved. */
  minutesBefore?: number;
}

export interface TemporalExpression {
  /** The parser that produced it. */
  parser: string;
  /** Span in the text. */
  index: number;
  end: number;
  text: string;
  date?: DateSpec;
  time?: TimeSpec;
  partOfDay?: PartOfDay;
  durationMinutes?: number;
  /** "in 2 hours", "dentro de 30 minutos": an instant relative to now. */
  offsetMinutes?: number;
  /** How sure the parser is of this reading, 0..1. */
  certainty: number;
}

export type Language = "es" | "en";

export interface ExtractOptions {
  language: Language;
  /** D/M (es, en-GB...) rather than M/D (en, en-US). */
  dayFirst: boolean;
}

/** What a parser gets for a match: the folded text's match and the original text for spans. */
export type ExpressionFields = Omit<TemporalExpression, "parser" | "index" | "end" | "text" | "certainty"> & {
  certainty?: number;
};

/**
 * A parser proposes expressions where its pattern matches (chrono's parser style). `extract` returns null
 * to reject a match; exceptions are for real faults. Patterns run on folded text (lower case, no accents,
 * same length as the original) and must pass the ReDoS check in agents/parsing/rules/redos.test.ts.
 */
export interface Parser {
  name: string;
  pattern: RegExp;
  extract(match: RegExpExecArray, options: ExtractOptions): ExpressionFields | null;
}
