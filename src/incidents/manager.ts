// The incident manager (issue 19, docs/incidents.md): told about every request, LLM call, router event,
// rollback and recovery check, it opens an incident when the router leaves healthy (or a fine-tuned variant
// is rolled back), keeps the record's severity, state, mitigations, impact and timeline up to date, and
// resolves it when the recovery check passes. The record* methods only count (never throw, never await);
// tick() evaluates and persists: Node calls it on an interval, Workers per request through waitUntil.
// Whatever the store, the notifier or the checker do, requests never wait for them nor fail with them.
import type { Logger } from "../http/logger.js";
import { silentLogger } from "../http/logger.js";
import { REGISTRY_AGENTS, type RegistryAgent } from "../registry/model-registry.js";
import { systemClock } from "../router/context.js";
import type { CallRecord, Clock, RouterEvent } from "../router/router.js";
import { DEFAULT_ROUTER_SETTINGS } from "../router/settings.js";
import { providersOf, type RouterView, type TargetEvents, viewHealthy } from "./classify.js";
import { guarded, logFailure } from "./guarded.js";
import { IncidentTally, targetKey } from "./impact.js";
import { addRollback, classifyIncident, refreshFigures } from "./incident-update.js";
import type { IncidentManagerOptions } from "./manager-options.js";
import { IncidentProgress } from "./progress.js";
import { addUpdate, changeSeverity, iso, newIncident, newIncidentId } from "./record.js";
import type { IncidentSettings } from "./settings.js";
import { requestCounts, SeverityHold, severityOf } from "./severity.js";
import { SignalWindow, VARIANTS, type WindowSummary } from "./signal-window.js";
import { StartupRead } from "./startup-read.js";
import type {
  Incident,
  IncidentChange,
  IncidentStatus,
  IncidentStore,
  IncidentTrigger,
  ProviderModel,
  RecoveryReport,
  RequestOutcome,
} from "./types.js";

export type { IncidentManagerOptions, IncidentRouter } from "./manager-options.js";
export type { IncidentStatus, RequestOutcome } from "./types.js";

/** Changed counts are written at most this often. */
const SAVE_EVERY_MS = 10_000;
/** A rollback's reason is the registry's one line; longer is cut. */
const MAX_REASON_LENGTH = 300;

export class IncidentManager {
  readonly #settings: IncidentSettings;
  readonly #options: IncidentManagerOptions;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #window: SignalWindow;
  readonly #hold: SeverityHold;
  readonly #progress: IncidentProgress;
  /** Breakers opened and 429 pauses the router told of, per configured target. */
  readonly #events = new Map<string, TargetEvents>();
  /** Rollbacks told and not yet put in a record, by agent. */
  readonly #rollbacks = new Map<RegistryAgent, string>();
  #configured: ProviderModel[] | null = null;
  #incident: Incident | null = null;
  #tally: IncidentTally | null = null;
  /** The store holds the open incident (its openIncident succeeded, or it was adopted from it). */
  #stored = false;
  /** The stored record's updatedAt as this instance last read or wrote it: its saves are conditional on it. */
  #version: string | undefined;
  #savedAt = Number.NEGATIVE_INFINITY;
  readonly #startup = new StartupRead(() => this.#store("openedIncident", (store) => store.openedIncident()));
  #outOfHealthySince: number | null = null;
  /** When the open incident's trouble began: its severity and types read the window from then on. */
  #since: number | null = null;
  #running: Promise<void> | null = null;

