// The metrics Durable Object in process (src/metrics/durable-object.ts), with the platform's part played
// here: its storage in a Map, its constructor's load awaited before the first request, and a namespace that
// hands every name the same object (or, for a fault, a stub that throws or answers 500).

import type { DurableObjectNamespaceLike } from "../../src/limits/durable-object.js";
import { MetricsObject, type MetricsObjectState } from "../../src/metrics/durable-object.js";

/** The platform's part: storage in a Map, and the constructor's load awaited before the first request. */
function storage(data = new Map<string, unknown>()) {
  return {
    data,
    async list<T>({ prefix }: { prefix: string }) {
      return new Map([...data].filter(([key]) => key.startsWith(prefix))) as Map<string, T>;
    },
    async put(entries: Record<string, unknown>) {
      if (Object.keys(entries).length > 128) throw new Error("more than 128 keys in one put");
      for (const [key, value] of Object.entries(entries)) data.set(key, structuredClone(value));
    },
    async delete(keys: string[]) {
      return keys.filter((key) => data.delete(key)).length;
    },
  };
}

/** A MetricsObject on the given storage contents (a Map shared with a restart), loaded. */
export async function startMetricsObject(data?: Map<string, unknown>) {
  const held = storage(data);
  let loaded: Promise<unknown> = Promise.resolve();
  const state: MetricsObjectState = {
    storage: held,
    blockConcurrencyWhile: (callback) => {
      const running = callback();
      loaded = running;
      return running;
    },
  };
  const object = new MetricsObject(state);
  await loaded;
  return { object, data: held.data };
}

/** A namespace whose every stub is `fetch`: the object's own, or a fault's. */
export function namespaceOf(fetch: (request: Request) => Promise<Response>): DurableObjectNamespaceLike {
  return { idFromName: (name) => name, get: () => ({ fetch }) };
}
