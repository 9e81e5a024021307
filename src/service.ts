// The parse service: turns a validated request into the contract's response by running the coordinator.
// Used by the HTTP route, the golden runner and the benchmark alike.
import { ceiling } from "../agents/validation/confidence.js";
import type { CalendarStore } from "./calendars/store.js";
import type { Calendar } from "./calendars/types.js";
import type { Config } from "./config.js";
import { emptyDraft, type LlmReading } from "./coordinator/agent.js";
import { createAgentContext } from "./coordinator/context.js";
import { runSequence } from "./coordinator/coordinator.js";
import { fullSequence, minimalSequence } from "./coordinator/sequences.js";
import { explain } from "./explanation/explain.js";
import { emptyNotes } from "./explanation/notes.js";
import { type ParseRequest, type ParseResponse, requestTexts } from "./http/schemas/parse.js";
import { hasInjection } from "./llm/injection.js";
import type { InvalidOutput } from "./llm/structured.js";
import type { ModelRegistry } from "./registry/model-registry.js";
import type { AnswerOrigin } from "./router/health.js";
import type { LlmRouter } from "./router/router.js";
import { ServiceError } from "./service-errors.js";

export interface ParseOptions {
  config: Config;
  /** Calendars and bookings; without one, a request naming a calendar answers 404. */
  store?: CalendarStore | null;
  requestId: string;
  /** Used when the request gives no `now`; defaults to the clock. */
  clock?: () => number;
  debug?: (message: string) => void;
  /** The LLM router over the configured providers, created once per app; none: every request reads by rules. */
  router?: LlmRouter | null;
  /** Told about every model answer that fails the schema. */
  onInvalidOutput?: (event: InvalidOutput) => void;
  /** Aborts upstream LLM calls when the client goes away. */
  signal?: AbortSignal;
  /** Baseline and fine-tuned models per agent: which variant this request uses. */
  registry?: ModelRegistry | null;
  /** The user or session the request belongs to: keeps a user on one registry variant. */
  subject?: string | null;
  /**
   * Who sent the request: the client address today, a key's id later (null: unknown). A provider is judged
   * degraded on quality only when answers fail for several clients.
   */
  clientId?: string | null;
  /**
   * The text, or each message's content, as the client sent it (before the edge cleaned it): an
   * explanation's offsets count in it. Without it they count in the cleaned text.
   */
  sent?: readonly string[];
  /** Told how an LLM took part (null: it did not), for the request's log line. */
  onLlm?: (reading: LlmReading | null) => void;
}

export async function parseAppointment(request: ParseRequest, options: ParseOptions): Promise<ParseResponse> {
  const { config } = options;
  const now = request.now !== undefined ? Date.parse(request.now) : (options.clock ?? Date.now)();
  const sink = options.debug;
  const store = options.store ?? null;
  const mode = request.mode ?? "auto";
  // auto reads with an LLM when one is configured and usable; rules never calls one; llm insists on one.
  const router = mode === "rules" ? null : (options.router ?? null);
  if (mode === "llm" && router === null) {
    throw new ServiceError("llm_unavailable", "No LLM provider is configured; use mode auto or rules.");
  }
  // The router's state picks the sequence: degraded LLMs mean the minimal one, none usable means the
  // rules parser (in the minimal sequence too: the service is degraded, and says so).
  const routerState = router?.state() ?? null;
  if (mode === "llm" && routerState === "down") {
    throw new ServiceError(
      "llm_unavailable",
      "No LLM provider can answer now; retry, or use mode auto or rules.",
    );
  }
  const degraded = routerState === "degraded" || routerState === "down";
  const llmRouter = routerState === "down" ? null : router;
  let calendar: Calendar | null = null;
  if (request.calendarId !== undefined) {
    calendar = store ? await store.getCalendar(request.calendarId) : null;
    if (calendar === null) {
      throw new ServiceError("unknown_calendar", `Unknown calendar: ${request.calendarId}.`);
    }
  }
  const origin = llmRouter === null ? null : originOf(request, options.clientId ?? null);
  const context = createAgentContext({
    ...(request.messages !== undefined ? { messages: request.messages } : { text: request.text ?? "" }),
    locale: request.locale ?? null,
    // A request naming a calendar but no zone is read in the calendar's zone (docs/interpretation.md).
    timezone: request.timezone ?? calendar?.timezone ?? config.defaultTimezone,
    now,
    calendar,
    store,
    ...(sink ? { debug: (message: () => string) => sink(message()) } : {}),
    llm:
      llmRouter === null
        ? null
        : {
            router: llmRouter,
            ...(options.registry
              ? { assignment: options.registry.assign("parsing", options.subject ?? null) }
              : {}),
            requestId: options.requestId,
            ...(options.signal ? { signal: options.signal } : {}),
            ...(options.onInvalidOutput ? { onInvalidOutput: options.onInvalidOutput } : {}),
            ...(origin !== null ? { origin } : {}),
          },
  });
  const initial = emptyDraft(context);
  if (request.explain === true) initial.notes = emptyNotes();
  const { draft, agents, timingsMs } = await runSequence(
    degraded ? minimalSequence : fullSequence,
    context,
    initial,
  );
  const answered = draft.llm?.answered === true ? draft.llm : null;
  options.onLlm?.(draft.llm);
  // The confidence of what a provider answered is part of its health: the ceiling its reading earned
  // against the rules cross-check (low-quality answers disagree, and read low), not the request's
  // confidence, which also falls with an incomplete text (docs/confidence.md).
  if (answered !== null && answered.cache !== "hit") {
    llmRouter?.recordConfidence(answered.provider, answered.model, ceiling(draft), origin ?? undefined);
  }
  if (mode === "llm" && answered === null) {
    throw new ServiceError(
      "llm_unavailable",
      "No LLM provider could answer; retry, or use mode auto or rules.",
    );
  }
  const response: ParseResponse = {
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
    intent: draft.intent,
    previous:
      draft.previous === null
        ? null
        : {
            date: draft.previous.date,
            time: draft.previous.time,
            start: draft.previous.start,
            contact: draft.previous.contact,
            service: draft.previous.service,
          },
    confidence: draft.confidence ?? 0,
    ambiguities: draft.ambiguities,
    alternatives: draft.alternatives,
    meta: {
      requestId: options.requestId,
      mode: answered ? "llm" : "rules",
      degraded,
      provider: answered?.provider ?? null,
      model: answered?.model ?? null,
      agents,
      timingsMs,
      cache: answered?.cache ?? "bypass",
    },
  };
  if (request.explain === true) {
    const cleaned = requestTexts(request);
    const sources = options.sent === undefined ? { cleaned } : { cleaned, sent: options.sent };
    response.explanation = explain(context, draft, sources, response.confidence);
  }
  return response;
}

/**
 * Who sent the request and whether its text reads as an injection: every message of a conversation, since
 * the client writes the assistant's messages too.
 */
function originOf(request: ParseRequest, client: string | null): AnswerOrigin {
  return { client, suspect: requestTexts(request).some(hasInjection) };
}
