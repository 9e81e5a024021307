// Duckling's entity shapes (the response of POST /parse), produced by the temporal engine under Duckling's
// reading rules. Values are wall-clock times in the requested zone, formatted like Duckling's JSON:
// 2013-02-12T04:30:00.000-02:00.

export type Grain = "second" | "minute" | "hour" | "day" | "week" | "month" | "quarter" | "year";

export interface InstantValue {
  value: string;
  grain: Grain;
}

export interface TimeValue {
  type: "value";
  value: string;
  grain: Grain;
  values: (InstantValue & { type: "value" })[];
}

/** An interval: `to` is exclusive (one grain past the end); an open interval has only `from` or `to`. */
export interface IntervalValue {
  type: "interval";
  from?: InstantValue;
  to?: InstantValue;
  values: { type: "interval"; from?: InstantValue; to?: InstantValue }[];
}

export interface DurationValue {
  value: number;
  unit: Grain;
  normalized: { value: number; unit: "second" };
  /** Duckling also names the unit as a key: { "hour": 2 }. */
  [unit: string]: unknown;
}

export interface DucklingEntity {
  body: string;
  /** Character offsets in the original text. */
  start: number;
  end: number;
  dim: "time" | "duration";
  latent: boolean;
  value: TimeValue | IntervalValue | DurationValue;
}

export interface DucklingOptions {
  /** Duckling locale: `en_US`, `es_ES`, `en`, `es`... (language first). */
  locale: string;
  /** IANA zone the values are expressed in. */
  zone: string;
  /** Reference instant, epoch milliseconds. */
  reference: number;
  /** Dimensions to return; default both `time` and `duration`. */
  dims?: readonly ("time" | "duration")[];
  /** Also return latent entities (a bare number read as an hour, say). */
  latent?: boolean;
  /** Stop after this many entities, in order of position (the HTTP route's cap); no limit by default. */
  limit?: number;
}
