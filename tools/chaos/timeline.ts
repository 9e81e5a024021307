// What a scenario's HTML report draws (npm run chaos -- --report), recorded during the run and bounded:
// every request to Cita (warm-up, under fault, recovery) with its status and who answered, every attempt
// the simulator saw from Cita with its outcome, and /health's states where they changed (the fleet's
// worst, and each instance's own for a fleet). Times are milliseconds since fault onset. Not in the JSON
// report, which stays as it was.
import type { Attempt } from "../simulator/recording.js";
import type { CitaOutcome, HealthView } from "./cita.js";
import type { HealthSample } from "./health.js";

/** At most this many entries of each kind: a long run at scale 1 stays a few hundred kilobytes. */
export const TIMELINE_LIMIT = 5000;

export type AttemptOutcome = "ok" | "timeout" | "429" | "5xx" | "invalid JSON" | "low quality" | "other";

export interface TimelineRequest {
  phase: string;
  /** Sent, since onset (negative for the warm-up). */
  atMs: number;
  latencyMs: number;
  /** The instance it was sent to (request i goes to instance i mod N). */
  instance: number;
  /** HTTP status; null when no answer came. */
  status: number | null;
  /** meta.provider, "rules", or null when the answer was not a schema-valid 200. */
  answeredBy: string | null;
}

export interface TimelineAttempt {
  atMs: number;
  provider: string;
  outcome: AttemptOutcome;
  instance: number | null;
}

export interface TimelineState {
  atMs: number;
  /** null: the fleet's worst view (for one instance, its own); otherwise that instance's own view. */
  instance: number | null;
  /** null when /health could not be read. */
  view: HealthView | null;
}

export interface ScenarioTimeline {
  clearedAtMs: number | null;
  endMs: number;
  requests: TimelineRequest[];
  attempts: TimelineAttempt[];
  states: TimelineState[];
  /** Entries left out past TIMELINE_LIMIT, all kinds together. */
  dropped: number;
}

/** An attempt's outcome as the charts group them. */
export function attemptOutcome(attempt: Attempt): AttemptOutcome {
  if (attempt.status === 429) return "429";
  if (attempt.status !== null && attempt.status >= 500) return "5xx";
  if (attempt.fault === "lowQuality") return "low quality";
  if (attempt.fault !== null && INVALID_ANSWERS.has(attempt.fault)) return "invalid JSON";
  // Cita gave up on it: its attempt timeout or deadline passed, or a hedge answered first.
  if (attempt.aborted || attempt.fault === "hang") return "timeout";
  if (attempt.status !== null && attempt.status < 300) return "ok";
  return "other";
}

const INVALID_ANSWERS = new Set(["invalidJson", "schemaViolation", "empty", "truncated"]);

/** The phase and instance of a harness request id (cita-<phase>-<i>), or null for another id. */
function requestOf(id: string | null, instances: number): { phase: string; instance: number } | null {
  const match = /^cita-([a-z]+)-(\d+)$/.exec(id ?? "");
  return match === null ? null : { phase: match[1]!, instance: Number(match[2]) % instances };
}

/** The samples where a view changed, per slot (the fleet's worst, then each instance's own). */
function stateChanges(samples: readonly HealthSample[], instances: number, onsetAt: number): TimelineState[] {
  const slots: (number | null)[] =
    instances > 1 ? [null, ...Array.from({ length: instances }, (_, i) => i)] : [null];
  const changes: TimelineState[] = [];
  const last = new Map<number | null, string>();
  for (const sample of samples) {
    for (const instance of slots) {
      const view = instance === null ? sample.view : (sample.views[instance] ?? null);
      const key = JSON.stringify(view);
      if (last.get(instance) === key) continue;
      last.set(instance, key);
      changes.push({ atMs: sample.at - onsetAt, instance, view });
    }
  }
  return changes;
}

export interface TimelineInputs {
  outcomes: readonly CitaOutcome[];
  attempts: readonly Attempt[];
  samples: readonly HealthSample[];
  onsetAt: number;
  clearedAt: number | null;
  endAt: number;
  instances: number;
}

/** The timeline of one scenario, each list cut at TIMELINE_LIMIT. */
export function buildTimeline(inputs: TimelineInputs): ScenarioTimeline {
  const { onsetAt, instances } = inputs;
  const requests: TimelineRequest[] = inputs.outcomes.map((outcome) => ({
    phase: requestOf(outcome.id, instances)?.phase ?? "other",
    atMs: outcome.sentAt - onsetAt,
    latencyMs: Math.round(outcome.latencyMs),
    instance: requestOf(outcome.id, instances)?.instance ?? 0,
    status: outcome.status,
    answeredBy: outcome.valid ? (outcome.provider ?? "rules") : null,
  }));
  const attempts: TimelineAttempt[] = inputs.attempts
    .filter((attempt) => attempt.requestId?.startsWith("cita-") === true)
    .map((attempt) => ({
      atMs: Date.parse(attempt.time) - onsetAt,
      provider: attempt.provider,
      outcome: attemptOutcome(attempt),
      instance: requestOf(attempt.requestId, instances)?.instance ?? null,
    }));
  const states = stateChanges(inputs.samples, instances, onsetAt);
  const dropped = [requests, attempts, states].reduce(
    (sum, list) => sum + Math.max(0, list.length - TIMELINE_LIMIT),
    0,
  );
  return {
    clearedAtMs: inputs.clearedAt === null ? null : inputs.clearedAt - onsetAt,
    endMs: inputs.endAt - onsetAt,
    requests: requests.slice(0, TIMELINE_LIMIT),
    attempts: attempts.slice(0, TIMELINE_LIMIT),
    states: states.slice(0, TIMELINE_LIMIT),
    dropped,
  };
}