  constructor(options: IncidentManagerOptions) {
    this.#options = options;
    this.#settings = options.settings;
    this.#clock = options.clock ?? systemClock;
    this.#logger = options.logger ?? silentLogger;
    this.#window = new SignalWindow(this.#settings.windowMs);
    this.#hold = new SeverityHold(this.#settings);
    this.#progress = new IncidentProgress({
      settings: this.#settings,
      clock: this.#clock,
      ...(options.recovery ? { recovery: options.recovery } : {}),
      ...(options.registry ? { registry: options.registry } : {}),
      onCheckFailed: (error) => this.#failed("recovery_check", error),
    });
  }

  recordRequest(outcome: RequestOutcome): void {
    if (!this.#settings.enabled) return;
    try {
      const counts = requestCounts(outcome);
      const timings = {
        latencyMs: outcome.latencyMs,
        ...(outcome.agentsMs ? { agentsMs: outcome.agentsMs } : {}),
        ...(outcome.variant !== undefined && VARIANTS.includes(outcome.variant)
          ? { variant: outcome.variant }
          : {}),
      };
      this.#window.recordRequest(counts, timings, this.#clock.now());
      this.#tally?.recordRequest(counts, timings);
    } catch (error) {
      this.#failed("record_request", error);
    }
  }

  recordCall(call: CallRecord): void {
    if (!this.#settings.enabled) return;
    try {
      this.#window.recordCall(call, this.#clock.now());
      const key = this.#configuredKey(call);
      if (key !== null) this.#tally?.recordAnswer(call, key);
    } catch (error) {
      this.#failed("record_call", error);
    }
  }

  recordRollback(agent: RegistryAgent, reason: string): void {
    if (!this.#settings.enabled || !REGISTRY_AGENTS.includes(agent)) return;
    this.#rollbacks.set(agent, String(reason).slice(0, MAX_REASON_LENGTH));
  }

  recordRouterEvent(event: RouterEvent): void {
    if (!this.#settings.enabled) return;
    if (event.event !== "breaker_opened" && event.event !== "rate_limited") return;
    try {
      const key = this.#configuredKey(event);
      if (key === null) return;
      const told = this.#events.get(key) ?? {};
      if (event.event === "breaker_opened") told.breakerOpenedAt = this.#clock.now();
      else told.rateLimitedAt = this.#clock.now();
      this.#events.set(key, told);
    } catch (error) {
      this.#failed("record_router_event", error);
    }
  }

  /** A recovery check's report (automatic, or asked for through the admin API), applied at the next tick. */
  recordRecovery(report: RecoveryReport): void {
    if (this.#settings.enabled) this.#progress.report(report);
  }

  /** Evaluates and persists; a tick asked for while one runs gets the running one. Never rejects. */
  tick(): Promise<void> {
    if (!this.#settings.enabled) return Promise.resolve();
    this.#running ??= this.#evaluate()
      .catch((error: unknown) => this.#failed("tick", error))
      .finally(() => {
        this.#running = null;
      });
    return this.#running;
  }

  /** Resolves once no tick (with its saves) nor recovery check runs: what Workers hand to waitUntil. */
  async settled(): Promise<void> {
    await this.#running;
    await this.#progress.settled();
  }

  status(): IncidentStatus {
    const incident = this.#incident;
    if (incident === null) return { open: false, severity: null, state: null, types: [] };
    return { open: true, severity: incident.severity, state: incident.state, types: [...incident.types] };
  }

  async #evaluate(): Promise<void> {
    const found = await this.#startup.next(this.#clock.now(), this.#saveEvery());
    if (found !== null && this.#incident === null) this.#adopt(found);
    const now = this.#clock.now();
    const router = this.#options.router;
    const state = router?.state() ?? "healthy";
    // A healthy router's snapshot says whether each provider it routes to is healthy too.
    const snapshot = router !== null && state === "healthy" ? router.snapshot() : null;
    const healthy = snapshot === null ? state === "healthy" : viewHealthy({ state, snapshot });
    this.#outOfHealthySince = healthy ? null : (this.#outOfHealthySince ?? now);
    this.#progress.observe(healthy, now);
    // A rollback opens one at once; the router must stay out of healthy openAfterMs (a blip opens none).
    const routerHeld = !healthy && now - this.#outOfHealthySince! >= this.#settings.openAfterMs;
    if (this.#incident === null && !routerHeld && this.#rollbacks.size === 0) return;
    const view: RouterView | null =
      router === null ? null : { state, snapshot: snapshot ?? router.snapshot() };
    // The router's targets (a registry's fine-tuned models among them) as they are now.
    if (view !== null) this.#configured = providersOf(view.snapshot);
    if (this.#incident === null) {
      await this.#open(routerHeld ? "router" : "rollback", now, view);
      return;
    }
    const changes = this.#update(this.#incident, now, view);
    await this.#persist(this.#incident, now, changes);
    if (this.#incident?.state === "resolved") this.#close();
  }

  async #open(trigger: IncidentTrigger, now: number, view: RouterView | null): Promise<void> {
    const since = this.#outOfHealthySince ?? now;
    // The severity reads what users saw since the trouble began: the window's earlier, healthy requests
    // would dilute it. The types read the whole window: a fault's first calls may precede the hold.
    this.#since = since;
    const window = this.#window.summary(now);
    const { inputs } = this.#window.summary(now, undefined, since);
    const { basis, severity } = severityOf(inputs, viewHealthy(view), view?.state === "down");
    const incident = newIncident({
      id: newIncidentId(),
      trigger,
      at: now,
      severity: severity ?? "P4",
      basis,
      detail:
        trigger === "rollback"
          ? "a fine-tuned variant was rolled back"
          : `${view === null || view.state === "healthy" ? "a routed provider has been out of healthy" : `the router has been ${view.state}`} since ${iso(since)}`,
    });
    this.#incident = incident;
    this.#tally = new IncidentTally(this.#window.summary(now, since));
    this.#hold.reset();
    this.#progress.reset();
    this.#classify(incident, now, view, window);
    this.#refresh(incident, now);
    incident.nextUpdateAt = iso(now + this.#settings.updateEveryMs);
    const opened = await this.#store("openIncident", (store) =>
      store.openIncident(structuredClone(incident)),
    );
    this.#savedAt = now;
    // Unconfirmed (the store failed or hung): kept in memory, opened again at the next save, announced then.
    if (opened !== undefined) this.#opened(incident, opened);
  }

  /** The store's answer to opening `incident`: announced when it is the stored one, else theirs is joined. */
  #opened(incident: Incident, opened: { incident: Incident; created: boolean }): void {
    // Another instance (or this one before a restart) opened one first: go on with it, announced already.
    if (!opened.created && opened.incident.id !== incident.id) {
      this.#adopt(opened.incident);
      return;
    }
    // Inserted now, or by an earlier try whose answer was lost (it timed out): announced once, now.
    this.#stored = true;
    this.#version = opened.incident.updatedAt;
    this.#notify("opened", incident);
  }

  /** One tick's changes to an open incident; returns what is worth announcing, in order. */
  #update(incident: Incident, now: number, view: RouterView | null): IncidentChange["kind"][] {
    const healthy = viewHealthy(view);
    const window = this.#window.summary(now);
    const last = incident.timeline.at(-1);
    this.#classify(incident, now, view, window);
    const changes: IncidentChange["kind"][] = [];
    const { inputs } = this.#window.summary(now, undefined, this.#since ?? undefined);
    const { basis, severity } = severityOf(inputs, healthy, view?.state === "down");
    const held = this.#hold.next(incident.severity, severity ?? "P4", now);
    if (changeSeverity(incident, held, basis, now)) changes.push("severity");
    const moved = this.#progress.advance(incident, {
      healthy,
      serviceErrorRate: basis.serviceErrorRate,
      now,
    });
    if (moved) changes.push(incident.state === "resolved" ? "resolved" : "state");
    this.#refresh(incident, now);
    const due = incident.nextUpdateAt !== null && now >= Date.parse(incident.nextUpdateAt);
    if (changes.length === 0 && due) {
      addUpdate(incident, now, this.#options.notifier !== undefined);
      changes.push("state");
    }
    // A new timeline entry (a type, a mitigation, a recovery check) is saved at once too.
    if (incident.timeline.at(-1) !== last) this.#savedAt = Number.NEGATIVE_INFINITY;
    return changes;
  }

  /** Types, providers and mitigations from the router and the window; a rollback told since the last tick. */
  #classify(incident: Incident, now: number, view: RouterView | null, window: WindowSummary): void {
    const registry = this.#options.registry;
    for (const [agent, reason] of this.#rollbacks) addRollback(incident, { agent, reason, registry, now });
    this.#rollbacks.clear();
    classifyIncident(incident, {
      view,
      window,
      thresholds: this.#options.router?.settings.health ?? DEFAULT_ROUTER_SETTINGS.health,
      events: this.#events,
      since: this.#outOfHealthySince ?? now,
      now,
      tally: this.#tally,
      targets: this.#targets(),
    });
  }

  #refresh(incident: Incident, now: number): void {
    refreshFigures(incident, {
      tally: this.#tally,
      registry: this.#options.registry,
      abilities: {
        announces: this.#options.notifier !== undefined,
        verifiesRecovery: this.#options.recovery !== undefined,
      },
      now,
    });
  }

  async #persist(incident: Incident, now: number, changes: IncidentChange["kind"][]): Promise<void> {
    if (changes.length > 0) {
      incident.nextUpdateAt = incident.state === "resolved" ? null : iso(now + this.#settings.updateEveryMs);
    }
    // The counts change with every request: saved at most every 10 s (sooner with scaled-down settings);
    // announced changes and new timeline entries at once. Each save also tells whether another instance
    // changed or resolved the record meanwhile, so an idle instance learns of it within that interval.
    if (changes.length === 0 && now - this.#savedAt < this.#saveEvery()) return;
    this.#savedAt = now;
    const copy = structuredClone(incident);
    if (!this.#stored) {
      const opened = await this.#store("openIncident", (store) => store.openIncident(copy));
      if (opened !== undefined) this.#opened(incident, opened);
      return;
    }
    const version = this.#version;
    const saved = await this.#store("saveIncident", (store) => store.saveIncident(copy, version));
    if (saved === false) return this.#rejoin(incident.id);
    if (saved) this.#version = copy.updatedAt;
    // Announced by the instance whose write the store took (or, the store failing, by this one regardless).
    for (const kind of changes) this.#notify(kind, incident);
  }

  /** The store refused a save: another instance changed the record since this one read it. */
  async #rejoin(id: string): Promise<void> {
    const stored = await this.#store("getIncident", (store) => store.getIncident(id));
    // Unread: the next save tries again, and is refused again until the record is read.
    if (stored === undefined) return;
    if (stored === null || stored.resolvedAt !== null) {
      // Resolved (and announced) by another instance: dropped unannounced; a new one needs a new hold.
      this.#close();
      this.#outOfHealthySince = null;
      return;
    }
    // Still open: its changes, announced by the instance that wrote them, replace this one's.
    this.#adopt(stored);
  }

  #adopt(incident: Incident): void {
    this.#incident = incident;
    this.#since = Date.parse(incident.openedAt);
    this.#stored = true;
    this.#version = incident.updatedAt;
    this.#tally = new IncidentTally(null, incident.impact);
    this.#hold.reset();
    this.#progress.reset();
    this.#savedAt = this.#clock.now();
  }

  #close(): void {
    this.#incident = null;
    this.#since = null;
    this.#tally = null;
    this.#stored = false;
    this.#version = undefined;
    this.#hold.reset();
    this.#progress.reset();
  }

  #notify(kind: IncidentChange["kind"], incident: Incident): void {
    const notifier = this.#options.notifier;
    if (notifier === undefined) return;
    try {
      notifier.notify({ kind, incident: structuredClone(incident) });
    } catch (error) {
      this.#failed("notify", error);
    }
  }

  async #store<T>(operation: string, run: (store: IncidentStore) => Promise<T>): Promise<T | undefined> {
    return guarded(this.#logger, operation, () => run(this.#options.store));
  }

  #saveEvery(): number {
    return Math.min(SAVE_EVERY_MS, this.#settings.openAfterMs);
  }

  #failed(operation: string, error: unknown): void {
    logFailure(this.#logger, operation, error);
  }

  /** The router's configured providers and models: read at the first call, then at every tick that looks. */
  #targets(): ProviderModel[] {
    const router = this.#options.router;
    this.#configured ??= router === null ? [] : providersOf(router.snapshot());
    return this.#configured;
  }

  /** The key of a configured target; null for anything else, so no map grows past the configuration. */
  #configuredKey(target: ProviderModel): string | null {
    const known = this.#targets().some(
      (other) => other.provider === target.provider && other.model === target.model,
    );
    return known ? targetKey(target) : null;
  }
}
