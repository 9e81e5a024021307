// An open incident's state (docs/incidents.md, "States"): investigating at open; mitigated once the service
// mitigated it and service errors are at most 20%; monitoring once the router stayed healthy for
// recoveryDelayMs (and a rolled-back variant is at 0%); resolved when the recovery check passes, or, with
// no checker configured, right after. The router leaving healthy again takes it back, same incident.
// A report resolves it only when it covers every provider of the incident (an admin's check of other
// providers goes to the timeline only). Runs the automatic recovery check in the background, its promise
// kept for settled() (what Workers hand to waitUntil) and bounded: one that has not settled a little after
// the checker's own deadline counts as failed; its report is applied at the next tick.
import type { ModelRegistry } from "../registry/model-registry.js";
import type { Clock } from "../router/router.js";
import { addTimeline, changeState, iso } from "./record.js";
import { RECOVERY_DEADLINE_MS } from "./recovery.js";
import type { IncidentSettings } from "./settings.js";
import { rateSeverity } from "./severity.js";
import type { Incident, IncidentState, RecoveryChecker, RecoveryReport } from "./types.js";

interface ProgressOptions {
  settings: IncidentSettings;
  clock: Clock;
  recovery?: RecoveryChecker;
  registry?: Pick<ModelRegistry, "compare">;
  onCheckFailed: (error: unknown) => void;
}

/** A little over the checker's own deadline: a check still running then hangs, and must not hold the state. */
export const RECOVERY_CHECK_TIMEOUT_MS = RECOVERY_DEADLINE_MS + 5_000;

/** A report's reasons kept, each at most this long; in the timeline, all of them at most this long. */
const MAX_REASONS = 20;
const MAX_REASON_LENGTH = 200;
const MAX_REASONS_LENGTH = 500;
/** Reports told between two ticks and kept for the next one: the automatic check's and an admin's. */
const MAX_PENDING_REPORTS = 4;

/** A report told; `automatic`: from the check this incident asked for (or its timeout). */
interface Told {
  report: RecoveryReport;
  automatic: boolean;
}

export class IncidentProgress {
  #healthySince: number | null = null;
  /** Reports told since the last tick, oldest first; `automatic`: the check this incident asked for. */
  readonly #reports: Told[] = [];
  #checking = false;
  /** The running automatic check, settled once its report (or failure, or timeout) is kept. */
  #running: Promise<void> | null = null;
  #nextCheckAt: number | null = null;
  /** Bumped by reset(): a check started for an incident that is gone reports nowhere. */
  #generation = 0;

  constructor(private readonly options: ProgressOptions) {}

  /** The router's state at a tick: how long it has been healthy. */
  observe(healthy: boolean, now: number): void {
    this.#healthySince = healthy ? (this.#healthySince ?? now) : null;
  }

  report(report: RecoveryReport): void {
    this.#told({ report, automatic: false });
  }

