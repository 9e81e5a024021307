// Posts every incident change to INCIDENT_WEBHOOK_URL (issue 19, item 3; docs/incidents.md, "Announcements and
// the webhook"). `notify` renders the message and queues it, and returns at once: the request that caused the
// change never waits on the webhook. One message is in flight at a time, so they arrive in order; a 5xx, 429,
// 408, timeout or connection failure is retried with exponential backoff and jitter (or after Retry-After),
// up to `attempts`; any other answer is final. The queue is bounded: when full, the oldest waiting message
// gives way, with a log line. The URL is the webhook's secret and the receiver's body may echo anything:
// neither is ever logged. `settled()` is what Workers hand to waitUntil and tests await.
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
}

export const DEFAULT_WEBHOOK_DELIVERY: WebhookDelivery = {
  attempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  attemptTimeoutMs: 10_000,
  queueLimit: 50,
};

export interface WebhookNotifierOptions {
  url: string;
  language: AnnouncementLanguage;
  delivery?: Partial<WebhookDelivery>;
  logger?: Logger;
  clock?: () => number;
  /** Waits between attempts; tests pass one that records the wait and returns at once. */
  sleep?: (milliseconds: number) => Promise<void>;
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

const RETRIED_STATUSES = new Set([408, 429]);

export class WebhookNotifier implements IncidentNotifier {
  readonly #options: WebhookNotifierOptions;
  readonly #delivery: WebhookDelivery;
  readonly #logger: Logger;
  readonly #clock: () => number;
  readonly #queue: Message[] = [];
  #draining: Promise<void> | null = null;

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
      this.#draining ??= this.#drain();
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

  /** Resolves once every queued message was sent or given up. */
  async settled(): Promise<void> {
    while (this.#draining !== null) await this.#draining;
  }

  async #drain(): Promise<void> {
    // Starts on a later microtask, so `notify` returns before any work on the message.
    await Promise.resolve();
    for (;;) {
      const message = this.#queue.shift();
      if (message === undefined) {
        // In the same turn as the empty queue was seen: a notify after this starts a new drain.
        this.#draining = null;
        return;
      }
      try {
        await this.#deliver(message);
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

  async #deliver(message: Message): Promise<void> {
    const { attempts, baseDelayMs, maxDelayMs } = this.#delivery;
    const about = { incident: message.incident, change: message.change };
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.#attempt(message.body);
      if (outcome.kind === "sent") return;
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
      if (attempt >= attempts || delayMs > maxDelayMs) {
        this.#logger.error({
          event: "incident_webhook_gave_up",
          ...failure,
          retryAfterMs: outcome.retryAfterMs,
        });
        return;
      }
      this.#logger.info({ event: "incident_webhook_retry", ...failure, delayMs });
      await (this.#options.sleep ?? sleep)(delayMs);
    }
  }

  async #attempt(body: string): Promise<Outcome> {
    // A controller and a timer rather than AbortSignal.timeout, which Node 20 sometimes never fires.
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.#delivery.attemptTimeoutMs);
    try {
      const response = await (this.#options.fetch ?? fetch)(this.#options.url, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body,
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
