// The runbooks' checklist for an incident (docs/runbooks/llm-degradation.md and high-latency.md; issue 19):
// each step marked done by the service with the time it did it, or left for a person. A step the service
// takes only when needed (failover, the minimal sequence) stays the service's, open until it happens; a
// person's step becomes the service's when the service did it by itself (a rollback, conservation mode).
import type { ChecklistItem, Incident, MitigationKind } from "./types.js";

/** What this deployment does by itself: announce (a notifier), verify recovery (a checker). */
export interface ChecklistAbilities {
  announces: boolean;
  verifiesRecovery: boolean;
}

type Doer = ChecklistItem["doneBy"];

interface Step {
  id: string;
  step: string;
  runbook: ChecklistItem["runbook"];
  /** Who takes the step when the service has not done it (yet). */
  by: (abilities: ChecklistAbilities) => Doer;
  /** When the service did it: a time, "now" when it is done from this evaluation on, or null. */
  done: (incident: Incident, abilities: ChecklistAbilities) => string | "now" | null;
}

const service = () => "service" as const;
const person = () => "person" as const;
const notDone = () => null;
const atOpen = (incident: Incident) => incident.openedAt;
/** Done by the service when (and at the time) it took the mitigation. */
const byMitigation = (kind: MitigationKind) => (incident: Incident) =>
  incident.mitigations.find((mitigation) => mitigation.kind === kind)?.at ?? null;

const STEPS: readonly Step[] = [
  {
    id: "decide_severity",
    step: "Decide the severity (P1 100% down, P2 over 50% errors, P3 over 20%, P4 slow but working)",
    runbook: "llm-degradation",
    by: service,
    done: atOpen,
  },
  {
    id: "announce",
    step: "Announce the incident (start, severity, state, impact, mitigation, next update), again every 30 minutes",
    runbook: "llm-degradation",
    by: (abilities) => (abilities.announces ? "service" : "person"),
    done: (incident, abilities) => (abilities.announces ? incident.openedAt : null),
  },
  // The alert rules switch to the degraded regime while cita_incident_open is 1 (docs/incidents.md).
  {
    id: "adjust_thresholds",
    step: "Adjust the alert thresholds while degraded (latency p95 20 s, error rate 10%, timeouts 10%)",
    runbook: "llm-degradation",
    by: service,
    done: atOpen,
  },
  {
    id: "check_provider",
    step: "Confirm the cause: the provider's status page, or Cita's network when every provider fails",
    runbook: "llm-degradation",
    by: person,
    done: notDone,
  },
  {
    id: "fail_over",
    step: "Move traffic away from the failing provider",
    runbook: "high-latency",
    by: service,
    done: byMitigation("failover"),
  },
  {
    id: "slow_agents",
    step: "See which agents are slow",
    runbook: "high-latency",
    by: service,
    done: (incident) => (incident.agents.length > 0 ? "now" : null),
  },
  {
    id: "slow_variants",
    step: "See which variants are slow (fine-tuned against baseline)",
    runbook: "high-latency",
    by: service,
    done: (incident) => (incident.variants.length > 0 || incident.comparison.length > 0 ? "now" : null),
  },
  {
    id: "reduce_rollout",
    step: "Reduce the fine-tuned rollout",
    runbook: "high-latency",
    by: person,
    done: byMitigation("rollout_rolled_back"),
  },
  {
    id: "switch_to_baseline",
    step: "Switch to the baseline model",
    runbook: "high-latency",
    by: person,
    done: byMitigation("rollout_rolled_back"),
  },
  {
    id: "trim_max_tokens",
    step: "Trim max tokens (conservation mode: 200 output tokens, longer cache)",
    runbook: "high-latency",
    by: person,
    done: byMitigation("conservation_on"),
  },
  {
    id: "minimal_sequence",
    step: "Skip the non-critical agents (the minimal sequence)",
    runbook: "high-latency",
    by: service,
    done: byMitigation("degraded_sequence"),
  },
  {
    id: "rules_fallback",
    step: "Fall back to the rules parser",
    runbook: "high-latency",
    by: service,
    done: byMitigation("rules_fallback"),
  },
  {
    id: "verify_recovery",
    step: "Verify recovery (latency under 5 s, confidence over 0.8, rate-limit quota over 50)",
    runbook: "llm-degradation",
    by: (abilities) => (abilities.verifiesRecovery ? "service" : "person"),
    done: (incident, abilities) =>
      abilities.verifiesRecovery && incident.recovery?.verdict === "passed" ? incident.recovery.at : null,
  },
  {
    id: "undo_changes",
    step: "Undo the weights, preferred provider, conservation and forced degraded mode set during the incident",
    runbook: "llm-degradation",
    by: person,
    done: notDone,
  },
];

/** The checklist now: a step done keeps the time it was first done (from the record's last checklist). */
export function checklistOf(incident: Incident, abilities: ChecklistAbilities, now: number): ChecklistItem[] {
  return STEPS.map(({ id, step, runbook, by, done }) => {
    const doneAt = done(incident, abilities);
    if (doneAt === null) return { id, step, runbook, doneBy: by(abilities), doneAt: null };
    const before = incident.checklist.find((item) => item.id === id)?.doneAt ?? null;
    return {
      id,
      step,
      runbook,
      doneBy: "service",
      doneAt: doneAt === "now" ? (before ?? new Date(now).toISOString()) : doneAt,
    };
  });
}
