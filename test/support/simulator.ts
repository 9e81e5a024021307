// The suite's shared provider simulator (started by test/support/simulator-setup.ts), seen from a test
// file. A file opens a scope of its own with the seed it wants: its faults, attempts and random sequences
// are its own, so files running side by side never see each other's, and the answers are those a private
// simulator with that seed would give. Close the scope in afterAll.
import { inject } from "vitest";
import { openScope, type ScopeOptions, type SimulatorScope, scopeAt } from "../../tools/simulator/client.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The shared simulator's root, http://127.0.0.1:PORT. */
    simulatorUrl: string;
  }
}

export type { SimulatorScope };

export function openSimulatorScope(options: ScopeOptions = {}): Promise<SimulatorScope> {
  return openScope(inject("simulatorUrl"), options);
}

/** A scope a global setup opened (the LLM worker's), by id. */
export function simulatorScope(id: string): SimulatorScope {
  return scopeAt(inject("simulatorUrl"), id);
}
