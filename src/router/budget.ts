// The daily LLM budget of a deployment, in US dollars per UTC day: what the calls cost (tokens × the price
// table) adds up; past a share of the budget the router goes to conservation mode, past the budget it
// stops calling LLMs and every request reads by rules, until the next UTC day. Per process by default (per
// isolate on Workers); with shared state (src/shared/) the fleet's spend counts, as last seen plus this
// instance's own since, and never less than this instance's own (a shared store restarted empty).
import type { SharedState } from "../shared/state.js";

export interface BudgetSettings {
  /** USD per UTC day; null for no budget. */
  dailyUsd: number | null;
  /** Share of the budget past which conservation mode starts. */
  conservationShare: number;
}

export type BudgetState = "ok" | "conservation" | "exhausted";

export interface BudgetSnapshot {
  dailyUsd: number | null;
  /** The UTC day being counted, YYYY-MM-DD. */
  day: string;
  spentUsd: number;
  state: BudgetState;
}

const DAY_MS = 86_400_000;

export class DailyBudget {
  #day: number;
  #spent = 0;

  constructor(
    private readonly settings: BudgetSettings,
    now: number,
    private readonly shared?: Pick<SharedState, "spent" | "spentToday">,
  ) {
    this.#day = Math.floor(now / DAY_MS);
  }

  add(usd: number, now: number): void {
    this.#roll(now);
    if (usd > 0) {
      this.#spent += usd;
      this.shared?.spent(usd, now);
    }
  }

  state(now: number): BudgetState {
    const spent = this.#spentToday(now);
    const daily = this.settings.dailyUsd;
    if (daily === null) return "ok";
    if (spent >= daily) return "exhausted";
    return spent >= daily * this.settings.conservationShare ? "conservation" : "ok";
  }

  snapshot(now: number): BudgetSnapshot {
    const state = this.state(now);
    return {
      dailyUsd: this.settings.dailyUsd,
      day: new Date(this.#day * DAY_MS).toISOString().slice(0, 10),
      spentUsd: Math.round(this.#spentToday(now) * 1e6) / 1e6,
      state,
    };
  }

  #spentToday(now: number): number {
    this.#roll(now);
    return Math.max(this.#spent, this.shared?.spentToday(now) ?? 0);
  }

  #roll(now: number): void {
    const day = Math.floor(now / DAY_MS);
    if (day !== this.#day) {
      this.#day = day;
      this.#spent = 0;
    }
  }
}
