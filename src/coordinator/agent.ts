// The agent contract: a shared, read-only context for one request, the draft appointment that agents
// refine in turn, and the one-method interface every agent implements.
import type { CalendarStore } from "../calendars/store.js";
import type { Calendar, Slot } from "../calendars/types.js";
import type { ExplanationNotes } from "../explanation/notes.js";
import type { InvalidOutput } from "../llm/structured.js";
import type { Language } from "../locales/index.js";
import type { ProviderName } from "../providers/types.js";
import type { Assignment } from "../registry/model-registry.js";
import type { AnswerOrigin } from "../router/health.js";
import type { LlmRouter } from "../router/router.js";
import type { NormalizedText } from "../temporal/text.js";
import type { TemporalExpression } from "../temporal/types.js";
import type { AgentName } from "./agent-names.js";

export { AGENT_NAMES, type AgentName } from "./agent-names.js";

// The names the contract's answers use; the response schemas (src/http) take their enums from these.
export const FIELDS = ["contact", "service", "date", "time", "duration", "location"] as const;
export const ISSUES = [
  "missing",
  "ambiguous",
  "past",
  "nonexistent_time",
  "outside_hours",
  "conflict",
] as const;
export const STATUSES = ["complete", "needs_clarification", "conflict", "invalid"] as const;
/** What the user wants (conventions, rule 22): the latest intent of a conversation (C5). */
export const INTENTS = ["book", "reschedule", "cancel", "availability", "none"] as const;
/** Who wrote a conversation's message: a system role is refused, so no client can smuggle instructions. */
export const ROLES = ["user", "assistant"] as const;

export type Field = (typeof FIELDS)[number];
export type Issue = (typeof ISSUES)[number];
export type Status = (typeof STATUSES)[number];
export type Intent = (typeof INTENTS)[number];
export type Role = (typeof ROLES)[number];

/** A text as the readers take it: normalised, with its language, whether it is foreign, and its date order. */
export interface ReadableText {
  text: NormalizedText;
  language: Language;
  foreign: boolean;
  dayFirst: boolean;
}

/** A conversation's message as the readers take it: every message is read in the conversation's language. */
export interface ReadableMessage extends ReadableText {
  role: Role;
}

/** One message of a conversation, as the chat frontend shows it. */
export interface ConversationMessage {
  role: Role;
  content: string;
}

export interface Ambiguity {
  field: Field;
  issue: Issue;
  message: string;
  options?: string[];
}

export interface Location {
  text: string;
  name?: string;
  city?: string;
  country?: string;
  timezone?: string;
  lat?: number;
  lon?: number;
}

/**
 * Read-only facts about the request, shared by every agent and computed once (src/coordinator/context.ts).
 * Agents get no configuration: what they need of it is here, and no key or token ever is.
 */
export interface AgentContext {
  /** The user's text, trimmed and normalised (lower case, no accents) with a map back to the original. */
  readonly text: NormalizedText;
  /** The language the request is read and answered in: the locale's, else the text's. */
  readonly language: Language;
  /** Written in a language Cita does not read: no appointment is read from it. */
  readonly foreign: boolean;
  /** Whether numeric dates read day first ("3/4" is 3 April): from the language and the locale's region. */
  readonly dayFirst: boolean;
  /**
   * A conversation's messages, oldest first, each normalised and read in the conversation's language; null
   * for a single text. `text` is then the last user message.
   */
  readonly messages: readonly ReadableMessage[] | null;
  /** The locale the client sent, if any (`es-MX`, `en-GB`...). */
  readonly locale: string | null;
  /** The user's IANA zone (canonical). */
  readonly timezone: string;
  /** Reference instant, epoch milliseconds. */
  readonly now: number;
  /** The calendar named by the request (loaded by the service), or null. */
  readonly calendar: Calendar | null;
  /** Where bookings live; null when the deployment has no store. */
  readonly store: CalendarStore | null;
  /** Debug sink; the message is built only when debugging is on. */
  readonly debug: (message: () => string) => void;
  /** The LLMs the Parsing agent may ask; absent or null in rules mode (no LLM is ever called). */
  readonly llm?: LlmAccess | null;
}

