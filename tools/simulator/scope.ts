// A scope is one client's view of the simulator: its seed, the faults in force, the attempts recorded and
// each provider/model's place in its sequence. A simulator has a root scope and may open more, each under
// its own path prefix (`/scopes/<id>/…`), so clients sharing one server (the test files of one run) never
// see each other's faults or attempts; a scope opened with a seed answers exactly as a simulator started
// with that seed would.
import { FaultBook, type FaultConfig, type FaultInput, type FaultPlan, faultConfigSchema } from "./faults.js";
import { QuotaBook, type QuotaChange } from "./quota.js";
import { hashKey, type Random, seededRandom } from "./random.js";
import { type Attempt, Recorder } from "./recording.js";

/** What the admin routes steer: a scope, or the whole simulator. */
export interface SimulatorControl {
  setFaults(provider: string, model: string | undefined, faults: readonly FaultInput[]): void;
  clearFaults(): void;
  attempts(): Attempt[];
  /** Changes a provider's quota (its rate-limit headers): limit, window, requests left now. */
  setQuota(provider: string, change: QuotaChange): void;
  reset(): void;
}

export class Scope implements SimulatorControl {
  readonly seed: number;
  readonly #book = new FaultBook();
  readonly #recorder = new Recorder();
  readonly #sequence = new Map<string, number>();
  readonly #configured: FaultConfig["rules"];
  readonly quotas = new QuotaBook();

  constructor(
    seed: number | undefined,
    faults?: FaultConfig,
    private readonly clock: () => number = Date.now,
  ) {
    const config = faults ? faultConfigSchema.parse(faults) : { rules: [] };
    this.seed = seed ?? config.seed ?? 1;
    this.#configured = config.rules;
    this.#loadConfigured();
  }

  #loadConfigured(): void {
    for (const rule of this.#configured) this.#book.set(rule.provider, rule.model, rule.faults);
  }

  setFaults: SimulatorControl["setFaults"] = (provider, model, faults) =>
    this.#book.set(provider, model, faults);

  clearFaults(): void {
    this.#book.clear();
  }

  setQuota: SimulatorControl["setQuota"] = (provider, change) =>
    this.quotas.set(provider, change, this.clock());

  attempts(): Attempt[] {
    return this.#recorder.list();
  }

  /** Back to the configured faults and full default quotas, with no attempts and every sequence at its start. */
  reset(): void {
    this.#book.clear();
    this.quotas.clear();
    this.#recorder.clear();
    this.#sequence.clear();
    this.#loadConfigured();
  }

  begin(fields: Parameters<Recorder["begin"]>[0], now: number): Attempt {
    return this.#recorder.begin(fields, now);
  }

  /** The random stream of the next attempt on provider/model: the seed and the attempt's place in line. */
  nextRandom(provider: string, model: string): Random {
    const key = `${provider}/${model}`;
    const index = this.#sequence.get(key) ?? 0;
    this.#sequence.set(key, index + 1);
    return seededRandom(hashKey(this.seed, provider, model, index));
  }

  plan(provider: string, model: string, random: Random): FaultPlan {
    return this.#book.plan(provider, model, random);
  }
}

/** The scopes a simulator opened besides its root, by id. */
export class Scopes {
  readonly #opened = new Map<string, Scope>();
  #counter = 0;

  constructor(private readonly clock: () => number = Date.now) {}

  open(seed: number | undefined, faults?: FaultConfig): { id: string; scope: Scope } {
    const scope = new Scope(seed, faults, this.clock);
    const id = `s${++this.#counter}`;
    this.#opened.set(id, scope);
    return { id, scope };
  }

  get(id: string): Scope | undefined {
    return this.#opened.get(id);
  }

  close(id: string): boolean {
    return this.#opened.delete(id);
  }
}
