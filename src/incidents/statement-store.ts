// The incident store on the calendar store's database (SQLite on Node, D1 on Workers, PostgreSQL at
// DATABASE_URL): the statements of statements.ts run through the calendar store's own runner, so every
// instance sharing the database shares the incidents, and the unique index over `open` lets two of them
// race to open an incident and open one. A document that cannot be read is skipped and logged, never thrown.
import type { StatementRunner } from "../calendars/statement.js";
import type { Logger } from "../http/logger.js";
import {
  getIncidentStatement,
  type IncidentRow,
  incidentFromRow,
  insertIncidentStatement,
  listIncidentsStatement,
  openedIncidentStatement,
  pruneIncidentsStatement,
  releaseUnreadableStatement,
  saveIncidentStatement,
} from "./statements.js";
import type { Incident, IncidentStore } from "./types.js";

/**
 * Tries at opening: the insert was refused but the open incident resolved before it was read (or its row
 * was unreadable and is released). Each try means another instance made progress, so a few suffice.
 */
const OPEN_ATTEMPTS = 3;

export class StatementIncidentStore implements IncidentStore {
  constructor(
    private readonly database: StatementRunner,
    private readonly logger: Logger,
  ) {}

  async openIncident(incident: Incident): Promise<{ incident: Incident; created: boolean }> {
    for (let attempt = 0; attempt < OPEN_ATTEMPTS; attempt += 1) {
      if ((await this.database.execute(insertIncidentStatement(incident))) === 1) {
        return { incident, created: true };
      }
      const row = await this.database.first<IncidentRow>(openedIncidentStatement());
      if (row === undefined) continue;
      const open = this.read(row);
      if (open !== null) return { incident: open, created: false };
      await this.database.execute(releaseUnreadableStatement(row.id, incident.openedAt));
    }
    throw new Error(`the incident ${incident.id} could be neither inserted nor found open`);
  }

  async saveIncident(incident: Incident, version?: string): Promise<boolean> {
    const saved = (await this.database.execute(saveIncidentStatement(incident, version))) > 0;
    if (saved && incident.resolvedAt !== null) await this.database.execute(pruneIncidentsStatement());
    return saved;
  }

  async getIncident(id: string): Promise<Incident | null> {
    const row = await this.database.first<IncidentRow>(getIncidentStatement(id));
    return row === undefined ? null : this.read(row);
  }

  async openedIncident(): Promise<Incident | null> {
    const row = await this.database.first<IncidentRow>(openedIncidentStatement());
    return row === undefined ? null : this.read(row);
  }

  async listIncidents(limit: number): Promise<Incident[]> {
    const rows = await this.database.rows<IncidentRow>(listIncidentsStatement(limit));
    return rows.map((row) => this.read(row)).filter((incident) => incident !== null);
  }

  private read(row: IncidentRow): Incident | null {
    const incident = incidentFromRow(row);
    if ("unreadable" in incident) {
      this.logger.error({ event: "incident_unreadable", incident: row.id, reason: incident.unreadable });
      return null;
    }
    return incident;
  }
}
