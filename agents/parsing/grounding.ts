// Where a model's values may come from. For a text, the text. For a conversation (conventions, C4), the
// user's messages, or an assistant's message only where the rules' reading of the conversation took the
// same value from it (an offer the user accepted): whatever the assistant's messages say, or what is
// written in them, a model cannot be talked into a value the user never accepted. A date or time phrase
// of a conversation is read in the message it comes from, or as the rules read it when they took it.
import type { AgentContext, ReadableMessage } from "../../src/coordinator/agent.js";
import { extractExpressions } from "../../src/temporal/extract.js";
import type { TemporalExpression } from "../../src/temporal/types.js";
import { holdsWords, occursIn, phraseExpressions, sameWords } from "./phrases.js";

export interface Grounding {
  /** Whether the model's value comes from where it may; `ruled` is the rules' value of the same field. */
  holds(value: string, ruled: string | null): boolean;
  /**
   * The expressions of the model's date and time phrases, each read in the text or message it comes from;
   * `ruled` are the rules' expressions for the same appointment.
   */
  expressions(
    phrases: readonly (string | null)[],
    ruled: readonly TemporalExpression[],
  ): TemporalExpression[];
}

export function groundingFor(context: AgentContext): Grounding {
  const options = { language: context.language, dayFirst: context.dayFirst };
  if (context.messages === null) {
    return {
      holds: (value) => occursIn(value, context.text),
      expressions: (phrases, ruled) => phraseExpressions(phrases, context.text, options, context.now, ruled),
    };
  }
  const latestFirst = [...context.messages].reverse();
  /** The latest user message holding the value, else the latest assistant message when `taken` says so. */
  const source = (value: string, taken: boolean): ReadableMessage | undefined =>
    latestFirst.find((message) => message.role === "user" && occursIn(value, message.text)) ??
    (taken ? latestFirst.find((message) => occursIn(value, message.text)) : undefined);
  return {
    holds: (value, ruled) => source(value, ruled !== null && sameWords(value, ruled)) !== undefined,
    expressions(phrases, ruled) {
      const found: TemporalExpression[][] = [];
      const groups = new Map<ReadableMessage, { at: number; phrases: string[] }>();
      for (const phrase of new Set(phrases)) {
        if (phrase === null) continue;
        // A phrase within one the rules read is read as they read it there: a reference ("the day after",
        // "same time") is resolved in the conversation, which the words of the referent alone do not say.
        const within = ruled.filter((expression) => holdsWords(expression.text, phrase));
        if (within.length > 0) {
          found.push(within);
          continue;
        }
        const message = source(
          phrase,
          ruled.some((expression) => sameWords(expression.text, phrase)),
        );
        if (message === undefined) continue;
        const group = groups.get(message) ?? { at: found.push([]) - 1, phrases: [] };
        group.phrases.push(phrase);
        groups.set(message, group);
      }
      for (const [message, group] of groups) {
        const inMessage = extractExpressions(message.text, options, new Date(context.now)).filter(
          (expression) => expression.durationMinutes === undefined,
        );
        found[group.at] = phraseExpressions(group.phrases, message.text, options, context.now, inMessage);
      }
      return [...new Set(found.flat())];
    },
  };
}
