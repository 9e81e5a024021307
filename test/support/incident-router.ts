// A router whose state and snapshot a test scripts, for the incident manager's tests: the manager reads
// only the router's state, its snapshot (providers' states, reasons, breakers, pauses, conservation) and
// its health thresholds. The real router's reasons come from its health window; the words used here are
// its words (src/router/health.ts), checked against a real router in src/incidents/classify.test.ts.
import type { IncidentRouter } from "../../src/incidents/manager.js";
import type { ProviderName } from "../../src/providers/types.js";
import { HealthWindow } from "../../src/router/health.js";
import type { RouterSnapshot, RouterState, TargetSnapshot } from "../../src/router/router.js";
import { DEFAULT_ROUTER_SETTINGS } from "../../src/router/settings.js";

/** A health window's figures with no call in it: the router's own. */
const EMPTY_STATS = new HealthWindow(DEFAULT_ROUTER_SETTINGS.health).stats(0);

/** What a test sets of one provider and model. */
export interface ScriptedTarget {
  state?: TargetSnapshot["state"];
  reasons?: string[];
  breaker?: TargetSnapshot["breaker"];
  pausedUntil?: string | null;
}

export class ScriptedRouterState implements IncidentRouter {
  readonly settings = DEFAULT_ROUTER_SETTINGS;
  current: RouterState = "healthy";
  conservation: RouterSnapshot["conservationReason"] = null;
  forcedDegraded = false;
  readonly targets: { provider: ProviderName; model: string; scripted: ScriptedTarget }[];
  /** How many snapshots the manager took. */
  snapshots = 0;

  constructor(targets: readonly { provider: ProviderName; model: string }[]) {
    this.targets = targets.map((target) => ({ ...target, scripted: {} }));
  }

  /** Sets one target's state (and reasons, breaker, pause); the router's state is set apart. */
  set(provider: ProviderName, scripted: ScriptedTarget): void {
    const target = this.targets.find((known) => known.provider === provider);
    if (target === undefined) throw new Error(`no target ${provider}`);
    target.scripted = scripted;
  }

  /** Every target healthy and the router healthy. */
  heal(): void {
    for (const target of this.targets) target.scripted = {};
    this.current = "healthy";
    this.conservation = null;
    this.forcedDegraded = false;
  }

  state(): RouterState {
    return this.current;
  }

  snapshot(): RouterSnapshot {
    this.snapshots++;
    return {
      state: this.current,
      conservation: this.conservation !== null,
      conservationReason: this.conservation,
      budget: { dailyUsd: null, day: "2030-01-01", spentUsd: 0, state: "ok" },
      forcedDegraded: this.forcedDegraded,
      preferred: null,
      hedges: { calls: 0, hedges: 0, budget: 0.1 },
      cache: { entries: 0, hits: 0, misses: 0, enabled: true },
      providers: this.targets.map(({ provider, model, scripted }) => ({
        provider,
        model,
        state: scripted.state ?? "healthy",
        breaker: scripted.breaker ?? "closed",
        breakerOpenings: scripted.breaker === undefined ? 0 : 1,
        pausedUntil: scripted.pausedUntil ?? null,
        weight: 1,
        reasons: scripted.reasons ?? [],
        stats: EMPTY_STATS,
        rateLimit: { limited: false, headroom: 1, waiting: 0 },
      })),
    };
  }
}
