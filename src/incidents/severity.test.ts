// The runbook's severity table at each of its edges (20%, 50%, 100%, 5 s, just under and at), what counts
// as an error on each path, and the hold times of escalation and de-escalation, just under and at.
import { describe, expect, it } from "vitest";
import { DEFAULT_INCIDENT_SETTINGS } from "./settings.js";
import { rateSeverity, requestCounts, SeverityHold, severityInputs, severityOf, worse } from "./severity.js";

/** The inputs of `failed` of 1000 requests failing on the LLM path and `errors` 5xx, LLM p95 `p95`. */
function inputs(llmFailed: number, serviceErrors = 0, p95: number | null = 1000) {
  return severityInputs({ requests: 1000, llmWanted: 1000, llmFailed, serviceErrors, llmP95Ms: p95 });
}

describe("the runbook's table", () => {
  it.each([
    [0, null],
    [200, null],
    [201, "P3"],
    [500, "P3"],
    [501, "P2"],
    [999, "P2"],
    [1000, "P1"],
  ] as const)("%i of 1000 failing on a path reads %s", (failed, severity) => {
    expect(rateSeverity(failed / 1000)).toBe(severity);
    expect(severityOf(inputs(failed), true).basis.llm).toBe(severity);
    expect(severityOf(inputs(0, failed), true).basis.service).toBe(severity);
  });

  it("no request on a path is no rate and no severity", () => {
    const none = severityInputs({
      requests: 0,
      llmWanted: 0,
      llmFailed: 0,
      serviceErrors: 0,
      llmP95Ms: null,
    });
    expect(none.llmErrorRate).toBeNull();
    expect(none.serviceErrorRate).toBeNull();
    expect(severityOf(none, true).severity).toBeNull();
  });

  it("is P4 with an LLM p95 over 5 s, not at 5 s", () => {
    expect(severityOf(inputs(0, 0, 5000), true).severity).toBeNull();
    expect(severityOf(inputs(0, 0, 5001), true).severity).toBe("P4");
    expect(severityOf(inputs(0, 0, 5001), true).basis).toMatchObject({ llm: "P4", service: null });
  });

  it("is P4 with the router out of healthy and rates under 20%", () => {
    expect(severityOf(inputs(200), false).severity).toBe("P4");
    expect(severityOf(inputs(0, 0, null), false).basis.llm).toBe("P4");
  });

  it("takes the worse of the two paths and says both", () => {
    const { basis, severity } = severityOf(inputs(1000, 300), true);
    expect(basis).toMatchObject({ llm: "P1", service: "P3", llmErrorRate: 1, serviceErrorRate: 0.3 });
    expect(severity).toBe("P1");
    expect(severityOf(inputs(300, 600), true).severity).toBe("P2");
    expect(worse(null, "P4")).toBe("P4");
    expect(worse("P2", null)).toBe("P2");
  });
});

describe("what counts as an error", () => {
  const outcome = { status: 200, wantedLlm: true, llmAnswered: true, degraded: false };

  it("a client's 4xx is neither a service error nor a failed LLM reading of the service's making", () => {
    expect(requestCounts({ ...outcome, status: 400, llmAnswered: false, wantedLlm: false })).toMatchObject({
      serviceError: false,
      llmFailed: false,
    });
    expect(
      requestCounts({ ...outcome, status: 429, wantedLlm: false, llmAnswered: false }).serviceError,
    ).toBe(false);
    // Refused after it was found to want an LLM reading (an unknown calendar): still the client's doing.
    const refused = requestCounts({ ...outcome, status: 404, llmAnswered: false, error: "unknown_calendar" });
    expect(refused).toMatchObject({ wantedLlm: false, llmFailed: false, serviceError: false });
  });

  it("a 5xx is a service error", () => {
    expect(
      requestCounts({ ...outcome, status: 500, wantedLlm: false, llmAnswered: false }).serviceError,
    ).toBe(true);
    expect(requestCounts({ ...outcome, status: 503, error: "store_unavailable" }).serviceError).toBe(true);
  });

  it("an llm_unavailable 503 counts on the LLM path, not as a service error", () => {
    const counts = requestCounts({ ...outcome, status: 503, llmAnswered: false, error: "llm_unavailable" });
    expect(counts).toMatchObject({
      wantedLlm: true,
      llmFailed: true,
      serviceError: false,
      answeredByRules: false,
    });
  });

  it("a wanted LLM reading read by rules is a failed one, answered by rules", () => {
    expect(requestCounts({ ...outcome, llmAnswered: false, degraded: true })).toEqual({
      wantedLlm: true,
      llmFailed: true,
      serviceError: false,
      answeredByRules: true,
      degraded: true,
    });
    expect(requestCounts({ ...outcome, wantedLlm: false, llmAnswered: false }).llmFailed).toBe(false);
  });
});

describe("hold times", () => {
  const { escalateAfterMs, deescalateAfterMs } = DEFAULT_INCIDENT_SETTINGS;

  it("escalates once the worse severity held escalateAfterMs, not before", () => {
    const hold = new SeverityHold(DEFAULT_INCIDENT_SETTINGS);
    expect(hold.next("P4", "P2", 0)).toBe("P4");
    expect(hold.next("P4", "P2", escalateAfterMs - 1)).toBe("P4");
    expect(hold.next("P4", "P2", escalateAfterMs)).toBe("P2");
  });

  it("de-escalates once the better severity held deescalateAfterMs, not before", () => {
    const hold = new SeverityHold(DEFAULT_INCIDENT_SETTINGS);
    expect(hold.next("P1", "P4", 0)).toBe("P1");
    expect(hold.next("P1", "P4", deescalateAfterMs - 1)).toBe("P1");
    expect(hold.next("P1", "P4", deescalateAfterMs)).toBe("P4");
  });

  it("a break in the condition starts the hold again", () => {
    const hold = new SeverityHold(DEFAULT_INCIDENT_SETTINGS);
    hold.next("P4", "P2", 0);
    expect(hold.next("P4", "P4", escalateAfterMs / 2)).toBe("P4");
    expect(hold.next("P4", "P2", escalateAfterMs / 2 + 1)).toBe("P4");
    expect(hold.next("P4", "P2", escalateAfterMs)).toBe("P4");
    expect(hold.next("P4", "P2", escalateAfterMs * 1.5 + 1)).toBe("P2");
    // Worse, then better than the current: each direction holds on its own.
    hold.next("P3", "P1", 0);
    expect(hold.next("P3", "P4", escalateAfterMs)).toBe("P3");
  });
});
