// Posts every incident change to INCIDENT_WEBHOOK_URL (issue 19, item 3; docs/incidents.md, "Announcements and
// the webhook"). `notify` renders the message and queues it, and returns at once: the request that caused the
// change never waits on the webhook. One message is in flight at a time, so they arrive in order; a 5xx, 429,
// 408, timeout or connection failure is retried with exponential backoff and jitter (or after Retry-After),
// up to `attempts` and within the message's `budgetMs`; any other answer is final. A message still in flight
// past its budget is abandoned (Workers cut a request's background work off at ~30 s, and the promise of a
// cut-off drain never settles): the next notify or settled() drops it with a log line and starts a new drain
// rather than wait on it. The queue is bounded: when full, the oldest waiting message gives way, with a log
// line. The URL is the webhook's secret and the receiver's body may echo anything: neither is ever logged.
// `settled()` is what Workers hand to waitUntil and tests await.
import type { Logger } from "../http/logger.js";
import { silentLogger } from "../http/logger.js";
import { retryAfter } from "../providers/provider-errors.js";
import type { AnnouncementLanguage } from "./announcement-words.js";
import type { IncidentSettings } from "./settings.js";
import type { IncidentChange, IncidentNotifier } from "./types.js";
import { webhookBody } from "./webhook-message.js";

export interface WebhookDelivery {
  /** Attempts per message at most, the first included. */
  attempts: number;
  /** The backoff before the second attempt; it doubles with each further one, up to `maxDelayMs`. */
  baseDelayMs: number;
  /** The longest wait between attempts; a Retry-After longer than this gives the message up. */
  maxDelayMs: number;
  /** One attempt's time, answer headers included, before it is abandoned as a timeout. */
  attemptTimeoutMs: number;
  /** Messages waiting behind the one in flight at most. */
  queueLimit: number;
  /**
   * One message's whole delivery, every attempt and wait included: no retry is started that could not end
   * within it, and a message still in flight past it is abandoned.
   */
  budgetMs: number;
}

export const DEFAULT_WEBHOOK_DELIVERY: WebhookDelivery = {
  attempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  attemptTimeoutMs: 10_000,
  queueLimit: 50,
  // Above the worst case of the settings above (5 attempts of 10 s, 4 waits of at most 60 s): on Node the
  // budget only ends a drain that is stuck.
  budgetMs: 300_000,
};

/**
 * On Workers, where a request's background work (waitUntil) is cut off at ~30 s: 2 attempts of 8 s and a
 * wait of at most 5 s, within 25 s, so a message is sent or given up before the cut.
 */
export const WORKERS_WEBHOOK_DELIVERY: Partial<WebhookDelivery> = {
  attempts: 2,
  attemptTimeoutMs: 8_000,
  maxDelayMs: 5_000,
  budgetMs: 25_000,
};

export interface WebhookNotifierOptions {
  url: string;
  language: AnnouncementLanguage;
  delivery?: Partial<WebhookDelivery>;
  logger?: Logger;
  clock?: () => number;
  /** Waits between attempts; tests pass one that records the wait and returns at once. */
  sleep?: (milliseconds: number) => Promise<void>;
  /**
   * Waits, in settled(), for the budget of the message in flight to run out (a timer by default); tests
   * pass one that moves their clock.
   */
  budgetWait?: (milliseconds: number) => Promise<void>;
  /** In [0, 1): the jitter's draw. */
  random?: () => number;
  fetch?: typeof fetch;
}

interface Message {
  body: string;
  incident: string;
  change: IncidentChange["kind"];
}

type Outcome =
  | { kind: "sent" }
  | { kind: "final"; status: number }
  | {
      kind: "retry";
      status: number | null;
      reason: "status" | "timeout" | "connection";
      retryAfterMs: number | null;
    };

/** One drain of the queue, and the message it is delivering, so that it can be abandoned. */
interface Drain {
  done: Promise<void>;
  current: { message: Message; startedAt: number; controller: AbortController | null } | null;
  abandoned: boolean;
}

const RETRIED_STATUSES = new Set([408, 429]);

export class WebhookNotifier implements IncidentNotifier {
  readonly #options: WebhookNotifierOptions;
  readonly #delivery: WebhookDelivery;
  readonly #logger: Logger;
  readonly #clock: () => number;
  readonly #queue: Message[] = [];
  #draining: Drain | null = null;

  constructor(options: WebhookNotifierOptions) {
    this.#options = options;
    this.#delivery = { ...DEFAULT_WEBHOOK_DELIVERY, ...options.delivery };
    this.#logger = options.logger ?? silentLogger;
    this.#clock = options.clock ?? Date.now;
  }