  /** Resolves once no automatic check is running (at the latest at its timeout). */
  async settled(): Promise<void> {
    while (this.#running !== null) await this.#running;
  }

  /** A new (or adopted, or closed) incident: no report or check of the last one carries over. */
  reset(): void {
    this.#generation++;
    this.#reports.length = 0;
    this.#checking = false;
    this.#nextCheckAt = null;
  }

  /** At most one change of state per tick, so each has its timeline entry and announcement. */
  advance(
    incident: Incident,
    at: { healthy: boolean; serviceErrorRate: number | null; now: number },
  ): boolean {
    const { healthy, now } = at;
    let report: RecoveryReport | null = null;
    for (const told of this.#reports.splice(0)) report = this.#applyReport(incident, told, now) ?? report;
    const mitigated = incident.mitigations.length > 0 && rateSeverity(at.serviceErrorRate) === null;
    const back: [IncidentState, string] = mitigated
      ? [
          "mitigated",
          `mitigated by the service (${incident.mitigations.map((known) => known.kind).join(", ")}); service errors at most 20%`,
        ]
      : [
          "investigating",
          incident.mitigations.length === 0
            ? "no mitigation in force"
            : "service errors over 20% despite the mitigations",
        ];
    const { recoveryDelayMs } = this.options.settings;
    switch (incident.state) {
      case "investigating":
      case "mitigated": {
        if (
          healthy &&
          this.#healthySince !== null &&
          now - this.#healthySince >= recoveryDelayMs &&
          this.#variantOff(incident)
        ) {
          this.#nextCheckAt = null;
          return changeState(
            incident,
            "monitoring",
            `the router has been healthy for ${seconds(now - this.#healthySince)}`,
            now,
          );
        }
        return changeState(incident, back[0], back[1], now);
      }
      case "monitoring": {
        if (!healthy) return changeState(incident, back[0], `the router left healthy again; ${back[1]}`, now);
        if (report?.verdict === "passed" && uncovered(incident, report).length === 0)
          return changeState(incident, "resolved", "the recovery check passed", now);
        if (this.options.recovery === undefined) {
          return changeState(
            incident,
            "resolved",
            `no recovery check configured: resolved once the router stayed healthy for ${seconds(recoveryDelayMs)}`,
            now,
          );
        }
        this.#check(incident, now);
        return false;
      }
      case "resolved":
        return false;
    }
  }

  /**
   * A report told since the last tick, in its timeline; returned when it counts for the incident. One that
   * leaves a provider of the incident unchecked (an admin's check of other providers) stays out of the
   * record (the verify step is not done by it) and sets no retry; the automatic check's, or one covering
   * them all, is kept, and a failed one sets the retry.
   */
  #applyReport(incident: Incident, told: Told, now: number): RecoveryReport | null {
    const { report } = told;
    // The automatic check asked for the incident's providers; its timeout's report names none.
    const missing = told.automatic ? [] : uncovered(incident, report);
    const reasons = report.reasons.join("; ").slice(0, MAX_REASONS_LENGTH);
    const verdict =
      report.verdict === "passed" ? "recovery check passed" : `recovery check failed: ${reasons}`;
    const partial =
      missing.length === 0
        ? ""
        : `; it did not check ${missing.join(", ")} of this incident: in the timeline only, it cannot resolve it`;
    addTimeline(incident, {
      at: iso(now),
      event: "recovery_check",
      verdict: report.verdict,
      detail: `${verdict}${partial}`,
    });
    if (missing.length > 0) return null;
    // Kept as told, its reasons bounded: the record's size never depends on a checker's words.
    incident.recovery = {
      ...report,
      reasons: report.reasons.slice(0, MAX_REASONS).map((reason) => reason.slice(0, MAX_REASON_LENGTH)),
    };
    if (report.verdict === "failed") this.#nextCheckAt = now + this.options.settings.recoveryRetryMs;
    return report;
  }

  /** Starts the automatic check unless one runs or a failed one's retry is not due. */
  #check(incident: Incident, now: number): void {
    const checker = this.options.recovery;
    if (checker === undefined || this.#checking || (this.#nextCheckAt !== null && now < this.#nextCheckAt))
      return;
    this.#checking = true;
    const generation = this.#generation;
    const current = () => generation === this.#generation;
    const providers = [...new Set(incident.providers.map((target) => target.provider))];
    let started: Promise<RecoveryReport>;
    try {
      started = checker.check(providers.length === 0 ? undefined : providers);
    } catch (error) {
      started = Promise.reject(error);
    }
    const timeoutMs = RECOVERY_CHECK_TIMEOUT_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), timeoutMs);
      // On Node a hung check must not keep the process from exiting (Workers have no unref).
      (timer as { unref?: () => void }).unref?.();
    });
    const running: Promise<void> = Promise.race([started, timedOut])
      .then((report) => {
        if (!current()) return;
        // A check that hangs past its deadline fails; its report, should it come later, is dropped.
        this.#told({
          report: report ?? {
            at: iso(this.options.clock.now()),
            verdict: "failed",
            providers: [],
            reasons: [`the recovery check did not settle within ${seconds(timeoutMs)}`],
          },
          automatic: true,
        });
      })
      .catch((error: unknown) => {
        this.options.onCheckFailed(error);
        if (current()) this.#nextCheckAt = this.options.clock.now() + this.options.settings.recoveryRetryMs;
      })
      .finally(() => {
        clearTimeout(timer);
        if (current()) this.#checking = false;
        if (this.#running === running) this.#running = null;
      });
    this.#running = running;
  }

  /** Kept for the next tick; past MAX_PENDING_REPORTS the oldest gives way (admin checks run one at a time). */
  #told(told: Told): void {
    this.#reports.push(told);
    if (this.#reports.length > MAX_PENDING_REPORTS) this.#reports.shift();
  }

  /** A rolled-back model is at 0% again (or replaced by another); true without a rollback or a registry. */
  #variantOff(incident: Incident): boolean {
    const rollback = incident.mitigations.find((known) => known.kind === "rollout_rolled_back");
    const registry = this.options.registry;
    if (rollback === undefined || registry === undefined) return true;
    return Object.values(registry.compare().agents).every(
      (models) =>
        models.rolloutPercent === 0 ||
        models.finetuned?.provider !== rollback.provider ||
        models.finetuned?.model !== rollback.model,
    );
  }
}

/** The incident's providers a report did not check: none, and its verdict (every one passed) resolves it. */
function uncovered(incident: Incident, report: RecoveryReport): string[] {
  const checked = new Set(report.providers.map((entry) => entry.provider));
  return [...new Set(incident.providers.map((target) => target.provider))].filter(
    (provider) => !checked.has(provider),
  );
}

function seconds(ms: number): string {
  return `${Math.round(ms / 1000)} s`;
}
