// The incidents part of a chaos scenario's table (and of its section of the HTML report): per incident its
// id, types and providers, the severity and state changes with their times since onset, the mitigations,
// the recovery checks' verdicts and how it resolved, or that it did not.
import type { IncidentFigures } from "./incidents.js";

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const rate = (value: number | null) => (value === null ? "—" : `${(value * 100).toFixed(1)}%`);

/** Each item "what at time", joined; "—" for none. */
function timed<T extends { atMs: number }>(items: readonly T[], what: (item: T) => string): string {
  return items.length === 0 ? "—" : items.map((item) => `${what(item)} ${seconds(item.atMs)}`).join(", ");
}

/** How an incident ended, in words. */
export function resolution(incident: IncidentFigures): string {
  if (incident.resolvedAtMs === null) return "NOT resolved";
  const passed = incident.recoveryChecks.filter((check) => check.verdict === "passed").length;
  return `resolved ${seconds(incident.resolvedAtMs)}${passed > 0 ? ", recovery check passed" : ""}`;
}

function lines(incident: IncidentFigures, fleet: boolean): string[] {
  const { basis } = incident;
  return [
    `${incident.id}${fleet ? ` (instance ${incident.instance})` : ""}: ${incident.types.join(", ")} ` +
      `[${incident.trigger}] on ${incident.providers.join(", ") || "—"}, opened ${seconds(incident.openedAtMs)}`,
    `  severity: ${timed(incident.severities, (change) => change.severity)}; ` +
      `basis LLM path ${basis.llm ?? "—"} (${rate(basis.llmErrorRate)} failed), ` +
      `service ${basis.service ?? "—"} (${rate(basis.serviceErrorRate)} errors)`,
    `  states: ${timed(incident.states, (change) => change.state)}`,
    `  mitigations: ${timed(incident.mitigations, (mitigation) => mitigation.detail)}`,
    `  recovery checks: ${timed(incident.recoveryChecks, (check) => check.verdict)}`,
    `  ${resolution(incident)}; answers lost ${incident.answersLost}`,
  ];
}

/** The incidents block under a scenario's table. */
export function formatIncidents(incidents: readonly IncidentFigures[], instances: number): string {
  if (incidents.length === 0) return "incidents: none opened";
  return ["incidents:", ...incidents.flatMap((incident) => lines(incident, instances > 1))].join("\n");
}

/** One cell for a summary: how many opened and how they ended. */
export function incidentsCell(incidents: readonly IncidentFigures[]): string {
  if (incidents.length === 0) return "none";
  const resolved = incidents.filter((incident) => incident.resolvedAtMs !== null).length;
  // P1 sorts first: the worst severity any of them reached.
  const worst = incidents
    .flatMap((incident) => [incident.severity, ...incident.severities.map((change) => change.severity)])
    .sort()[0];
  return `${incidents.length} (${worst}), ${resolved} resolved`;
}
