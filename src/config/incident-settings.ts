// The incident manager's settings from the environment (INCIDENT_*), over the defaults in
// src/incidents/settings.ts. The webhook's URL is checked for its scheme only: a message never repeats it,
// since an incoming webhook's URL is its secret.
import { ANNOUNCEMENT_LANGUAGES, type AnnouncementLanguage } from "../incidents/announcement-words.js";
import { DEFAULT_INCIDENT_SETTINGS, type IncidentSettings } from "../incidents/settings.js";
import { boolean, ConfigError, type Environment, positiveInteger, text } from "./environment.js";

export function readIncidentSettings(environment: Environment): IncidentSettings {
  const defaults = DEFAULT_INCIDENT_SETTINGS;
  const milliseconds = (name: string, fallback: number) => positiveInteger(environment, name, fallback);
  return {
    enabled: boolean(environment, "INCIDENTS", defaults.enabled),
    windowMs: milliseconds("INCIDENT_WINDOW_MS", defaults.windowMs),
    openAfterMs: milliseconds("INCIDENT_OPEN_AFTER_MS", defaults.openAfterMs),
    escalateAfterMs: milliseconds("INCIDENT_ESCALATE_AFTER_MS", defaults.escalateAfterMs),
    deescalateAfterMs: milliseconds("INCIDENT_DEESCALATE_AFTER_MS", defaults.deescalateAfterMs),
    recoveryDelayMs: milliseconds("INCIDENT_RECOVERY_DELAY_MS", defaults.recoveryDelayMs),
    recoveryRetryMs: milliseconds("INCIDENT_RECOVERY_RETRY_MS", defaults.recoveryRetryMs),
    updateEveryMs: milliseconds("INCIDENT_UPDATE_EVERY_MS", defaults.updateEveryMs),
    webhookUrl: webhookUrl(environment),
    language: language(environment, defaults.language),
  };
}

function language(environment: Environment, fallback: AnnouncementLanguage): AnnouncementLanguage {
  const value = text(environment, "INCIDENT_LANGUAGE")?.toLowerCase() ?? null;
  if (value === null) return fallback;
  const known = ANNOUNCEMENT_LANGUAGES.find((language) => language === value);
  if (known === undefined) {
    throw new ConfigError(
      "INCIDENT_LANGUAGE",
      `must be one of ${ANNOUNCEMENT_LANGUAGES.join(", ")}, got "${value}"`,
    );
  }
  return known;
}

function webhookUrl(environment: Environment): string | null {
  const url = text(environment, "INCIDENT_WEBHOOK_URL");
  if (url === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError("INCIDENT_WEBHOOK_URL", "must be an http:// or https:// URL");
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new ConfigError("INCIDENT_WEBHOOK_URL", "must be an http:// or https:// URL");
  }
  return url;
}
