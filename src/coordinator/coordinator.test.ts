// The coordinator: agents run in order, an agent that throws is recorded and flagged while the request
// still gets an answer, and each agent's time is measured. Real agents, plus test agents that fail.
import { describe, expect, it, vi } from "vitest";
import { parsingAgent } from "../../agents/parsing/index.js";
import { temporalAgent } from "../../agents/temporal/index.js";
import { validationAgent } from "../../agents/validation/index.js";
import { createApp } from "../app.js";
import { readConfig } from "../config.js";
import { AmbiguitySchema, ParseResponseSchema } from "../http/schemas/parse.js";
import { type Language, localize } from "../locales/index.js";
import { type Agent, type AgentContext, type AgentName, emptyDraft, type Field } from "./agent.js";
import { createAgentContext } from "./context.js";
import { runSequence } from "./coordinator.js";
import { fullSequence } from "./sequences.js";

// Fault injection at the sequence seam, for the end-to-end checks: while `fault.agent` names an agent of
// the full sequence, that agent throws instead of running. Otherwise the sequence is the real one.
const fault = vi.hoisted(() => ({ agent: null as string | null }));
vi.mock("./sequences.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("./sequences.js")>();
  const faulty = (agent: Agent): Agent => ({
    name: agent.name,
    failureField: agent.failureField,
    run: (context, draft) => {
      if (fault.agent === agent.name) throw new Error(`injected fault in ${agent.name}`);
      return agent.run(context, draft);
    },
  });
  return { ...original, fullSequence: original.fullSequence.map(faulty) };
});

const NOW = Date.parse("2026-01-22T10:30:00-06:00");
const ZONE = "America/Mexico_City";
const config = readConfig({});

function contextFor(
  text: string,
  debug: AgentContext["debug"] = () => {},
  language?: Language,
): AgentContext {
  return createAgentContext({
    text,
    language,
    locale: null,
    timezone: ZONE,
    now: NOW,
    calendar: null,
    store: null,
    debug,
  });
}

function failingAgent(name: AgentName, failureField: Field, fault: () => never | Promise<never>): Agent {
  return { name, failureField, run: () => fault() };
}

