// The suite's shared provider simulator (started by test/support/simulator-setup.ts), seen from a test
// file. A file opens a scope of its own with the seed it wants: its faults, attempts and random sequences
// are its own, so files running side by side never see each other's, and the answers are those a private
// simulator with that seed would give. useSimulatorScope opens it for a file (or a describe) and closes it
// after; openSimulatorScope is the same without the hooks.
import { afterAll, afterEach, beforeAll, inject } from "vitest";
import { openScope, type ScopeOptions, type SimulatorScope, scopeAt } from "../../tools/simulator/client.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The shared simulator's root, http://127.0.0.1:PORT. */
    simulatorUrl: string;
  }
}

export type { SimulatorScope };

/**
 * The service's environment for qwen and anthropic on a scope: test keys, base URLs on the simulator. Weights,
 * timings and the rest are each test's own.
 */
export function simulatedProviders(scope: SimulatorScope): Record<string, string> {
  return {
    QWEN_API_KEY: "sk-test",
    QWEN_BASE_URL: scope.baseUrls.qwen,
    ANTHROPIC_API_KEY: "sk-ant-test",
    ANTHROPIC_BASE_URL: scope.baseUrls.anthropic,
  };
}

export function openSimulatorScope(options: ScopeOptions = {}): Promise<SimulatorScope> {
  return openScope(inject("simulatorUrl"), options);
}

/** A scope a global setup opened (the LLM worker's), by id. */
export function simulatorScope(id: string): SimulatorScope {
  return scopeAt(inject("simulatorUrl"), id);
}

/**
 * A scope for the tests of this file (or describe): opened before all of them (before any hook registered
 * later), closed after all, and reset after each one when `resetAfterEach` is set. Its properties and
 * methods are usable from the hooks and tests on.
 */
export function useSimulatorScope(options: ScopeOptions & { resetAfterEach?: boolean } = {}): SimulatorScope {
  const { resetAfterEach = false, ...scopeOptions } = options;
  let scope: SimulatorScope | undefined;
  const opened = (): SimulatorScope => {
    if (scope === undefined)
      throw new Error("the simulator scope opens in beforeAll: use it in hooks and tests");
    return scope;
  };
  beforeAll(async () => {
    scope = await openSimulatorScope(scopeOptions);
  });
  afterAll(() => scope?.close());
  if (resetAfterEach) afterEach(() => opened().reset());
  return {
    get id() {
      return opened().id;
    },
    get url() {
      return opened().url;
    },
    get baseUrls() {
      return opened().baseUrls;
    },
    setFaults: (provider, model, faults) => opened().setFaults(provider, model, faults),
    clearFaults: () => opened().clearFaults(),
    setQuota: (provider, change) => opened().setQuota(provider, change),
    attempts: () => opened().attempts(),
    reset: () => opened().reset(),
    close: () => opened().close(),
  };
}
