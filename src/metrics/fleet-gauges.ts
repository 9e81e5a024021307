// The gauges that describe the whole service rather than one isolate: cita_incident_open and
// cita_incident_severity (docs/incidents.md, "Alerts while an incident is open"). On Node each process
// shows its own and the alert rules take the max over instances; on Workers every isolate sends its values
// with its metrics flush (src/metrics/durable-object-client.ts) and the metrics Durable Object shows the
// fleet's, made of the isolates heard from lately (src/metrics/durable-object.ts). Every other gauge stays
// with the isolate that answers the scrape.
import { SEVERITIES, type Severity } from "../incidents/types.js";

/**
 * How the fleet's value is made of the isolates': an incident is open for the fleet if any isolate says so
 * (max), and its severity is the worst any isolate reports (the lowest P number; 0 means none).
 */
export const FLEET_GAUGES = {
  cita_incident_open: "max",
  cita_incident_severity: "worst",
} as const satisfies Record<string, "max" | "worst">;

export type FleetGauge = keyof typeof FLEET_GAUGES;

/** One fleet gauge's value, as an isolate reports it (these gauges have no labels). */
export interface FleetReading {
  name: FleetGauge;
  value: number;
}

/** What the incident gauges read at each scrape; null: no incident manager (INCIDENTS=false). */
export type IncidentGaugeStatus = () => { open: boolean; severity: Severity | null } | null;

/** The incident gauges' values for a status: none for null (absent, which the alert rules read as no incident). */
export function incidentReadings(status: ReturnType<IncidentGaugeStatus>): FleetReading[] {
  if (status === null) return [];
  const severity = status.open && status.severity !== null ? SEVERITIES.indexOf(status.severity) + 1 : 0;
  return [
    { name: "cita_incident_open", value: status.open ? 1 : 0 },
    { name: "cita_incident_severity", value: severity },
  ];
}

/** The readings of a batch from another isolate that are well formed (a known gauge, a finite value). */
export function fleetReadingsOf(value: unknown): FleetReading[] {
  if (!Array.isArray(value)) return [];
  const readings = new Map<FleetGauge, number>();
  for (const candidate of value as { name?: unknown; value?: unknown }[]) {
    if (typeof candidate !== "object" || candidate === null) continue;
    const { name, value: reading } = candidate;
    if (typeof name !== "string" || !Object.hasOwn(FLEET_GAUGES, name)) continue;
    // Both gauges count from 0 to at most the number of severities.
    if (typeof reading !== "number" || !(reading >= 0 && reading <= SEVERITIES.length)) continue;
    readings.set(name as FleetGauge, reading);
  }
  return [...readings].map(([name, reading]) => ({ name, value: reading }));
}

/** The fleet's value of each gauge some isolate reported; a gauge none reported stays absent. */
export function combineReadings(isolates: readonly (readonly FleetReading[])[]): FleetReading[] {
  const combined = new Map<FleetGauge, number>();
  for (const readings of isolates) {
    for (const { name, value } of readings) {
      const before = combined.get(name);
      combined.set(name, before === undefined ? value : combine(FLEET_GAUGES[name], before, value));
    }
  }
  return [...combined].map(([name, value]) => ({ name, value }));
}

function combine(how: "max" | "worst", a: number, b: number): number {
  if (how === "max") return Math.max(a, b);
  // The worst severity is the lowest P number; 0 (none) gives way to any.
  if (a === 0 || b === 0) return Math.max(a, b);
  return Math.min(a, b);
}
