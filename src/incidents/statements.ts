// The incident store's SQL, one set for SQLite, D1 and PostgreSQL (postgres-sql.ts translates the
// placeholders), over the `incidents` table of migration 4 (src/calendars/migrations.ts): a few columns to
// sort and filter by, and the record itself as a JSON document.
import type { Statement } from "../calendars/statement.js";
import { type Incident, MAX_KEPT_INCIDENTS } from "./types.js";

/** A stored incident as read back: its id and its document, parsed by incidentFromRow. */
export interface IncidentRow {
  id: string;
  document: string;
}

/** 1 while open, NULL once resolved: the unique index over it admits one open incident at most. */
function openFlag(incident: Incident): number | null {
  return incident.resolvedAt === null ? 1 : null;
}

/**
 * Inserts the incident unless the unique index refuses it (another incident is open, or the id is taken):
 * one statement, so two instances racing to open both run it and exactly one inserts.
 */
export function insertIncidentStatement(incident: Incident): Statement {
  return {
    sql: `INSERT INTO incidents (id, opened_at, updated_at, resolved_at, open, document)
      VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    params: [
      incident.id,
      incident.openedAt,
      incident.updatedAt,
      incident.resolvedAt,
      openFlag(incident),
      JSON.stringify(incident),
    ],
  };
}

/**
 * Replaces the record, except that a resolved incident is never made open again: an instance holding a
 * stale copy (another one resolved it meanwhile) cannot undo the resolution. With `version`, only while the
 * stored updated_at is still the one the caller last read or wrote (another instance's change refuses it).
 */
export function saveIncidentStatement(incident: Incident, version?: string): Statement {
  const open = openFlag(incident);
  return {
    sql: `UPDATE incidents SET updated_at = ?, resolved_at = ?, open = ?, document = ?
      WHERE id = ? AND (open = 1 OR ? = 0)${version === undefined ? "" : " AND updated_at = ?"}`,
    params: [
      incident.updatedAt,
      incident.resolvedAt,
      open,
      JSON.stringify(incident),
      incident.id,
      open === 1 ? 1 : 0,
      ...(version === undefined ? [] : [version]),
    ],
  };
}

export function getIncidentStatement(id: string): Statement {
  return { sql: "SELECT id, document FROM incidents WHERE id = ?", params: [id] };
}

export function openedIncidentStatement(): Statement {
  return { sql: "SELECT id, document FROM incidents WHERE open = 1", params: [] };
}

export function listIncidentsStatement(limit: number): Statement {
  return {
    sql: "SELECT id, document FROM incidents ORDER BY opened_at DESC, id DESC LIMIT ?",
    params: [limit],
  };
}

/** Deletes the resolved incidents beyond the newest MAX_KEPT_INCIDENTS (the open one is never deleted). */
export function pruneIncidentsStatement(): Statement {
  return {
    sql: `DELETE FROM incidents WHERE resolved_at IS NOT NULL AND id NOT IN (
      SELECT id FROM incidents WHERE resolved_at IS NOT NULL ORDER BY opened_at DESC, id DESC LIMIT ?
    )`,
    params: [MAX_KEPT_INCIDENTS],
  };
}

/**
 * Closes an open row whose document cannot be read, so it stops holding the one open slot: marked
 * resolved at `at` with its document left as it was, for a person to look at.
 */
export function releaseUnreadableStatement(id: string, at: string): Statement {
  return {
    sql: "UPDATE incidents SET open = NULL, resolved_at = ? WHERE id = ? AND open = 1",
    params: [at, id],
  };
}

/**
 * The record in a row, or why it cannot be read: the document must be JSON holding an object with the
 * row's id and the lists every reader walks. Anything else (a truncated write, a hand edit) is unreadable.
 */
export function incidentFromRow(row: IncidentRow): Incident | { unreadable: string } {
  let document: unknown;
  try {
    document = JSON.parse(row.document);
  } catch {
    return { unreadable: "not JSON" };
  }
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    return { unreadable: "not an object" };
  }
  const record = document as Partial<Incident>;
  if (record.id !== row.id) return { unreadable: "its id differs from the row's" };
  const lists = [record.types, record.providers, record.mitigations, record.timeline, record.agents];
  if (typeof record.openedAt !== "string" || !lists.every(Array.isArray)) {
    return { unreadable: "not an incident record" };
  }
  return record as Incident;
}
