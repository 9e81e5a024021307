// What a user's reply does besides stating values (conventions, C3 and C4): accept or refuse what the
// assistant offered, pick one of the options it listed, or refer back to a day or time already named.
import type { NormalizedText } from "../temporal/text.js";
import type { TemporalExpression } from "../temporal/types.js";
import {
  ACCEPT_PHRASES,
  ACCEPT_WORDS,
  DAY_AFTER,
  FILLER_PHRASES,
  NUMBERED_OPTION,
  ORDINAL,
  ORDINALS,
  REJECT_ANYWHERE,
  REJECT_START,
  REPLY_CLAUSE,
  SAME_DAY,
  SAME_TIME,
} from "./vocabulary.js";

export interface ReplyActs {
  /** Accepts the open offer ("sí", "sounds good", "yes, but at 5"). */
  accept: boolean;
  /** Refuses it ("no", "no puedo", "anything later?"). */
  reject: boolean;
  /** The option picked by position ("la segunda", "the first", "option 3"; -1 is the last) and where. */
  ordinal: { position: number; index: number; end: number } | null;
  /** "ese día", "that day": the day already named. */
  sameDay: boolean;
  /** "a la misma hora", "same time". */
  sameTime: boolean;
  /** "el día siguiente", "the day after": the day after the one named. */
  dayAfter: boolean;
}

/**
 * The reply's first clause with words of its own: what a chat reply opens with carries its yes or no, past
 * an opening of fillers alone ("bueno, de una", "well, yes").
 */
function firstClause(folded: string): string {
  const clauses = folded.split(REPLY_CLAUSE).map((clause) => clause.trim());
  const opening = clauses.find((clause) => clause !== "" && !onlyFillers(clause));
  return opening ?? clauses[0] ?? "";
}

function onlyFillers(clause: string): boolean {
  return clause.split(/[\s!.]+/).every((word) => word === "" || FILLER_PHRASES.has(word));
}

/** Whether a phrase found by `pattern` stands outside every date or time expression of the text. */
function outside(pattern: RegExp, folded: string, expressions: readonly TemporalExpression[]): boolean {
  pattern.lastIndex = 0;
  for (const match of folded.matchAll(pattern)) {
    const [from, to] = [match.index, match.index + match[0].length];
    if (!expressions.some((expression) => expression.index < to && from < expression.end)) return true;
  }
  return false;
}

export function replyActs(text: NormalizedText, expressions: readonly TemporalExpression[]): ReplyActs {
  const { folded } = text;
  const clause = firstClause(folded);
  // "no problem" accepts though it opens with "no": a whole acceptance wins over a refusal's first word.
  const whole = onlyAcceptance(clause);
  const reject = !whole && (REJECT_START.test(clause) || outside(REJECT_ANYWHERE, folded, []));
  const accept = whole || (!reject && startsAccepting(clause));
  return {
    accept,
    reject,
    ordinal: ordinalOf(folded),
    sameDay: outside(SAME_DAY, folded, expressions),
    sameTime: outside(SAME_TIME, folded, expressions),
    dayAfter: outside(DAY_AFTER, folded, expressions),
  };
}

const LONGEST_PHRASE = 5;

/**
 * A clause made only of acceptance phrases and fillers, with one acceptance at least: "si dale", "yes
 * please", "that would be fine", "me parece perfecto". Word by word, each position reached once (linear).
 */
function onlyAcceptance(clause: string): boolean {
  const words = clause.split(/[\s!.]+/).filter((word) => word !== "");
  if (words.length === 0 || words.length > 12) return false;
  // reached[i]: the first i words are covered; accepted[i]: by a cover that holds an acceptance.
  const reached = new Array<boolean>(words.length + 1).fill(false);
  const accepted = new Array<boolean>(words.length + 1).fill(false);
  reached[0] = true;
  for (let from = 0; from < words.length; from++) {
    if (!reached[from]) continue;
    for (let length = 1; length <= LONGEST_PHRASE && from + length <= words.length; length++) {
      const phrase = words.slice(from, from + length).join(" ");
      const accepts = ACCEPT_PHRASES.has(phrase);
      if (!accepts && !FILLER_PHRASES.has(phrase)) continue;
      reached[from + length] = true;
      accepted[from + length] ||= accepted[from] || accepts;
    }
  }
  return accepted[words.length]!;
}

/** "yes please book it for me": the clause opens with an acceptance. */
function startsAccepting(clause: string): boolean {
  ACCEPT_WORDS.lastIndex = 0;
  const match = ACCEPT_WORDS.exec(clause);
  return match !== null && match.index === 0;
}

/**
 * An ordinal word or a numbered option. A pick may look like a date ("the first" is also the 1st of the
 * month), so it is found whatever the temporal parsers read there; the fold decides which reading wins.
 */
function ordinalOf(folded: string): ReplyActs["ordinal"] {
  ORDINAL.lastIndex = 0;
  const word = ORDINAL.exec(folded);
  if (word !== null) {
    const position = ORDINALS.get(word[0]);
    if (position !== undefined) return { position, index: word.index, end: word.index + word[0].length };
  }
  const numbered = NUMBERED_OPTION.exec(folded);
  if (numbered === null) return null;
  return { position: Number(numbered[1]), index: numbered.index, end: numbered.index + numbered[0].length };
}
