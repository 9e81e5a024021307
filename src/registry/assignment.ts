// Which variant a request of an agent uses. The assignment is sticky: a hash of the agent and the user or
// session id puts each user in one of 10 000 buckets, so a user keeps their variant while the rollout
// stands, and raising the percentage only adds users. The kill switch is read on every request.
import type { ProviderName } from "../providers/types.js";
import type { AgentModels, RegistryAgent, Variant } from "./agent-models.js";

export interface Assignment {
  variant: Variant;
  /** The model to try first (the fine-tuned one), or none: the router chooses. */
  pin: { provider: ProviderName; model: string } | null;
  maxTokens: number;
  temperature: number;
}

/**
 * Fine-tuned when one is set, the kill switch is off and the subject's bucket falls under the rollout.
 * Without a subject (no user or session id) each request draws its own bucket.
 */
export function assign(agent: RegistryAgent, models: AgentModels, subject: string | null): Assignment {
  const finetuned = models.finetuned;
  const bucket = subject === null ? Math.random() * 100 : bucketOf(`${agent}:${subject}`);
  if (finetuned !== null && models.useFinetuned && bucket < models.rolloutPercent) {
    return {
      variant: "finetuned",
      pin: { provider: finetuned.provider, model: finetuned.model },
      maxTokens: finetuned.maxTokens,
      temperature: finetuned.temperature,
    };
  }
  return { variant: "baseline", pin: null, ...models.baseline };
}

/** A stable bucket in [0, 100) with two decimals of resolution: FNV-1a over the key. */
export function bucketOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  // A final avalanche step (murmur3's fmix32), so keys differing in their last characters spread out.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return ((hash >>> 0) % 10_000) / 100;
}
