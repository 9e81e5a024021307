// Which target takes the next attempt: among those that can take a call now and have not refused this
// request, those not yet failed in it first; healthy before degraded; the preferred provider while it is
// healthy; otherwise a weighted draw. And, when none can, how long until one can.
import type { ProviderName } from "../providers/types.js";
import type { HealthState } from "./health.js";
import type { Target } from "./targets.js";

/** What the choice weighs besides health: the operator's weights and preferred provider, and the draw. */
export interface Preferences {
  weights: Record<string, number>;
  preferred: ProviderName | null;
  /** In [0, 1). */
  random: () => number;
}

/** What a request has learned so far (tracking.ts): targets that refused it, and how often each failed. */
export interface Tried {
  refused: ReadonlySet<string>;
  failed: ReadonlyMap<string, number>;
}

/** The target's state if it can take a call now, else null (breaker open, paused by 429s, down). */
export function usableState(target: Target, now: number): HealthState | null {
  if (!target.breaker.admits(now)) return null;
  if (target.pause.until(now) !== null) return null;
  // An open breaker whose cooldown is over takes its probe whatever its window says, in the healthy
  // tier: otherwise a provider with healthy backups would never be probed and never come back.
  if (target.breaker.probing(now)) return "healthy";
  const { state } = target.health.assess(now);
  return state === "down" ? null : state;
}

/** The target for the next attempt, or null; with `healthyOnly`, null unless a healthy one can take it. */
export function choose(
  targets: readonly Target[],
  now: number,
  tried: Tried,
  preferences: Preferences,
  healthyOnly = false,
): Target | null {
  const open = targets
    .map((target) => ({ target, state: usableState(target, now) }))
    .filter(
      (entry): entry is { target: Target; state: HealthState } =>
        entry.state !== null && !tried.refused.has(entry.target.key),
    );
  const fresh = open.filter((entry) => !tried.failed.has(entry.target.key));
  const pool = fresh.length > 0 ? fresh : open;
  const healthy = pool.filter((entry) => entry.state === "healthy");
  if (healthyOnly && healthy.length === 0) return null;
  const tier = healthy.length > 0 ? healthy : pool;
  if (tier.length === 0) return null;
  const preferred = tier.find((entry) => entry.target.provider.name === preferences.preferred);
  if (preferred && preferred.state === "healthy") return preferred.target;
  return weighted(
    tier.map((entry) => entry.target),
    preferences,
  );
}

function weighted(targets: Target[], preferences: Preferences): Target {
  const weights = weightsFor(
    targets.map((target) => target.provider.name),
    preferences.weights,
  );
  const positive = targets.filter((_, index) => weights[index]! > 0);
  if (positive.length === 0) return targets[0]!;
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let pick = preferences.random() * total;
  for (const [index, target] of targets.entries()) {
    pick -= weights[index]!;
    if (pick < 0 && weights[index]! > 0) return target;
  }
  return positive.at(-1)!;
}

/**
 * Weights for `names`: the configured ones; providers not named share equally what the named ones leave
 * of 100 (or get 1 each when nothing is named). A weight of 0 makes a provider the last resort.
 */
export function weightsFor(names: readonly string[], configured: Record<string, number>): number[] {
  const named = names.filter((name) => configured[name] !== undefined);
  if (named.length === 0) return names.map(() => 1);
  const left = Math.max(0, 100 - named.reduce((sum, name) => sum + configured[name]!, 0));
  const unnamed = names.length - named.length;
  return names.map((name) => configured[name] ?? (unnamed === 0 ? 0 : left / unnamed));
}

/** How long until a target that has not refused this request can take a call again, if any will. */
export function nextAvailableIn(
  targets: readonly Target[],
  now: number,
  refused: ReadonlySet<string>,
): number | null {
  let soonest: number | null = null;
  for (const target of targets) {
    if (refused.has(target.key)) continue;
    const cooling = target.breaker.reopensIn(now);
    if (cooling === null) continue;
    const wait = Math.max((target.pause.until(now) ?? now) - now, cooling);
    if (wait > 0 && (soonest === null || wait < soonest)) soonest = wait;
  }
  return soonest;
}
