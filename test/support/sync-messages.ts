// A sync message of the router-state Durable Object (src/shared/durable-object-messages.ts) for tests: an
// isolate that tells nothing, asks about no target, and reads the spend of `day`; overrides set the rest.
import type { SyncMessage } from "../../src/shared/durable-object-messages.js";

export function syncMessage(day: number, overrides: Partial<SyncMessage> = {}): SyncMessage {
  return {
    instance: "a",
    epoch: null,
    after: 0,
    targets: [],
    day,
    breakers: [],
    pauses: [],
    clears: [],
    calls: [],
    spend: [],
    ...overrides,
  };
}
