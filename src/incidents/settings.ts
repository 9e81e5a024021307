// How the incident manager times what it does (docs/incidents.md): the window severity is computed over,
// how long a condition must hold before an incident opens, escalates or de-escalates, when the recovery
// check runs, and how often an update is announced. Read from INCIDENT_* (src/config/incident-settings.ts);
// the tests pass the same settings scaled down, as the chaos suite does.
import type { AnnouncementLanguage } from "./announcement-words.js";

export interface IncidentSettings {
  /** INCIDENTS: false switches the manager off (no records, no announcements). */
  enabled: boolean;
  /** The window the severity's rates and latency are computed over. */
  windowMs: number;
  /** The router must stay out of healthy this long before an incident opens (a blip opens none). */
  openAfterMs: number;
  /** A worse severity must hold this long before the incident escalates to it. */
  escalateAfterMs: number;
  /** A better severity must hold this long before the incident de-escalates to it. */
  deescalateAfterMs: number;
  /** The router must be healthy again this long before the automatic recovery check runs. */
  recoveryDelayMs: number;
  /** After a failed recovery check, the next one runs this much later. */
  recoveryRetryMs: number;
  /** The runbook's "next update": an announcement is due this long after the last one. */
  updateEveryMs: number;
  /** Slack-compatible incoming webhook the announcements are posted to; null: none. */
  webhookUrl: string | null;
  /** The language of the announcements the webhook posts (INCIDENT_LANGUAGE); the admin route takes ?lang. */
  language: AnnouncementLanguage;
}

export const DEFAULT_INCIDENT_SETTINGS: IncidentSettings = {
  enabled: true,
  windowMs: 5 * 60_000,
  openAfterMs: 30_000,
  escalateAfterMs: 2 * 60_000,
  deescalateAfterMs: 10 * 60_000,
  recoveryDelayMs: 60_000,
  recoveryRetryMs: 2 * 60_000,
  updateEveryMs: 30 * 60_000,
  webhookUrl: null,
  language: "en",
};
