// The temporal engine's vocabulary: what parsers find in text (expressions made of date, time, part-of-day
// and duration components), before any policy resolves them against a reference instant and a zone.

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export type DateSpec =
  /** hoy/today (0), mañana/tomorrow (1), ayer (-1), en 3 días (3); `weeks` when said in weeks ("in 2 weeks") */
  | { kind: "relative"; days: number; weeks?: number }
  /** el lunes, next Monday (week: undefined); Monday next week (week: "next"); last Monday ("last") */
  | {
      kind: "weekday";
      weekday: Weekday;
      week?: "next" | "last" | "this" | "previous";
      skipNearest?: boolean;
      /** "3 fridays from now" (3), "2 thursdays ago" (-2): the Nth one after (before) today. */
      occurrence?: number;
      /** "Tuesday week", "the week after next on Tuesday" (2): that weekday N calendar weeks after this one. */
      weeksAhead?: number;
    }
  /** el 3 de enero, 1/23/2027, the 28th, el viernes 29 */
  | { kind: "calendar"; day: number; month?: number; year?: number; weekday?: Weekday; monthOffset?: number }
  /** March, marzo de 2014, 2/2013 */
  | { kind: "month"; month: number; year?: number; yearOffset?: number }
  /** 1974, el año 2014 */
  | { kind: "year"; year: number }
  /** this week (0), next month (1), last year (-1), the week after next (2) */
  | { kind: "cycle"; unit: CycleUnit; offset: number }
  /** the third quarter, Q4 2018 */
  | { kind: "quarter"; quarter: number; year?: number }
  /** the first Monday of March, el último viernes del mes; ordinal -1 is the last */
  | {
      kind: "nthWeekday";
      ordinal: number;
      weekday: Weekday;
      month?: number;
      year?: number;
      monthOffset?: number;
    }
  /** now, ahora, right now */
  | { kind: "now" }
  /** this weekend (0), next weekend (1), last weekend (-1): Friday evening to Monday */
  | { kind: "weekend"; offset: number; ordinal?: number; month?: number; year?: number }
  /** "the first week of October 2014", "the third last week of 2018": full Monday-to-Sunday weeks inside. */
  | { kind: "nthWeek"; ordinal: number; month?: number; year?: number }
  /** Christmas, Navidad, Thanksgiving 2017 */
  | {
      kind: "holiday";
      id: string;
      year?: number;
      offset?: number;
      yearOffset?: number;
      nearest?: number;
      /** "the day after Christmas" (1), "el día antes de Navidad" (-1): days from the holiday. */
      days?: number;
    };

export type CycleUnit = "second" | "minute" | "hour" | "day" | "week" | "month" | "quarter" | "year";

export type PartOfDay = "dawn" | "morning" | "noon" | "afternoon" | "evening" | "night" | "lateNight";

export interface TimeSpec {
  hour: number;
  minute: number;
  /** Said explicitly: am/pm, or a part of day attached to the hour ("3 de la tarde"). */
  meridiem?: "am" | "pm";
  /** 24-hour clock made explicit ("15 hs", "10h", "09:00"), so no bare-hour rule applies. */
  clock24?: boolean;
  /** "menos cuarto", "quarter to": minutes before `hour`, taken off once the hour is resolved. */
  minutesBefore?: number;
  /** Minutes were said ("3:00", "y cuarto"), so the reading is to the minute, not the hour. */
  minuteGiven?: boolean;
  /** Seconds, when said ("15:23:24"): the reading is then to the second. */
  second?: number;
  /** A zone said with the time ("4pm CET", "8:00 GMT"): its UTC offset in minutes. */
  utcOffset?: number;
  /** Named as midnight ("medianoche", "12 de la noche", "midnight"): the boundary between two days. */
  midnight?: true;
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
  /** "in 3 months", "hace dos años": a shift of the reference by whole units (negative is the past). */
  shift?: { amount: number; unit: CycleUnit };
  /** "next 3 days", "pasados 2 meses": the N whole units after (or before) the current one. */
  span?: { count: number; unit: CycleUnit; direction: "next" | "past" };
  /** "from 9 to 11", "13 a 15 de julio", "after 5pm": an interval between two readings (one for open ones). */
  interval?: {
    from?: ExpressionParts;
    to?: ExpressionParts;
    open?: "after" | "before" | "by";
    minutes?: number;
  };
  /** "the end of the month", "beginning of next week", "by EOY": a part of the period the date names. */
  boundary?: { part: "beginning" | "end" | "rest"; by?: boolean };
  /** "dentro de tres horas", "within 2 weeks": from now until the shifted instant. */
  within?: boolean;
  /** Weekend, seasons and holidays that last several days: a named interval. */
  namedInterval?: "weekend";
  /** "next wednesday" in Duckling's reading skips the nearest occurrence. */
  skipNearest?: boolean;
  /** How sure the parser is of this reading, 0..1. */
  certainty: number;
  /** A guess without a time word around it (Duckling's latent entities): kept only when asked for. */
  latent?: boolean;
}

/** The parts of a reading that can stand at either end of an interval. */
export type ExpressionParts = Pick<TemporalExpression, "date" | "time" | "partOfDay">;

/** What a parser is told about the request beside its match. */
export interface ParserOptions {
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
  extract(match: RegExpExecArray, options: ParserOptions): ExpressionFields | null;
  /**
   * What every match of `pattern` holds, so a text without it skips the pattern: a digit, or one of `words`
   * as a whole word of the folded text (a run of a-z letters). Only words the pattern bounds on both sides
   * (by \b, a space or punctuation) qualify; test/parser-gates.test.ts checks each gate against its pattern.
   */
  gate?: ParserGate;
}

export interface ParserGate {
  digit?: true;
  words?: readonly string[];
}
