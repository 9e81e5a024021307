// The parse service: turns a validated request into the contract's response by running the coordinator.
// Used by the HTTP route, the golden runner and the benchmark alike.
import { detectLanguage } from "../agents/parsing/rules/language.js";
import type { CalendarStore } from "./calendars/store.js";
import type { Calendar } from "./calendars/types.js";
import type { Config } from "./config.js";
import { type AgentContext, emptyDraft } from "./coordinator/agent.js";
import { runSequence } from "./coordinator/coordinator.js";
import { fullSequence } from "./coordinator/sequences.js";
import { ApiError } from "./http/errors.js";
import type { ParseRequest, ParseResponse } from "./http/schemas.js";
import type { InvalidOutput } from "./llm/structured.js";
import type { LlmProvider } from "./providers/types.js";

export interface ParseOptions {
  config: Config;
  /** Calendars and bookings; without one, a request naming a calendar answers 404. */
  store?: CalendarStore | null;
  requestId: string;
  /** Used when the request gives no `now`; defaults to the clock. */
  clock?: () => number;
  debug?: (message: string) => void;
  /** The configured LLM providers, created once at the entry; none means every request reads by rules. */
  providers?: readonly LlmProvider[];
  /** Told about every model answer that fails the schema. */
  onInvalidOutput?: (event: InvalidOutput) => void;
  /** Aborts upstream LLM calls when the client goes away. */
  signal?: AbortSignal;
}

export async function parseAppointment(request: ParseRequest, options: ParseOptions): Promise<ParseResponse> {
  const { config } = options;
  const text = request.text.trim();
  const now = request.now !== undefined ? Date.parse(request.now) : (options.clock ?? Date.now)();
  const sink = options.debug;
  const store = options.store ?? null;
  const mode = request.mode ?? "auto";
  // auto reads with an LLM when one is configured; rules never calls one; llm insists on one.
  const providers = mode === "rules" ? [] : (options.providers ?? []);
  if (mode === "llm" && providers.length === 0) {
    throw new ApiError("llm_unavailable", "No LLM provider is configured; use mode auto or rules.");
  }
  let calendar: Calendar | null = null;
  if (request.calendarId !== undefined) {
    calendar = store ? await store.getCalendar(request.calendarId) : null;
    if (calendar === null) throw new ApiError("not_found", `Unknown calendar: ${request.calendarId}.`);
  }
  const context: AgentContext = {
    text,
    locale: request.locale ?? null,
    // A request naming a calendar but no zone is read in the calendar's zone (docs/interpretation.md).
    timezone: request.timezone ?? calendar?.timezone ?? config.defaultTimezone,
    now,
    config,
    calendar,
    store,
    debug: sink ? (message) => sink(message()) : () => {},
    llm:
      providers.length === 0
        ? null
        : {
            providers,
            requestId: options.requestId,
            ...(options.signal ? { signal: options.signal } : {}),
            ...(options.onInvalidOutput ? { onInvalidOutput: options.onInvalidOutput } : {}),
          },
  };
  const language = detectLanguage(text, context.locale);
  const { draft, agents, timingsMs } = await runSequence(
    fullSequence,
    context,
    emptyDraft(context, language),
  );
  const answered = draft.llm?.answered === true ? draft.llm : null;
  if (mode === "llm" && answered === null) {
    throw new ApiError("llm_unavailable", "No LLM provider could answer; retry, or use mode auto or rules.");
  }
  return {
    status: draft.status ?? "needs_clarification",
    appointment: {
      contact: draft.contact,
      service: draft.service,
      date: draft.date,
      time: draft.time,
      start: draft.start,
      end: draft.end,
      durationMinutes: draft.durationMinutes,
      timezone: draft.timezone,
      location: draft.location,
    },
    confidence: draft.confidence ?? 0,
    ambiguities: draft.ambiguities,
    alternatives: draft.alternatives,
    meta: {
      requestId: options.requestId,
      mode: answered ? "llm" : "rules",
      degraded: false,
      provider: answered?.provider ?? null,
      model: answered?.model ?? null,
      agents,
      timingsMs,
      cache: "bypass",
    },
  };
}
