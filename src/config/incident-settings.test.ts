// INCIDENT_* read into the incident manager's settings: the defaults, each value, and the refusals.
import { describe, expect, it } from "vitest";
import { DEFAULT_INCIDENT_SETTINGS } from "../incidents/settings.js";
import { ConfigError } from "./environment.js";
import { readIncidentSettings } from "./incident-settings.js";

describe("readIncidentSettings", () => {
  it("gives the defaults when nothing is set", () => {
    expect(readIncidentSettings({})).toEqual(DEFAULT_INCIDENT_SETTINGS);
    expect(DEFAULT_INCIDENT_SETTINGS.updateEveryMs).toBe(30 * 60_000);
  });

  it("reads every value", () => {
    const settings = readIncidentSettings({
      INCIDENTS: "false",
      INCIDENT_WINDOW_MS: "1000",
      INCIDENT_OPEN_AFTER_MS: "2000",
      INCIDENT_ESCALATE_AFTER_MS: "3000",
      INCIDENT_DEESCALATE_AFTER_MS: "4000",
      INCIDENT_RECOVERY_DELAY_MS: "5000",
      INCIDENT_RECOVERY_RETRY_MS: "6000",
      INCIDENT_UPDATE_EVERY_MS: "7000",
      INCIDENT_WEBHOOK_URL: "https://hooks.example.test/services/T0/B0/secret",
      INCIDENT_LANGUAGE: "es",
    });
    expect(settings).toEqual({
      enabled: false,
      windowMs: 1000,
      openAfterMs: 2000,
      escalateAfterMs: 3000,
      deescalateAfterMs: 4000,
      recoveryDelayMs: 5000,
      recoveryRetryMs: 6000,
      updateEveryMs: 7000,
      webhookUrl: "https://hooks.example.test/services/T0/B0/secret",
      language: "es",
    });
  });

  it("reads the announcements' language in any case, English by default, and refuses another", () => {
    expect(readIncidentSettings({}).language).toBe("en");
    expect(readIncidentSettings({ INCIDENT_LANGUAGE: " ES " }).language).toBe("es");
    expect(readIncidentSettings({ INCIDENT_LANGUAGE: "en" }).language).toBe("en");
    for (const value of ["fr", "es-ES", "spanish"]) {
      expect(() => readIncidentSettings({ INCIDENT_LANGUAGE: value })).toThrow(
        /INCIDENT_LANGUAGE: must be one of en, es/,
      );
    }
  });

  it("refuses a webhook URL that is not http(s), without repeating it", () => {
    for (const url of ["hooks.example.test/x", "ftp://hooks.example.test/secret", "javascript:alert(1)"]) {
      const read = () => readIncidentSettings({ INCIDENT_WEBHOOK_URL: url });
      expect(read).toThrow(ConfigError);
      expect(read).toThrow(/INCIDENT_WEBHOOK_URL/);
      try {
        read();
      } catch (error) {
        expect(String((error as Error).message)).not.toContain(url);
      }
    }
  });

  it("refuses a duration that is not a positive integer", () => {
    expect(() => readIncidentSettings({ INCIDENT_WINDOW_MS: "0" })).toThrow(/INCIDENT_WINDOW_MS/);
    expect(() => readIncidentSettings({ INCIDENT_OPEN_AFTER_MS: "soon" })).toThrow(/INCIDENT_OPEN_AFTER_MS/);
  });
});
