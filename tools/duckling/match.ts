// How one engine answer is judged against a corpus line: the entity covering most of the text is the answer,
// and it matches when its instants (not their spelling) and grains are the expected ones.
import type {
  DucklingEntity,
  InstantValue,
  IntervalValue,
  TimeValue,
} from "../../src/temporal/duckling/types.js";
import type { Expected, ExpectedInstant } from "./corpus.js";
import { epochMilliseconds } from "./instant.js";

/** The time entity with the longest span; the first of equally long ones. */
export function bestEntity(entities: readonly DucklingEntity[]): DucklingEntity | null {
  let best: DucklingEntity | null = null;
  for (const entity of entities) {
    if (entity.dim !== "time") continue;
    if (best === null || entity.end - entity.start > best.end - best.start) best = entity;
  }
  return best;
}

/** Whether the best entity is the expected one; a negative (expected null) matches when there is none. */
export function matchesExpected(expected: Expected | null, best: DucklingEntity | null): boolean {
  if (expected === null) return best === null;
  if (best === null || best.dim !== "time") return false;
  const value = timeValue(best);
  if (expected.type === "value") return value.type === "value" && sameInstant(expected, value);
  if (value.type !== "interval") return false;
  return sameEnd(expected.from, value.from) && sameEnd(expected.to, value.to);
}

/** A time entity's value (a duration's value has no `type` of its own in the types). */
function timeValue(entity: DucklingEntity): TimeValue | IntervalValue {
  return entity.value as TimeValue | IntervalValue;
}

/** An interval end: both absent (the open side), or both present with the same instant and grain. */
function sameEnd(expected: ExpectedInstant | undefined, got: InstantValue | undefined): boolean {
  if (expected === undefined || got === undefined) return expected === got;
  return sameInstant(expected, got);
}

function sameInstant(expected: ExpectedInstant, got: { value: unknown; grain: unknown }): boolean {
  return (
    typeof got.value === "string" &&
    got.grain === expected.grain &&
    epochMilliseconds(got.value) === epochMilliseconds(expected.value)
  );
}

/** `2013-02-15T00:00:00.000-02:00 (day)`, `[from (hour), to (hour))`, open ends as `…`. */
export function describeExpected(expected: Expected | null): string {
  if (expected === null) return "nothing";
  if (expected.type === "value") return describeInstant(expected);
  return describeInterval(expected.from, expected.to);
}

/** The best entity's value in the same notation, with its body when it is not the whole text. */
export function describeEntity(entity: DucklingEntity | null, text: string): string {
  if (entity === null) return "nothing";
  if (entity.dim !== "time") return `a ${entity.dim}: ${JSON.stringify(entity.value)}`;
  const value = timeValue(entity);
  let described: string;
  if (value.type === "value") described = describeInstant(value);
  else described = describeInterval(value.from, value.to);
  return entity.body === text ? described : `${described} from ${JSON.stringify(entity.body)}`;
}

function describeInstant(instant: { value: string; grain: string }): string {
  return `${instant.value} (${instant.grain})`;
}

function describeInterval(from: ExpectedInstant | undefined, to: ExpectedInstant | undefined): string {
  return `[${from ? describeInstant(from) : "…"}, ${to ? describeInstant(to) : "…"})`;
}
