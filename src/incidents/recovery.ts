// The runbook's post-recovery test (docs/incidents.md, "Recovery check"): the recovery cases (golden cases
// tagged `recovery`, recovery-cases.ts) go to each provider through the router (completeOn: its deadline,
// breaker and accounting, no failover, no cache), read by the Parsing agent's own LLM reading and checked
// by its own cross-check against the rules reading, and the measurements are judged (recovery-verdict.ts).
// Bounded: one case at a time per provider, the providers side by side, all within one deadline; cases it
// cuts count as not answered. It never touches a user's request, and answers nothing but the report.

import { modelIntent, slotReadings } from "../../agents/parsing/cross-check.js";
import { readWithLlm } from "../../agents/parsing/llm.js";
import { readByRules } from "../../agents/parsing/rules.js";
import { ceiling } from "../../agents/validation/confidence.js";
import { emptyDraft, type LlmAccess } from "../coordinator/agent.js";
import { createAgentContext } from "../coordinator/context.js";
import type { Extraction } from "../llm/extraction-schema.js";
import type { ProviderName } from "../providers/types.js";
import type { LlmRouter } from "../router/router.js";
import { RECOVERY_CASES, type RecoveryCase } from "./recovery-cases.js";
import {
  type CaseOutcome,
  judgeProvider,
  RECOVERY_LIMITS,
  type RecoveryLimits,
  recoveryReport,
} from "./recovery-verdict.js";
import type { ProviderRecovery, RecoveryChecker, RecoveryReport } from "./types.js";

/**
 * A recovered provider answers the eight cases in seconds; one that hangs or crawls is cut here (its cases
 * left count as not answered), so the check never holds an incident, or an admin's request, for long.
 */
export const RECOVERY_DEADLINE_MS = 60_000;

export interface RecoveryCheckerOptions {
  router: LlmRouter;
  /** For latency and the report's time. */
  clock?: () => number;
  cases?: readonly RecoveryCase[];
  limits?: Partial<RecoveryLimits>;
  /** The whole check ends by then. */
  deadlineMs?: number;
}

export class RouterRecoveryChecker implements RecoveryChecker {
  readonly #router: LlmRouter;
  readonly #clock: () => number;
  readonly #cases: readonly RecoveryCase[];
  readonly #limits: RecoveryLimits;
  readonly #deadlineMs: number;
  #checks = 0;

  constructor(options: RecoveryCheckerOptions) {
    this.#router = options.router;
    this.#clock = options.clock ?? Date.now;
    this.#cases = options.cases ?? RECOVERY_CASES;
    this.#limits = { ...RECOVERY_LIMITS, ...options.limits };
    this.#deadlineMs = options.deadlineMs ?? RECOVERY_DEADLINE_MS;
  }

  /** The configured providers: those it checks by default, and the only ones it can check. */
  get providers(): readonly ProviderName[] {
    return this.#router.providers.map((provider) => provider.name);
  }

  async check(providers?: readonly ProviderName[]): Promise<RecoveryReport> {
    const names = providers ?? this.providers;
    const check = ++this.#checks;
    const deadline = new AbortController();
    const timer = setTimeout(
      () => deadline.abort(new DOMException("The recovery check's deadline passed.", "TimeoutError")),
      this.#deadlineMs,
    );
    try {
      const checked = await Promise.all(
        [...new Set(names)].map((provider) => this.#checkProvider(provider, `${check}`, deadline.signal)),
      );
      return recoveryReport(this.#clock(), checked);
    } finally {
      clearTimeout(timer);
    }
  }

  async #checkProvider(
    provider: ProviderName,
    check: string,
    signal: AbortSignal,
  ): Promise<ProviderRecovery> {
    const outcomes: CaseOutcome[] = [];
    for (const entry of this.#cases) {
      if (signal.aborted) break;
      outcomes.push(
        await this.#runCase(provider, entry, `recovery-${check}-${provider}-${entry.id}`, signal),
      );
    }
    // The routed target comes first in the snapshot, before any pinned model of the same provider.
    const routed = this.#router.snapshot().providers.find((target) => target.provider === provider);
    const target = { provider, model: routed?.model ?? "unknown" };
    return judgeProvider(
      target,
      outcomes,
      this.#cases.length,
      routed?.rateLimit.remainingRequests ?? null,
      this.#limits,
    );
  }

  /** One case on one provider: the Parsing agent's LLM reading, and its cross-check's date and time. */
  async #runCase(
    provider: ProviderName,
    entry: RecoveryCase,
    requestId: string,
    signal: AbortSignal,
  ): Promise<CaseOutcome> {
    let extraction: Extraction | null = null;
    const router = this.#router;
    const access: LlmAccess = {
      router: {
        async complete(call) {
          const result = await router.completeOn({ provider }, call);
          extraction = result.value as Extraction;
          return result;
        },
      },
      requestId,
      signal,
    };
    const context = createAgentContext({
      text: entry.text,
      locale: entry.locale,
      timezone: entry.timezone,
      now: Date.parse(entry.now),
      calendar: null,
      store: null,
    });
    const draft = emptyDraft(context);
    const rules = readByRules(context, draft);
    const started = this.#clock();
    const read = await readWithLlm(context, access, draft, rules);
    const latencyMs = this.#clock() - started;
    const answer = extraction as Extraction | null;
    if (answer === null || read.llm?.answered !== true) {
      return { latencyMs, answered: false, confidence: null, agrees: null };
    }
    const { byModel, byRules } = slotReadings(context, { ...draft, intent: rules.intent }, rules, answer);
    const agrees =
      modelIntent(answer, rules.intent) !== "none" &&
      byRules.date !== null &&
      byModel.date === byRules.date &&
      byModel.time === byRules.time;
    return { latencyMs, answered: true, confidence: ceiling(read), agrees };
  }
}
