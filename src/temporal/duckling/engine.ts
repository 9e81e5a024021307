// The temporal engine under Duckling's reading rules: finds time and duration expressions and answers
// them as Duckling's HTTP API does (POST /parse), in the requested IANA zone.
import { DateTime } from "luxon";
import { FALLBACK_LANGUAGE, isDayFirst, type Language, LOCALES, languageOfTag } from "../../locales/index.js";
import { extractExpressions } from "../extract.js";
import { normalizeText } from "../text.js";
import type { TemporalExpression } from "../types.js";
import { zoneFor } from "../zone.js";
import { compose } from "./compose.js";
import { holidayExpressions } from "./holidays.js";
import { readExpression } from "./policy.js";
import type { Reading } from "./reading.js";
import type { DucklingEntity, DucklingOptions, DurationValue, IntervalValue, TimeValue } from "./types.js";

const FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSSZZ";

/**
 * The language of a Duckling locale (`es_MX`, `en`). The route answers `[]` for a language Cita does not
 * read before it gets here; the fallback only covers direct callers.
 */
export function languageOf(locale: string): Language {
  return languageOfTag(locale) ?? FALLBACK_LANGUAGE;
}

export function parseDuckling(text: string, options: DucklingOptions): DucklingEntity[] {
  const language = languageOf(options.locale);
  const { duckling } = LOCALES[language].temporal;
  const normalized = normalizeText(text);
  const reference = DateTime.fromMillis(options.reference, { zone: zoneFor(options.zone) });
  // The parsers Duckling's reading adds to the core ones come first: on an identical span, they win.
  const expressions = extractExpressions(
    normalized,
    { language, dayFirst: isDayFirst(language, options.locale) },
    reference.toJSDate(),
    options.latent ? [...duckling.parsers, ...duckling.latentParsers] : duckling.parsers,
  );
  const found = withHolidays(expressions, holidayExpressions(normalized, language));
  const dims = new Set(options.dims ?? ["time", "duration"]);
  const entities: DucklingEntity[] = [];
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  for (const expression of compose(found, normalized)) {
    // Stopping here also spares the reading of every entity past the limit, the costly part.
    if (entities.length >= limit) break;
    const start = normalized.offsets[expression.index]!;
    const end = normalized.offsets[expression.end - 1]! + 1;
    const body = text.slice(start, end);
    if (expression.durationMinutes !== undefined) {
      if (dims.has("duration")) entities.push(durationEntity(expression, body, start, end));
      continue;
    }
    if (!dims.has("time")) continue;
    if (expression.latent && !options.latent) continue;
    const reading = readExpression(expression, reference, language);
    if (reading) {
      entities.push({
        body,
        start,
        end,
        dim: "time",
        latent: expression.latent === true,
        value: timeValue(reading),
      });
    }
  }
  return entities;
}

function instant(dateTime: DateTime): string {
  return dateTime.toFormat(FORMAT);
}

function timeValue(reading: Reading): TimeValue | IntervalValue {
  if (reading.end === undefined && reading.open === undefined) {
    const value = { value: instant(reading.start), grain: reading.grain };
    return { type: "value", ...value, values: [{ type: "value", ...value }] };
  }
  const interval: Omit<IntervalValue, "values"> = { type: "interval" };
  if (reading.open !== "before") interval.from = { value: instant(reading.start), grain: reading.grain };
  if (reading.open !== "after" && reading.end)
    interval.to = { value: instant(reading.end), grain: reading.grain };
  return { ...interval, values: [{ ...interval }] } as IntervalValue;
}

function durationEntity(
  expression: TemporalExpression,
  body: string,
  start: number,
  end: number,
): DucklingEntity {
  const minutes = expression.durationMinutes!;
  const unit = minutes % 60 === 0 ? "hour" : "minute";
  const amount = unit === "hour" ? minutes / 60 : minutes;
  const value: DurationValue = {
    value: amount,
    unit,
    [unit]: amount,
    normalized: { value: minutes * 60, unit: "second" },
  };
  return { body, start, end, dim: "duration", latent: false, value };
}

/** Holiday names win over what they contain ("black friday" is not a Friday) and over what they overlap. */
function withHolidays(
  expressions: readonly TemporalExpression[],
  holidays: readonly TemporalExpression[],
): TemporalExpression[] {
  if (holidays.length === 0) return [...expressions];
  const kept = expressions.filter(
    (expression) =>
      !holidays.some((holiday) => expression.index < holiday.end && expression.end > holiday.index),
  );
  return [...kept, ...holidays].sort((a, b) => a.index - b.index);
}