  notify(change: IncidentChange): void {
    const incident = change.incident.id;
    try {
      const body = JSON.stringify(webhookBody(change, this.#options.language, this.#clock()));
      if (this.#queue.length >= this.#delivery.queueLimit) {
        const dropped = this.#queue.shift();
        this.#logger.error({
          event: "incident_webhook_dropped",
          incident: dropped?.incident,
          change: dropped?.change,
        });
      }
      this.#queue.push({ body, incident, change: change.kind });
      if (this.#draining !== null && this.#budgetLeft(this.#draining) <= 0) this.#abandon(this.#draining);
      this.#draining ??= this.#startDrain();
    } catch (error) {
      this.#logger.error({
        event: "incident_webhook_failed",
        incident,
        change: change.kind,
        reason: "render",
        error: (error as Error).name,
      });
    }
  }

  /**
   * Resolves once every queued message was sent, given up or abandoned: a message in flight is waited on
   * for what is left of its budget at most.
   */
  async settled(): Promise<void> {
    for (;;) {
      const drain = this.#draining;
      if (drain === null) return;
      const left = this.#budgetLeft(drain);
      if (left <= 0) {
        this.#abandon(drain);
        continue;
      }
      let cancel = () => {};
      const outOfBudget = this.#options.budgetWait
        ? this.#options.budgetWait(left)
        : new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, left);
            cancel = () => clearTimeout(timer);
          });
      await Promise.race([drain.done, outOfBudget]);
      cancel();
    }
  }

  /** What is left of the budget of the message in flight (all of it between messages). */
  #budgetLeft(drain: Drain): number {
    if (drain.current === null) return this.#delivery.budgetMs;
    return drain.current.startedAt + this.#delivery.budgetMs - this.#clock();
  }

  /** Drops the drain's message and leaves the drain to itself; a new drain takes the queue on. */
  #abandon(drain: Drain): void {
    drain.abandoned = true;
    drain.current?.controller?.abort();
    this.#draining = null;
    const message = drain.current?.message;
    this.#logger.error({
      event: "incident_webhook_abandoned",
      incident: message?.incident,
      change: message?.change,
      budgetMs: this.#delivery.budgetMs,
    });
    if (this.#queue.length > 0) this.#draining = this.#startDrain();
  }

  #startDrain(): Drain {
    const drain: Drain = { done: Promise.resolve(), current: null, abandoned: false };
    drain.done = this.#drain(drain);
    return drain;
  }

  async #drain(drain: Drain): Promise<void> {
    // Starts on a later microtask, so `notify` returns before any work on the message.
    await Promise.resolve();
    for (;;) {
      // An abandoned drain that wakes up (its attempt aborted) leaves the queue to the drain that replaced it.
      if (drain.abandoned) return;
      const message = this.#queue.shift();
      if (message === undefined) {
        // In the same turn as the empty queue was seen: a notify after this starts a new drain.
        this.#draining = null;
        return;
      }
      drain.current = { message, startedAt: this.#clock(), controller: null };
      try {
        await this.#deliver(drain);
      } catch (error) {
        // Only an injected sleep or logger can throw here; the queue must go on all the same.
        this.#logger.error({
          event: "incident_webhook_failed",
          incident: message.incident,
          change: message.change,
          error: (error as Error).name,
        });
      }
    }
  }

  async #deliver(drain: Drain): Promise<void> {
    const { attempts, baseDelayMs, maxDelayMs } = this.#delivery;
    const current = drain.current!;
    const about = { incident: current.message.incident, change: current.message.change };
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.#attempt(drain);
      if (drain.abandoned || outcome.kind === "sent") return;
      if (outcome.kind === "final") {
        this.#logger.error({ event: "incident_webhook_refused", ...about, attempt, status: outcome.status });
        return;
      }
      const failure = { ...about, attempt, status: outcome.status, reason: outcome.reason };
      const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
      // Equal jitter: at least half the step, so the waits still grow while instances spread out.
      const delayMs =
        outcome.retryAfterMs ??
        Math.round(ceiling / 2 + (this.#options.random ?? Math.random)() * (ceiling / 2));
      // A retry is started only when its wait and a whole attempt fit in what is left of the budget.
      const overBudget = delayMs + this.#delivery.attemptTimeoutMs > this.#budgetLeft(drain);
      if (attempt >= attempts || delayMs > maxDelayMs || overBudget) {
        this.#logger.error({
          event: "incident_webhook_gave_up",
          ...failure,
          retryAfterMs: outcome.retryAfterMs,
        });
        return;
      }
      this.#logger.info({ event: "incident_webhook_retry", ...failure, delayMs });
      await (this.#options.sleep ?? sleep)(delayMs);
      if (drain.abandoned) return;
    }
  }

  async #attempt(drain: Drain): Promise<Outcome> {
    const current = drain.current!;
    // A controller and a timer rather than AbortSignal.timeout, which Node 20 sometimes never fires.
    const controller = new AbortController();
    current.controller = controller;
    const timeoutMs = Math.min(this.#delivery.attemptTimeoutMs, this.#budgetLeft(drain));
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await (this.#options.fetch ?? fetch)(this.#options.url, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: current.message.body,
        signal: controller.signal,
        // A redirect would carry the announcement to an address nobody configured.
        redirect: "manual",
      });
      // The body is never read (it may echo anything); cancelling it frees the connection.
      await response.body?.cancel().catch(() => undefined);
      if (response.ok) return { kind: "sent" };
      if (response.status >= 500 || RETRIED_STATUSES.has(response.status)) {
        const wait = retryAfter(response.headers, this.#clock());
        return { kind: "retry", status: response.status, reason: "status", retryAfterMs: wait };
      }
      return { kind: "final", status: response.status };
    } catch {
      // The error's message may name the address: only its kind is kept.
      const reason = controller.signal.aborted ? "timeout" : "connection";
      return { kind: "retry", status: null, reason, retryAfterMs: null };
    } finally {
      clearTimeout(timer);
    }
  }
}

/** The notifier the settings ask for: none without INCIDENT_WEBHOOK_URL. */
export function webhookNotifier(
  settings: IncidentSettings,
  options: Omit<WebhookNotifierOptions, "url" | "language"> = {},
): WebhookNotifier | null {
  if (settings.webhookUrl === null) return null;
  return new WebhookNotifier({ ...options, url: settings.webhookUrl, language: settings.language });
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
