// Runs a sequence of agents over one request: a short loop with no domain logic. An agent that throws is
// recorded and flagged as an ambiguity; the request still gets an answer.
import { localize } from "../locales/index.js";
import type { Agent, AgentContext, AgentName, Draft } from "./agent.js";

export interface RunResult {
  draft: Draft;
  agents: AgentName[];
  timingsMs: Partial<Record<AgentName, number>>;
}

export async function runSequence(
  sequence: readonly Agent[],
  context: AgentContext,
  initial: Draft,
): Promise<RunResult> {
  let draft = initial;
  const agents: AgentName[] = [];
  const timingsMs: Partial<Record<AgentName, number>> = {};
  // One clock reading per agent: each agent's time runs from the previous one's end.
  let started = performance.now();
  for (const agent of sequence) {
    try {
      // Most agents answer synchronously: awaiting only real promises saves a turn of the event loop each.
      const result = agent.run(context, draft);
      draft = result instanceof Promise ? await result : result;
    } catch (error) {
      context.debug(
        () => `agent ${agent.name} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      draft = recordFailure(context, draft, agent);
    }
    const ended = performance.now();
    agents.push(agent.name);
    timingsMs[agent.name] = round(ended - started);
    started = ended;
  }
  return { draft, agents, timingsMs };
}

function recordFailure(context: AgentContext, draft: Draft, agent: Agent): Draft {
  return {
    ...draft,
    // Whatever ran before, an answer with a failed agent is not complete.
    status: draft.status === "complete" ? "needs_clarification" : draft.status,
    failures: [...draft.failures, agent.name],
    ambiguities: [
      ...draft.ambiguities,
      { field: agent.failureField, issue: "ambiguous", message: localize(context.language, "agentFailed") },
    ],
  };
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