/** Keeps the clock busy for `ms`, so a timing has a known lower bound without sleeping on timers. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // spin
  }
}

async function run(sequence: readonly Agent[], text: string, language: Language = "es") {
  const context = contextFor(text, undefined, language);
  return runSequence(sequence, context, emptyDraft(context));
}

const SPANISH = "cita con el Dr. Pérez mañana a las 10";
const ENGLISH = "appointment with Dr. Smith tomorrow at 10am";

describe("runSequence", () => {
  it("runs the real full sequence to a complete answer", async () => {
    const { draft, agents, timingsMs } = await run(fullSequence, SPANISH);
    expect(agents).toEqual(fullSequence.map((agent) => agent.name));
    expect(Object.keys(timingsMs)).toEqual(agents);
    expect(draft.failures).toEqual([]);
    expect(draft.status).toBe("complete");
    expect(draft.start).toBe("2026-01-23T10:00:00-06:00");
    expect(draft.confidence).toBeGreaterThan(0.5);
  });

  it("records an agent that throws, flags its failure field, and carries on with the rest", async () => {
    const geo = failingAgent("geo", "location", () => {
      throw new Error("geocoder exploded");
    });
    const { draft, agents } = await run([parsingAgent, temporalAgent, geo, validationAgent], SPANISH);
    expect(agents).toEqual(["parsing", "temporal", "geo", "validation"]);
    expect(draft.failures).toEqual(["geo"]);
    expect(draft.ambiguities).toContainEqual({
      field: "location",
      issue: "ambiguous",
      message: localize("es", "agentFailed"),
    });
    // What the agents before it established survives the failure.
    expect(draft.start).toBe("2026-01-23T10:00:00-06:00");
    expect(draft.contact).toBe("Dr. Pérez");
    // Validation still ran after it: a status and a confidence exist.
    expect(draft.status).toBe("needs_clarification");
    expect(draft.confidence).not.toBeNull();
  });

  it("gives a lower confidence with the failure than without it", async () => {
    for (const text of [SPANISH, ENGLISH]) {
      const language = text === SPANISH ? "es" : "en";
      const healthy = await run([parsingAgent, temporalAgent, validationAgent], text, language);
      const geo = failingAgent("geo", "location", () => {
        throw new Error("down");
      });
      const failed = await run([parsingAgent, temporalAgent, geo, validationAgent], text, language);
      expect(healthy.draft.confidence, text).toBeGreaterThan(0);
      expect(failed.draft.confidence!, text).toBeLessThan(healthy.draft.confidence!);
    }
  });

  it("writes the failure message in the request's language", async () => {
    const geo = failingAgent("geo", "location", () => {
      throw new Error("down");
    });
    const { draft } = await run([parsingAgent, geo, validationAgent], ENGLISH, "en");
    const flagged = draft.ambiguities.find((ambiguity) => ambiguity.field === "location");
    expect(flagged?.message).toBe(localize("en", "agentFailed"));
    expect(flagged?.message).not.toBe(localize("es", "agentFailed"));
  });

  it("records rejected promises and thrown non-errors the same way", async () => {
    const rejecting = failingAgent("geo", "location", () => Promise.reject(new Error("timeout")));
    const throwingString = failingAgent("availability", "time", () => {
      throw "not an Error";
    });
    const { draft, agents } = await run(
      [parsingAgent, temporalAgent, rejecting, throwingString, validationAgent],
      SPANISH,
    );
    expect(agents).toEqual(["parsing", "temporal", "geo", "availability", "validation"]);
    expect(draft.failures).toEqual(["geo", "availability"]);
    expect(draft.ambiguities.map(({ field, issue }) => `${field}:${issue}`)).toEqual(
      expect.arrayContaining(["location:ambiguous", "time:ambiguous"]),
    );
  });

  it("flags the failure field of a real agent's slot when it throws, and the answer stays in shape", async () => {
    const brokenTemporal = failingAgent("temporal", temporalAgent.failureField, () => {
      throw new RangeError("bad zone data");
    });
    const { draft, agents, timingsMs } = await run([parsingAgent, brokenTemporal, validationAgent], SPANISH);
    expect(draft.failures).toEqual(["temporal"]);
    expect(draft.start).toBeNull();
    expect(draft.status).toBe("needs_clarification");
    expect(agents).toEqual(["parsing", "temporal", "validation"]);
    expect(Object.keys(timingsMs)).toEqual(agents);
    for (const ambiguity of draft.ambiguities) AmbiguitySchema.parse(ambiguity);
    expect(draft.ambiguities).toContainEqual(
      expect.objectContaining({ field: temporalAgent.failureField, issue: "ambiguous" }),
    );
  });

  it("measures each agent, the failing one included", async () => {
    const slow: Agent = {
      name: "geo",
      failureField: "location",
      run: (_context, draft) => {
        busy(15);
        return draft;
      },
    };
    const slowThenFailing = failingAgent("availability", "time", () => {
      busy(10);
      throw new Error("late failure");
    });
    const { agents, timingsMs } = await run([parsingAgent, slow, slowThenFailing, validationAgent], SPANISH);
    expect(Object.keys(timingsMs).sort()).toEqual([...agents].sort());
    for (const name of agents) {
      expect(Number.isFinite(timingsMs[name]), name).toBe(true);
      expect(timingsMs[name]!, name).toBeGreaterThanOrEqual(0);
    }
    expect(timingsMs.geo!).toBeGreaterThanOrEqual(15);
    expect(timingsMs.availability!).toBeGreaterThanOrEqual(10);
    expect(timingsMs.validation!).toBeLessThan(timingsMs.geo!);
  });

  it("lists agents in the order of the sequence, not alphabetically or by speed", async () => {
    const passThrough = (name: AgentName, ms: number): Agent => ({
      name,
      failureField: "date",
      run: (_context, draft) => {
        busy(ms);
        return draft;
      },
    });
    const sequence = [
      passThrough("negotiation", 0),
      passThrough("availability", 3),
      passThrough("geo", 1),
      parsingAgent,
    ];
    const { agents } = await run(sequence, SPANISH);
    expect(agents).toEqual(["negotiation", "availability", "geo", "parsing"]);
  });

  it("hands each agent the draft of the one before it", async () => {
    const seen: (string | null)[] = [];
    const observer: Agent = {
      name: "geo",
      failureField: "location",
      run: (_context, draft) => {
        seen.push(draft.start);
        return draft;
      },
    };
    await run([parsingAgent, observer, temporalAgent, observer], SPANISH);
    expect(seen).toEqual([null, "2026-01-23T10:00:00-06:00"]);
  });

  it("reports the failure to the debug sink without throwing", async () => {
    const messages: string[] = [];
    const context = contextFor(SPANISH, (message) => messages.push(message()));
    const geo = failingAgent("geo", "location", () => {
      throw new Error("geocoder exploded");
    });
    await runSequence([parsingAgent, geo], context, emptyDraft(context));
    expect(messages.some((message) => message.includes("geo") && message.includes("geocoder exploded"))).toBe(
      true,
    );
  });

  it("does not mutate the initial draft", async () => {
    const context = contextFor(SPANISH);
    const initial = emptyDraft(context);
    const snapshot = structuredClone(initial);
    const geo = failingAgent("geo", "location", () => {
      throw new Error("down");
    });
    await runSequence([parsingAgent, temporalAgent, geo, validationAgent], context, initial);
    expect(initial).toEqual(snapshot);
  });

  it("builds messages lazily: a quiet debug sink is never asked to render", async () => {
    const debug = vi.fn();
    const context = contextFor(SPANISH, debug);
    const geo = failingAgent("geo", "location", () => {
      throw new Error("down");
    });
    await runSequence([geo], context, emptyDraft(context));
    expect(debug).toHaveBeenCalledTimes(1);
    expect(typeof debug.mock.calls[0]![0]).toBe("function");
  });
});

describe("a failing agent through POST /v1/appointments/parse", () => {
  const app = createApp({ config });

  async function parse(text: string) {
    const response = await app.request("/v1/appointments/parse", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text, timezone: ZONE, now: "2026-01-22T10:30:00-06:00" }),
    });
    expect(response.status).toBe(200);
    return ParseResponseSchema.parse(await response.json());
  }

  // "parsing" fails today: with the parsing agent down the draft keeps intent false, and the validation
  // agent's no-appointment branch replaces every ambiguity, the recorded failure's included.
  it.each(["parsing", "temporal"])(
    "answers in the contract's shape, flags the failure and lowers confidence when %s throws",
    async (agent) => {
      fault.agent = null;
      const healthy = await parse(SPANISH);
      fault.agent = agent;
      try {
        const failed = await parse(SPANISH);
        expect(failed.meta.agents).toEqual(healthy.meta.agents);
        expect(Object.keys(failed.meta.timingsMs)).toEqual(failed.meta.agents);
        expect(failed.status).toBe("needs_clarification");
        expect(failed.ambiguities).toContainEqual({
          field: "date",
          issue: "ambiguous",
          message: localize("es", "agentFailed"),
        });
        expect(failed.confidence).toBeLessThan(healthy.confidence);
        expect(JSON.stringify(failed)).not.toContain("injected fault");
      } finally {
        fault.agent = null;
      }
    },
  );

  it("still answers when the validation agent, which sets status and confidence, throws", async () => {
    fault.agent = "validation";
    try {
      const failed = await parse(SPANISH);
      expect(failed.meta.agents).toEqual(fullSequence.map((agent) => agent.name));
      expect(failed.status).toBe("needs_clarification");
      expect(failed.confidence).toBeLessThan(0.5);
    } finally {
      fault.agent = null;
    }
  });
});
