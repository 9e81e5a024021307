// Faults: what can go wrong, set per provider (and optionally per model) at run time, each with a rate.
// Delays stack; of the outcome faults, the first whose dice roll fires decides the attempt.
import { z } from "zod";
import { lognormal, type Random } from "./random.js";

const rate = z.number().min(0).max(1).default(1);
const milliseconds = z.number().int().min(0);

export const faultSchema = z.discriminatedUnion("kind", [
  /** Added latency before the headers, lognormal between a median and a 95th percentile. */
  z.object({
    kind: z.literal("latency"),
    rate,
    p50Ms: milliseconds,
    p95Ms: milliseconds,
    maxMs: milliseconds.optional(),
  }),
  /** Headers delayed by a fixed time. */
  z.object({ kind: z.literal("slowFirstByte"), rate, ms: milliseconds }),
  /** Headers and the first bytes sent at once, then the body stalls. */
  z.object({ kind: z.literal("slowBody"), rate, ms: milliseconds }),
  /** Never answers; the attempt ends when the client aborts. */
  z.object({ kind: z.literal("hang"), rate }),
  z.object({
    kind: z.literal("rateLimit"),
    rate,
    /** Without it, the 429 carries no Retry-After. */
    retryAfterSeconds: z.number().int().min(0).optional(),
    retryAfterFormat: z.enum(["seconds", "http-date"]).default("seconds"),
  }),
  z.object({ kind: z.literal("serverError"), rate }),
  z.object({ kind: z.literal("badGateway"), rate }),
  z.object({ kind: z.literal("unavailable"), rate }),
  z.object({ kind: z.literal("overloaded"), rate }),
  z.object({ kind: z.literal("contextLength"), rate }),
  z.object({ kind: z.literal("contentPolicy"), rate }),
  /** The socket is destroyed without an answer. */
  z.object({ kind: z.literal("reset"), rate }),
  z.object({
    kind: z.literal("invalidJson"),
    rate,
    /** prose and fence wrap valid JSON (repairable), trailingComma is near-JSON, broken is beyond repair. */
    variant: z.enum(["prose", "fence", "trailingComma", "broken"]).optional(),
  }),
  z.object({ kind: z.literal("schemaViolation"), rate }),
  z.object({ kind: z.literal("empty"), rate }),
  z.object({ kind: z.literal("lowQuality"), rate }),
  z.object({ kind: z.literal("truncated"), rate }),
  /** Obeys an injection found in the user's text; without one the answer is normal. */
  z.object({ kind: z.literal("obeyInjection"), rate }),
]);

export type FaultInput = z.input<typeof faultSchema>;
export type Fault = z.output<typeof faultSchema>;
export type FaultKind = Fault["kind"];
type DelayKind = "latency" | "slowFirstByte" | "slowBody";
export type OutcomeFault = Exclude<Fault, { kind: DelayKind }>;

export const faultConfigSchema = z.object({
  seed: z.number().int().optional(),
  rules: z.array(
    z.object({ provider: z.string(), model: z.string().optional(), faults: z.array(faultSchema) }),
  ),
});
export type FaultConfig = z.input<typeof faultConfigSchema>;

export interface FaultPlan {
  headersDelayMs: number;
  bodyStallMs: number;
  outcome: OutcomeFault | null;
  /** Every fault that fired, in order. */
  fired: FaultKind[];
}

/** The faults in force: a model's own rules replace its provider's. */
export class FaultBook {
  readonly #rules = new Map<string, Fault[]>();

  set(provider: string, model: string | undefined, faults: readonly FaultInput[]): void {
    const key = model === undefined ? provider : `${provider}/${model}`;
    const parsed = faults.map((fault) => faultSchema.parse(fault));
    if (parsed.length === 0) this.#rules.delete(key);
    else this.#rules.set(key, parsed);
  }

  clear(): void {
    this.#rules.clear();
  }

  plan(provider: string, model: string, random: Random): FaultPlan {
    const faults = this.#rules.get(`${provider}/${model}`) ?? this.#rules.get(provider) ?? [];
    const plan: FaultPlan = { headersDelayMs: 0, bodyStallMs: 0, outcome: null, fired: [] };
    for (const fault of faults) {
      // Every fault rolls its die, fired or not, so one rule's rate never shifts another's draws.
      const roll = random();
      const sample = fault.kind === "latency" ? lognormal(random, fault.p50Ms, fault.p95Ms) : 0;
      if (roll >= fault.rate) continue;
      if (fault.kind === "latency")
        plan.headersDelayMs += Math.round(Math.min(sample, fault.maxMs ?? 600_000));
      else if (fault.kind === "slowFirstByte") plan.headersDelayMs += fault.ms;
      else if (fault.kind === "slowBody") plan.bodyStallMs += fault.ms;
      else if (plan.outcome === null) plan.outcome = fault;
      else continue;
      plan.fired.push(fault.kind);
    }
    return plan;
  }
}