export interface LlmAccess {
  /**
   * Picks the provider, and owns timeouts, retries, failover, hedging and the answer cache. Only its
   * `complete` is used, so the recovery check can hand over one that asks a given provider (completeOn).
   */
  readonly router: Pick<LlmRouter, "complete">;
  /** The model-registry variant of this request (a fine-tuned model to try first, token and temperature). */
  readonly assignment?: Assignment;
  /** Sent upstream as X-Request-Id. */
  readonly requestId: string;
  /** Cancels the calls when the client goes away. */
  readonly signal?: AbortSignal;
  /** Told about every answer that fails the schema (the router's health counts them). */
  readonly onInvalidOutput?: (event: InvalidOutput) => void;
  /** Who sent the text and whether the injection check flagged it, for the provider's health. */
  readonly origin?: AnswerOrigin;
}

/** How an LLM took part in reading the text (docs/confidence.md). */
export interface LlmReading {
  provider: ProviderName;
  model: string;
  /** The model's answer was used; false when it stayed invalid and the rules reading stands. */
  answered: boolean;
  /** Fields on which the model and the rules read differently: 1 each, 0.5 when only one found a value. */
  disagreements: number;
  /** Whether the answer came from the router's cache. */
  cache?: "hit" | "miss" | "bypass";
  /** Tokens spent on this request's answer (none on a cache hit). */
  tokens?: { input: number; output: number };
  /** What the request's LLM calls cost, in US dollars. */
  costUsd?: number;
  /** The model-registry variant the request was assigned. */
  variant?: "baseline" | "finetuned";
}

/**
 * The existing appointment a reschedule or a cancel refers to, as far as the user stated it: the Parsing
 * agent reads its person, service and time expressions, the Temporal agent resolves them.
 */
export interface PreviousAppointment {
  contact: string | null;
  service: string | null;
  expressions: TemporalExpression[];
  date: string | null;
  time: string | null;
  start: string | null;
}

/** What the agents know so far; each agent returns a new draft. */
export interface Draft {
  /** What the user wants; `none` when the text asks for no appointment at all. */
  intent: Intent;
  /** For `reschedule` and `cancel`: the appointment the user refers to; null otherwise. */
  previous: PreviousAppointment | null;
  contact: string | null;
  service: string | null;
  location: Location | null;
  durationMinutes: number | null;
  /** Date and time expressions found by the Parsing agent, in text order. */
  expressions: TemporalExpression[];
  /**
   * Alternatives the user offers (rule 27) or options offered and not yet picked (C4), each its own
   * expressions; the Temporal agent resolves each (with `expressions` for what an option leaves out).
   */
  offered?: TemporalExpression[][];
  /** The appointment's zone: the user's unless the Geo agent places it elsewhere. */
  timezone: string;
  date: string | null;
  time: string | null;
  start: string | null;
  end: string | null;
  /** How sure the parsers are of what they read, 0..1 (see docs/confidence.md). */
  certainty: number;
  ambiguities: Ambiguity[];
  /** Free slots to offer instead (Negotiation agent). */
  alternatives: Slot[];
  status: Status | null;
  confidence: number | null;
  /** Agents that threw; the coordinator records them and carries on. */
  failures: AgentName[];
  /** Null when only the rules read the text (rules mode, no provider, or the provider failed). */
  llm: LlmReading | null;
  /**
   * Present only when the request asks for an explanation (`"explain": true`): the readers note their spans,
   * drops and confidence steps here (src/explanation). Its absence is the hot path's only cost.
   */
  notes?: ExplanationNotes;
}

export interface Agent {
  readonly name: AgentName;
  /** The field to flag as ambiguous when this agent fails. */
  readonly failureField: Field;
  run(context: AgentContext, draft: Draft): Draft | Promise<Draft>;
}

export function emptyDraft(context: AgentContext): Draft {
  return {
    intent: "none",
    previous: null,
    contact: null,
    service: null,
    location: null,
    durationMinutes: null,
    expressions: [],
    timezone: context.timezone,
    date: null,
    time: null,
    start: null,
    end: null,
    certainty: 1,
    ambiguities: [],
    alternatives: [],
    status: null,
    confidence: null,
    failures: [],
    llm: null,
  };
}

/** Whether the draft is about an appointment at all (the agents after Parsing skip a draft that is not). */
export function aboutAppointment(draft: Pick<Draft, "intent">): boolean {
  return draft.intent !== "none";
}

/** A previous appointment with nothing resolved yet. */
export function previousAppointment(
  fields: Pick<PreviousAppointment, "contact" | "service" | "expressions">,
): PreviousAppointment {
  return { ...fields, date: null, time: null, start: null };
}
