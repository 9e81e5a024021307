// The dialogue words of every registered language (src/locales/<code>/dialogue.ts), compiled once into the
// patterns the conversation reader runs on folded text.
import { allLocales } from "../locales/index.js";

function alternation(items: readonly string[]): string {
  return [...new Set(items)]
    .sort((a, b) => b.length - a.length)
    .map((item) => item.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|");
}

/** Whole words or phrases, anywhere in folded text. */
function anywhere(items: readonly string[]): RegExp {
  return new RegExp(`(?<![a-z0-9'])(?:${alternation(items)})(?![a-z0-9'])`, "g");
}

const ACCEPT = allLocales((locale) => locale.dialogue.accept);
export const ACCEPT_PHRASES: ReadonlySet<string> = new Set(ACCEPT);
export const FILLER_PHRASES: ReadonlySet<string> = new Set(allLocales((locale) => locale.dialogue.fillers));
export const ACCEPT_WORDS = anywhere(ACCEPT);
export const REJECT_START = new RegExp(
  `^(?:${alternation(allLocales((locale) => locale.dialogue.reject))})(?![a-z0-9'])`,
);
export const REJECT_ANYWHERE = anywhere(
  allLocales((locale) => locale.dialogue.reject).filter((phrase) => phrase.includes(" ")),
);
/** A refusal of the value named beside it ("el jueves no puedo"), unless it only sets a bound ("hasta", "until"). */
export const REFUSAL = new RegExp(
  `${anywhere(allLocales((locale) => locale.dialogue.refuseValue)).source}(?! (?:go |ir )?(?:until|till|before|after|hasta|antes|despues)\\b)`,
  "g",
);

export const ORDINALS: ReadonlyMap<string, number> = new Map(
  allLocales((locale) => Object.entries(locale.dialogue.ordinals)),
);
export const ORDINAL = anywhere([...ORDINALS.keys()]);
/** "option 2", "opcion 2", "#2": a position by number ("el 2" is a day of the month). */
export const NUMBERED_OPTION = /(?<![a-z0-9])(?:option|opcion|opt|numero|number|nro|#)\s?([1-9])(?![0-9:.])/;

export const SAME_DAY = anywhere(allLocales((locale) => locale.dialogue.sameDay));
export const SAME_TIME = anywhere(allLocales((locale) => locale.dialogue.sameTime));
export const DAY_AFTER = anywhere(allLocales((locale) => locale.dialogue.dayAfter));
export const CANCEL_OUTRIGHT = anywhere(allLocales((locale) => locale.dialogue.cancelOutright));
export const EXISTING = anywhere(allLocales((locale) => locale.dialogue.existing));
export const ASK_NAME = anywhere(allLocales((locale) => locale.dialogue.askName));

export const UNAVAILABLE = anywhere(allLocales((locale) => locale.dialogue.unavailable));

/** Where a clause of a message ends: sentence punctuation, or a "but" that turns to another slot. */
export const CLAUSE_END = /[.;!?](?=\s|$)|\s(?:but|however|instead|pero|sin embargo|en cambio)\s/g;
/** What separates the clauses of a reply, the one whose opening carries its yes or no. */
export const REPLY_CLAUSE = /[,.;:!?¡¿()\n]| pero | but | aunque | though /;

/** Every pattern above, for the ReDoS gate (agents/parsing/rules/redos.test.ts). */
export const DIALOGUE_PATTERNS: readonly RegExp[] = [
  ACCEPT_WORDS,
  REJECT_START,
  REJECT_ANYWHERE,
  REFUSAL,
  ORDINAL,
  NUMBERED_OPTION,
  SAME_DAY,
  SAME_TIME,
  DAY_AFTER,
  EXISTING,
  CANCEL_OUTRIGHT,
  ASK_NAME,
  UNAVAILABLE,
  CLAUSE_END,
  REPLY_CLAUSE,
];
