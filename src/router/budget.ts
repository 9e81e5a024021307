// The daily LLM budget of a deployment, in US dollars per UTC day: what the calls cost (tokens × the price
// table) adds up; past a share of the budget the router goes to conservation mode, past the budget it
// stops calling LLMs and every request reads by rules, until the next UTC day. Per process (per isolate on
// Workers): a deployment of many instances gives each its share, or tracks spend centrally.

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
  ) {
    this.#day = Math.floor(now / DAY_MS);
  }

  add(usd: number, now: number): void {
    this.#roll(now);
    if (usd > 0) this.#spent += usd;
  }

  state(now: number): BudgetState {
    this.#roll(now);
    const daily = this.settings.dailyUsd;
    if (daily === null) return "ok";
    if (this.#spent >= daily) return "exhausted";
    return this.#spent >= daily * this.settings.conservationShare ? "conservation" : "ok";
  }

  snapshot(now: number): BudgetSnapshot {
    const state = this.state(now);
    return {
      dailyUsd: this.settings.dailyUsd,
      day: new Date(this.#day * DAY_MS).toISOString().slice(0, 10),
      spentUsd: Math.round(this.#spent * 1e6) / 1e6,
      state,
    };
  }

  #roll(now: number): void {
    const day = Math.floor(now / DAY_MS);
    if (day !== this.#day) {
      this.#day = day;
      this.#spent = 0;
    }
  }
}
