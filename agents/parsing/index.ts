// Parsing agent: reads contact, service, location, duration and the date and time phrases of the text.
// The rules read every request (rules.ts); when the request has an LLM, a model reads it too and the rules
// reading is its cross-check and its fallback (llm.ts). Synchronous without an LLM.
import type { Agent } from "../../src/coordinator/agent.js";
import { readWithLlm } from "./llm.js";
import { readByRules } from "./rules.js";

export const parsingAgent: Agent = {
  name: "parsing",
  failureField: "date",
  run(context, draft) {
    const rules = readByRules(context, draft);
    return context.llm ? readWithLlm(context, context.llm, draft, rules) : rules;
  },
};
