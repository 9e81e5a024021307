// What one tick changes in an open incident besides its severity and state: the types, providers and
// mitigations read from the router and the window (classify.ts), a rollback told since the last tick,
// and the figures that move with every request (impact, agents, variants, the registry's comparison and
// the checklist).
import type { ModelRegistry, RegistryAgent } from "../registry/model-registry.js";
import type { HealthThresholds } from "../router/settings.js";
import { type ChecklistAbilities, checklistOf } from "./checklist.js";
import { involvedOf, mitigationsOf, type RouterView, type TargetEvents, typesOf } from "./classify.js";
import type { IncidentTally } from "./impact.js";
import { addMitigation, addProvider, addType, iso } from "./record.js";
import type { WindowSummary } from "./signal-window.js";
import type { Incident, ProviderModel, VariantComparison } from "./types.js";

type Registry = Pick<ModelRegistry, "compare">;

/** A rolled-back variant: the fine-tuned model involved, the low-quality type, the mitigation. */
export function addRollback(
  incident: Incident,
  rollback: { agent: RegistryAgent; reason: string; registry: Registry | undefined; now: number },
): void {
  const { agent, reason, now } = rollback;
  const models = rollback.registry?.compare().agents[agent];
  const finetuned = models?.finetuned
    ? { provider: models.finetuned.provider, model: models.finetuned.model }
    : undefined;
  if (finetuned) addProvider(incident, finetuned);
  const what = finetuned ? `${finetuned.provider} (${finetuned.model})` : "the fine-tuned model";
  addType(incident, "low_quality", `${agent}: ${what} worse than the baseline: ${reason}`, now);
  const detail = `${agent}: ${what} rolled back to 0% (${reason})`;
  addMitigation(incident, { kind: "rollout_rolled_back", at: iso(now), ...finetuned, detail }, now);
}

/**
 * How long before the trouble was noticed a router event still counts as this incident's: the 429 or the
 * breaker opening that made a provider leave healthy is told a moment before a tick sees it out of healthy,
 * and a pause it caused may have ended before the incident opens (after INCIDENT_OPEN_AFTER_MS).
 */
export const EVENT_LEAD_MS = 60_000;

export interface Reading {
  view: RouterView | null;
  window: WindowSummary;
  thresholds: HealthThresholds;
  events: ReadonlyMap<string, TargetEvents>;
  /** When the router left healthy (or now): the router's events since then are this incident's. */
  since: number;
  now: number;
  tally: IncidentTally | null;
  targets: readonly ProviderModel[];
}

/** Types, providers and mitigations, each added once (kept once each, in the order first seen). */
export function classifyIncident(incident: Incident, reading: Reading): void {
  const { view, window, now, tally } = reading;
  for (const { type, why } of typesOf(view, window, reading.thresholds)) addType(incident, type, why, now);
  for (const target of involvedOf(view)) addProvider(incident, target);
  const failing = incident.providers;
  const to = failing.length === 0 ? null : (tally?.failoverTarget(failing, reading.targets) ?? null);
  const found = mitigationsOf({
    view,
    events: reading.events,
    since: Math.min(reading.since, Date.parse(incident.openedAt)) - EVENT_LEAD_MS,
    now,
    failover: to === null ? null : { to, from: failing },
    answeredByRules: tally?.impact().answeredByRules ?? 0,
  });
  for (const mitigation of found) addMitigation(incident, mitigation, Date.parse(mitigation.at));
}

/** The figures that change with every request; an adopted incident keeps its stored ones until new come. */
export function refreshFigures(
  incident: Incident,
  input: {
    tally: IncidentTally | null;
    registry: Registry | undefined;
    abilities: ChecklistAbilities;
    now: number;
  },
): void {
  const { tally, registry } = input;
  if (tally !== null) {
    incident.impact = tally.impact();
    incident.agents = tally.agents() ?? incident.agents;
    incident.variants = tally.variants() ?? incident.variants;
  }
  if (registry !== undefined) incident.comparison = comparisonOf(registry);
  incident.checklist = checklistOf(incident, input.abilities, input.now);
}

/** The registry's figures for the agents with a fine-tuned model, or one rolled back. */
function comparisonOf(registry: Registry): VariantComparison[] {
  return Object.entries(registry.compare().agents)
    .filter(([, models]) => models.finetuned !== null || models.rolledBack !== null)
    .map(([agent, models]) => ({
      agent,
      finetuned:
        models.finetuned === null
          ? null
          : { provider: models.finetuned.provider, model: models.finetuned.model },
      rolloutPercent: models.rolloutPercent,
      variants: models.variants,
    }));
}
