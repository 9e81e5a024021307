// The one exchange between an isolate and the router-state Durable Object (src/shared/durable-object.ts):
// a "sync" carries what the isolate did since its last one (breaker changes, pauses, calls, spend) and asks
// for the fleet's view of the targets it uses; the reply is that view. Both sides parse what they receive
// with these schemas: the object is shared by every isolate (and by every deployment version during a
// rollout), so neither trusts the other's shape. Sizes are capped here, so no message grows without bound.
import { z } from "zod";

/** Outcomes kept per target (and sent per target in one sync), as the Redis stream keeps them. */
export const CALLS_PER_TARGET = 1_000;
/** Targets (provider/model) one deployment may have: routed and pinned models together, with room. */
export const MAX_TARGETS = 256;

const target = z.string().min(1).max(200);
const time = z.number().nonnegative();

export const CallSampleSchema = z.object({
  at: time,
  outcome: z.enum([
    "ok",
    "timeout",
    "rate_limited",
    "server",
    "connection",
    "invalid_output",
    "rejected",
    "cancelled",
  ]),
  latencyMs: z.number().nonnegative().nullable(),
  answers: z.number().int().nonnegative(),
  invalidAnswers: z.number().int().nonnegative(),
  client: z.string().max(1_000).nullable().optional(),
  suspect: z.boolean().optional(),
});

const BreakerChangeSchema = z.object({ state: z.enum(["open", "closed"]), at: time });

export const SyncMessageSchema = z.object({
  /** The isolate's own id: its calls are not sent back to it. */
  instance: z.string().min(1).max(100),
  /** The object's run the isolate last heard from, and the last call sequence it received there. */
  epoch: z.string().max(100).nullable(),
  after: z.number().int().nonnegative(),
  /** The targets the isolate uses: the reply holds their views and calls. */
  targets: z.array(target).max(MAX_TARGETS),
  /** The UTC day (epoch ms / 86,400,000) whose spend the isolate wants back. */
  day: z.number().int().nonnegative(),
  breakers: z.array(z.object({ target, change: BreakerChangeSchema })).max(MAX_TARGETS),
  /** Each pause's end and when it was told, so a pause told before an operator's reset is refused. */
  pauses: z.array(z.object({ target, until: time, at: time })).max(MAX_TARGETS),
  /** Operators' resets: the target's pause ends for the fleet. */
  clears: z.array(z.object({ target, at: time })).max(MAX_TARGETS),
  calls: z
    .array(z.object({ target, samples: z.array(CallSampleSchema).max(CALLS_PER_TARGET) }))
    .max(MAX_TARGETS),
  spend: z.array(z.object({ day: z.number().int().nonnegative(), usd: z.number().nonnegative() })).max(8),
});

export const SyncReplySchema = z.object({
  epoch: z.string().max(100),
  /** The highest call sequence of this run: the isolate's next `after`. */
  sequence: z.number().int().nonnegative(),
  views: z.array(
    z.object({
      target,
      breaker: BreakerChangeSchema.nullable(),
      pausedUntil: time.nullable(),
      pauseClearedAt: time.nullable(),
    }),
  ),
  /** Other isolates' calls after `after`, each with its sequence. */
  calls: z.array(z.object({ target, sequence: z.number().int().positive(), sample: CallSampleSchema })),
  /** The fleet's spend on the day asked for, in USD. */
  spentUsd: z.number().nonnegative(),
});

export type SyncMessage = z.infer<typeof SyncMessageSchema>;
export type SyncReply = z.infer<typeof SyncReplySchema>;
