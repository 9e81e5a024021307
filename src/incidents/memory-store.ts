// The incident store in this process's memory: the default without a calendar store (an embedded app, most
// tests), where the process is the whole deployment and a restart starts afresh. Same rules as the
// database's (statement-store.ts): one open incident, a resolved one never reopened, MAX_KEPT_INCIDENTS
// resolved ones kept. Records are copied in and out, so a caller's later edits never reach the store.
import { type Incident, type IncidentStore, MAX_KEPT_INCIDENTS } from "./types.js";

export class MemoryIncidentStore implements IncidentStore {
  /** By id, in the order opened (a Map keeps insertion order). */
  private readonly incidents = new Map<string, Incident>();

  async openIncident(incident: Incident): Promise<{ incident: Incident; created: boolean }> {
    const open = this.open();
    if (open !== undefined) return { incident: structuredClone(open), created: false };
    if (this.incidents.has(incident.id)) {
      throw new Error(`the incident ${incident.id} could be neither inserted nor found open`);
    }
    this.incidents.set(incident.id, structuredClone(incident));
    return { incident, created: true };
  }

  async saveIncident(incident: Incident, version?: string): Promise<boolean> {
    const stored = this.incidents.get(incident.id);
    if (stored === undefined) return false;
    if (stored.resolvedAt !== null && incident.resolvedAt === null) return false;
    if (version !== undefined && stored.updatedAt !== version) return false;
    this.incidents.set(incident.id, structuredClone(incident));
    if (incident.resolvedAt !== null) this.prune();
    return true;
  }

  async getIncident(id: string): Promise<Incident | null> {
    const incident = this.incidents.get(id);
    return incident === undefined ? null : structuredClone(incident);
  }

  async openedIncident(): Promise<Incident | null> {
    const open = this.open();
    return open === undefined ? null : structuredClone(open);
  }

  async listIncidents(limit: number): Promise<Incident[]> {
    return [...this.incidents.values()]
      .sort(newestFirst)
      .slice(0, Math.max(0, limit))
      .map((incident) => structuredClone(incident));
  }

  private open(): Incident | undefined {
    for (const incident of this.incidents.values()) if (incident.resolvedAt === null) return incident;
    return undefined;
  }

  private prune(): void {
    const resolved = [...this.incidents.values()].filter((incident) => incident.resolvedAt !== null);
    for (const incident of resolved.sort(newestFirst).slice(MAX_KEPT_INCIDENTS)) {
      this.incidents.delete(incident.id);
    }
  }
}

/** The database's order: opened later first, then the greater id (statements.ts). */
function newestFirst(a: Incident, b: Incident): number {
  if (a.openedAt !== b.openedAt) return a.openedAt < b.openedAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
