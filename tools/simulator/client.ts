// A scope of a simulator running in another process, steered over its admin routes: what a test file uses
// on the suite's shared simulator (test/support/simulator.ts), with the in-process Simulator's methods made
// asynchronous. Each call resolves once the simulator has applied it, so a fault set before a request is
// in force for that request.
import type { ProviderName } from "../../src/providers/types.js";
import type { FaultConfig, FaultInput } from "./faults.js";
import type { QuotaChange } from "./quota.js";
import type { Attempt } from "./recording.js";
import { baseUrls } from "./routes.js";

export interface SimulatorScope {
  id: string;
  /** The scope's root: http://127.0.0.1:PORT/scopes/ID */
  url: string;
  /** The base URL each provider's SDK must be given to reach this scope. */
  baseUrls: Record<ProviderName, string>;
  setFaults(
    provider: ProviderName | string,
    model: string | undefined,
    faults: readonly FaultInput[],
  ): Promise<void>;
  clearFaults(): Promise<void>;
  /** Changes a provider's quota (its rate-limit headers): limit, window, requests left now. */
  setQuota(provider: ProviderName | string, change: QuotaChange): Promise<void>;
  attempts(): Promise<Attempt[]>;
  /** Back to the faults it was opened with, no attempts, every sequence at its start. */
  reset(): Promise<void>;
  /** Closes the scope on the simulator; its URLs answer 404 from then on. */
  close(): Promise<void>;
}

export interface ScopeOptions {
  /** The seed of the scope's random streams (default 1), as startSimulator's. */
  seed?: number;
  faults?: FaultConfig;
}

async function call(url: string, method: string, body?: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`simulator ${method} ${url}: ${response.status} ${text}`);
  return JSON.parse(text) as unknown;
}

/** Opens a scope of its own on the simulator at `simulatorUrl`. */
export async function openScope(simulatorUrl: string, options: ScopeOptions = {}): Promise<SimulatorScope> {
  const { id } = (await call(`${simulatorUrl}/_sim/scopes`, "POST", options)) as { id: string };
  return scopeAt(simulatorUrl, id);
}

/** A scope another process opened, by its id. */
export function scopeAt(simulatorUrl: string, id: string): SimulatorScope {
  const url = `${simulatorUrl}/scopes/${id}`;
  return {
    id,
    url,
    baseUrls: baseUrls(url),
    setFaults: async (provider, model, faults) => {
      await call(`${url}/_sim/faults`, "POST", {
        provider,
        ...(model === undefined ? {} : { model }),
        faults,
      });
    },
    clearFaults: async () => {
      await call(`${url}/_sim/faults`, "DELETE");
    },
    setQuota: async (provider, change) => {
      await call(`${url}/_sim/quota`, "POST", { provider, ...change });
    },
    attempts: async () => ((await call(`${url}/_sim/attempts`, "GET")) as { attempts: Attempt[] }).attempts,
    reset: async () => {
      await call(`${url}/_sim/reset`, "POST");
    },
    close: async () => {
      await call(`${simulatorUrl}/_sim/scopes/${id}`, "DELETE");
    },
  };
}
