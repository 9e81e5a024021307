// The signals the confidence is computed from (docs/confidence.md): facts Cita established about its own
// reading — how complete and clear it is, what it left unread, what contradicts, what rests on a weak cue.
// Each is a small number (0/1 or a capped count), cheap to compute on every request.
import type { AgentContext, Draft } from "../../src/coordinator/agent.js";
import type { PartOfDay, TemporalExpression } from "../../src/temporal/types.js";
import { TEMPORAL_WORDS } from "./temporal-words.js";

export const SIGNALS = [
  "complete",
  "noDate",
  "noTime",
  "ambiguous",
  "invalid",
  "unread",
  "contradiction",
  "bareNumber",
  "defaultClock",
  "chronoDate",
  "weakCue",
  "dropped",
  "place",
  "lowerCaseName",
  "conversation",
  "notBooking",
] as const;
export type Signal = (typeof SIGNALS)[number];
export type Signals = Record<Signal, number>;

/**
 * The design's direction of each signal: -1 lowers the confidence, +1 raises it, 0 lets the data decide.
 * npm run calibrate holds each fitted weight on its side, so a signal too rare in the data to show its
 * effect still counts.
 */
export const DIRECTIONS: Record<Signal, -1 | 0 | 1> = {
  complete: 1,
  noDate: 0,
  noTime: 0,
  ambiguous: -1,
  invalid: -1,
  unread: -1,
  contradiction: -1,
  bareNumber: -1,
  defaultClock: -1,
  chronoDate: -1,
  weakCue: -1,
  dropped: -1,
  place: -1,
  lowerCaseName: -1,
  conversation: 0,
  notBooking: 0,
};

/** Hours (local, [from, to) with wrap-around) a part of the day may hold; outside them it contradicts. */
const PART_HOURS: Record<PartOfDay, readonly [number, number]> = {
  dawn: [0, 8],
  morning: [3, 13],
  noon: [11, 16],
  afternoon: [12, 20],
  evening: [16, 24],
  night: [18, 5],
  lateNight: [21, 6],
};
const DURATION =
  /\b(?:\d+|an?|one|una?|media|half)\s?(?:h|hs|hrs?|hours?|horas?|min|mins|minutes?|minutos?)\b/g;
const WORD = /[a-z']+|\d[\d:.]*(?:am|pm|h|hs)?/g;

export function confidenceSignals(context: Pick<AgentContext, "text" | "messages">, draft: Draft): Signals {
  // A cancel is as sure as what it names: the appointment in `previous`.
  const named = draft.intent === "cancel" ? (draft.previous ?? draft) : draft;
  const used = [...draft.expressions, ...(draft.previous?.expressions ?? [])];
  const time = used.find((expression) => expression.time !== undefined);
  const issues = draft.ambiguities.map((ambiguity) => ambiguity.issue);
  const chrono = used.some((expression) => expression.parser === "chrono");
  const defaultClock = time !== undefined && named.time !== null && defaultHalf(time, used);
  return {
    complete: Number(draft.status === "complete"),
    noDate: Number(named.date === null),
    noTime: Number(named.time === null),
    ambiguous: Math.min(2, issues.filter((issue) => issue === "ambiguous").length),
    invalid: Number(draft.status === "invalid"),
    unread: Math.min(3, unreadWords(context, draft, used)),
    contradiction: Number(contradicts(used, named.time)),
    bareNumber: Number(time !== undefined && /^\s*\d{1,2}\s*$/.test(time.text)),
    defaultClock: Number(defaultClock),
    chronoDate: Number(chrono),
    // Any other doubt the parsers recorded: an abbreviation ("tue"), a reference resolved against an
    // earlier mention ("that day"), a shorthand clock ("3p", "half 3").
    weakCue: Number(!chrono && !defaultClock && draft.certainty < 1),
    dropped: Math.min(2, surplus(used, "date") + surplus(used, "time")),
    place: Number(draft.location !== null),
    lowerCaseName: Number(draft.contact !== null && draft.contact === draft.contact.toLowerCase()),
    // A conversation of one message reads as its text (C1).
    conversation: Number((context.messages?.length ?? 0) > 1),
    notBooking: Number(draft.intent !== "book"),
  };
}

/** A bare hour 1–12 whose half of the day no am/pm, 24-hour clock or part of the day decided (rule 6). */
function defaultHalf(time: TemporalExpression, used: readonly TemporalExpression[]): boolean {
  const spec = time.time!;
  if (spec.meridiem !== undefined || spec.clock24 || spec.hour === 0 || spec.hour > 12) return false;
  return !used.some((expression) => expression.partOfDay !== undefined);
}

/**
 * Distinct readings of one kind beyond the first: ones the Temporal agent did not use. The same value read
 * twice (an LLM's phrase and the rules' expression for it) is one reading.
 */
function surplus(used: readonly TemporalExpression[], kind: "date" | "time"): number {
  const values = new Set(
    used.flatMap((expression) => (expression[kind] ? [JSON.stringify(expression[kind])] : [])),
  );
  return Math.max(0, values.size - 1);
}

function contradicts(used: readonly TemporalExpression[], time: string | null): boolean {
  if (time === null) return false;
  const hour = Number(time.slice(0, 2));
  return used.some((expression) => {
    if (expression.partOfDay === undefined) return false;
    const [from, to] = PART_HOURS[expression.partOfDay];
    return from < to ? hour < from || hour >= to : hour < from && hour >= to;
  });
}

/**
 * Temporal-looking words of the text (the last user message of a conversation) that nothing the answer
 * used covers: not an expression of this text, nor the contact, service or place read, nor a duration.
 */
function unreadWords(
  context: Pick<AgentContext, "text">,
  draft: Draft,
  used: readonly TemporalExpression[],
): number {
  const { folded } = context.text;
  const spans: [number, number][] = used
    .filter((expression) => folded.slice(expression.index, expression.end) === fold(expression.text))
    .map((expression) => [expression.index, expression.end]);
  for (const value of [draft.contact, draft.service, draft.location?.text ?? null]) {
    const at = value === null ? -1 : folded.indexOf(fold(value));
    if (at >= 0) spans.push([at, at + fold(value!).length]);
  }
  if (draft.durationMinutes !== null) {
    for (const match of folded.matchAll(DURATION)) spans.push([match.index, match.index + match[0].length]);
  }
  let count = 0;
  for (const match of folded.matchAll(WORD)) {
    const word = match[0];
    if (!/^\d/.test(word) && !TEMPORAL_WORDS.has(word)) continue;
    if (!spans.some(([from, to]) => match.index >= from && match.index < to)) count++;
  }
  return count;
}

/** A value's words as the folded text writes them (lower case, no accents, single spaces). */
export function fold(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ");
}
