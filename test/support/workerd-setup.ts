// Global setup of the workerd project (vitest.config.ts): the `wrangler dev` processes its test files share
// (test/support/workers.ts says which and why), started side by side on 127.0.0.1 once per run, after the
// shared simulator (so the llm worker can point at it), and stopped at the end; if the run is interrupted,
// wrangler-dev.ts's watchdog stops them.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { openScope } from "../../tools/simulator/client.js";
import {
  LLM_WORKER_SEED,
  llmWorkerVariables,
  RULES_WORKER_VARIABLES,
  type SharedWorker,
  type WorkerName,
} from "./workers.js";
import { startWranglerDev, type WranglerDev } from "./wrangler-dev.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const scope = await openScope(project.getProvidedContext().simulatorUrl, { seed: LLM_WORKER_SEED });
  const variables: Record<WorkerName, Record<string, string>> = {
    rules: RULES_WORKER_VARIABLES,
    llm: llmWorkerVariables(scope.baseUrls),
  };
  const names = Object.keys(variables) as WorkerName[];
  const started = await Promise.allSettled(
    names.map((name) => startWranglerDev({ cwd: ROOT, vars: variables[name] })),
  );
  const running: WranglerDev[] = [];
  const workers = {} as Record<WorkerName, SharedWorker>;
  for (const [index, name] of names.entries()) {
    const result = started[index]!;
    if (result.status === "fulfilled") running.push(result.value);
    workers[name] =
      result.status === "fulfilled" ? { url: result.value.url } : { error: String(result.reason) };
  }
  project.provide("workers", workers);
  project.provide("llmWorkerScope", scope.id);
  return async () => {
    await Promise.all(running.map((worker) => worker.stop()));
    await scope.close();
  };
}
