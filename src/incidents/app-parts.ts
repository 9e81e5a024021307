// How the app builds its incident parts (src/app.ts): the store (the calendar store's database, else
// memory) and the manager over it, unless INCIDENTS=false or the caller says none. Also the one guard every
// feed goes through, so that whatever the manager does, a request it hears about is never failed by it.
import type { CalendarStore } from "../calendars/store.js";
import type { Logger } from "../http/logger.js";
import type { MetricsFollower } from "../metrics/cita.js";
import type { ModelRegistry } from "../registry/model-registry.js";
import { IncidentManager, type IncidentRouter } from "./manager.js";
import { MemoryIncidentStore } from "./memory-store.js";
import type { IncidentSettings } from "./settings.js";
import type { IncidentStore, RecoveryChecker } from "./types.js";
import { type WebhookDelivery, type WebhookNotifier, webhookNotifier } from "./webhook.js";

export interface IncidentParts {
  /**
   * Null without an LLM router: nothing could open an incident (the router's states and the registry's
   * rollbacks both come from LLM calls), so a rules-only deployment runs no manager and never ticks; its
   * admin routes still read the store.
   */
  manager: IncidentManager | null;
  store: IncidentStore;
  /** Posts the manager's changes to INCIDENT_WEBHOOK_URL (webhook.ts); Workers wait on its `settled()`. */
  notifier?: WebhookNotifier | null;
}

export interface IncidentPartsOptions {
  settings: IncidentSettings;
  /** The calendar store, whose database keeps the incidents when no `incidentStore` is given. */
  store: CalendarStore | undefined;
  incidentStore: IncidentStore | undefined;
  /** A manager built by the caller (undefined: build one here; null: none). */
  manager: IncidentManager | null | undefined;
  router: IncidentRouter | null;
  registry: ModelRegistry;
  /** The recovery check the manager runs before it resolves (null: none, resolved on health alone). */
  recovery?: RecoveryChecker | null;
  logger: Logger;
  clock: (() => number) | undefined;
  /** The webhook's retries and budget where the defaults do not fit (Workers: WORKERS_WEBHOOK_DELIVERY). */
  webhookDelivery?: Partial<WebhookDelivery>;
}

/** The store and the manager, or null when incidents are off (INCIDENTS=false, or no manager wanted). */
export function incidentParts(options: IncidentPartsOptions): IncidentParts | null {
  const { settings, logger } = options;
  if (!settings.enabled || options.manager === null) return null;
  const store = options.incidentStore ?? options.store?.incidents(logger) ?? new MemoryIncidentStore();
  if (options.manager !== undefined) return { manager: options.manager, store };
  if (options.router === null) return { manager: null, store };
  const notifier = webhookNotifier(settings, {
    logger,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.webhookDelivery ? { delivery: options.webhookDelivery } : {}),
  });
  const manager = new IncidentManager({
    settings,
    store,
    router: options.router,
    registry: options.registry,
    ...(options.recovery ? { recovery: options.recovery } : {}),
    logger,
    ...(options.clock ? { clock: { now: options.clock } } : {}),
    ...(notifier !== null ? { notifier } : {}),
  });
  return { manager, store, notifier };
}

/** Runs one of the manager's record* calls; a fault is logged (its name only) and goes no further. */
export function shielded(logger: Logger, record: () => void): void {
  try {
    record();
  } catch (error) {
    logger.error({ event: "incident_record_failed", error: (error as Error).name });
  }
}

/** The metrics' follower that tells the manager every LLM call (metrics.follow). */
export function callsFollower(manager: IncidentManager, logger: Logger): MetricsFollower {
  return {
    recordCall: (call) => shielded(logger, () => manager.recordCall(call)),
    recordConfidence() {},
    recordParse() {},
    recordParseError() {},
  };
}
