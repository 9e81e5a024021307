// The incidents a chaos scenario opened, as the Cita under test records them (GET /admin/incidents with the
// harness's admin token), and what the report says of each: its types, providers, severity changes and
// states with their times, the mitigations, the recovery checks' verdicts, and how it resolved (or that it
// did not). Times are milliseconds since fault onset, as in the rest of the report.
import type { Incident, Severity } from "../../src/incidents/types.js";
import { CHAOS_ADMIN_TOKEN } from "./cita.js";
import { sleep } from "./stats.js";

/** One incident in the report. */
export interface IncidentFigures {
  /** The instance whose store holds it (each Node instance of an unshared fleet keeps its own). */
  instance: number;
  id: string;
  trigger: string;
  types: string[];
  /** provider/model */
  providers: string[];
  openedAtMs: number;
  severity: Severity;
  /** The severity on the LLM path and on the service, and the error rates behind them. */
  basis: {
    llm: Severity | null;
    service: Severity | null;
    llmErrorRate: number | null;
    serviceErrorRate: number | null;
  };
  severities: { atMs: number; severity: Severity }[];
  states: { atMs: number; state: string }[];
  mitigations: { atMs: number; kind: string; detail: string }[];
  recoveryChecks: { atMs: number; verdict: string }[];
  /** From onset; null while it is open. */
  resolvedAtMs: number | null;
  answersLost: number;
}

/** Every incident one Cita holds, newest first, or null when they could not be read. */
export async function readIncidents(baseUrl: string, timeoutMs = 2000): Promise<Incident[] | null> {
  try {
    const response = await fetch(`${baseUrl}/admin/incidents?limit=100`, {
      headers: { authorization: `Bearer ${CHAOS_ADMIN_TOKEN}` },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (response.status !== 200) return null;
    const body = (await response.json()) as { incidents?: unknown };
    return Array.isArray(body.incidents) ? (body.incidents as Incident[]) : null;
  } catch {
    return null;
  }
}

/** Every instance's incidents, each tagged with its instance; an instance that could not be read adds none. */
export async function readEveryIncident(
  baseUrls: readonly string[],
): Promise<{ instance: number; incident: Incident }[]> {
  const lists = await Promise.all(baseUrls.map((url) => readIncidents(url)));
  return lists.flatMap((list, instance) => (list ?? []).map((incident) => ({ instance, incident })));
}

/**
 * Waits until every incident the instances hold is resolved (none opened counts too), or the timeout
 * passes; resolves with the last reading.
 */
export async function awaitResolution(
  baseUrls: readonly string[],
  timeoutMs: number,
  pollMs = 100,
): Promise<{ instance: number; incident: Incident }[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const incidents = await readEveryIncident(baseUrls);
    const open = incidents.some(({ incident }) => incident.resolvedAt === null);
    if (!open || Date.now() >= deadline) return incidents;
    await sleep(pollMs);
  }
}

/** An incident's record as the report shows it, its times from `onsetAt`. */
export function incidentFigures(instance: number, incident: Incident, onsetAt: number): IncidentFigures {
  const since = (at: string) => Date.parse(at) - onsetAt;
  const timeline = incident.timeline;
  const severities = timeline.flatMap((entry) =>
    entry.severity !== undefined && (entry.event === "opened" || entry.event === "severity")
      ? [{ atMs: since(entry.at), severity: entry.severity }]
      : [],
  );
  const states = timeline.flatMap((entry) =>
    entry.state !== undefined && ["opened", "state", "resolved"].includes(entry.event)
      ? [{ atMs: since(entry.at), state: entry.state }]
      : [],
  );
  const recoveryChecks = timeline.flatMap((entry) =>
    entry.event === "recovery_check" && entry.verdict !== undefined
      ? [{ atMs: since(entry.at), verdict: entry.verdict }]
      : [],
  );
  const { basis } = incident;
  return {
    instance,
    id: incident.id,
    trigger: incident.trigger,
    types: [...incident.types],
    providers: incident.providers.map(({ provider, model }) => `${provider}/${model}`),
    openedAtMs: since(incident.openedAt),
    severity: incident.severity,
    basis: {
      llm: basis.llm,
      service: basis.service,
      llmErrorRate: basis.llmErrorRate,
      serviceErrorRate: basis.serviceErrorRate,
    },
    severities,
    states,
    mitigations: incident.mitigations.map(({ at, kind, detail }) => ({ atMs: since(at), kind, detail })),
    recoveryChecks,
    resolvedAtMs: incident.resolvedAt === null ? null : since(incident.resolvedAt),
    answersLost: incident.impact.answersLost,
  };
}
