// Global setup of the workerd project (vitest.config.ts): the `wrangler dev` processes its test files share
// (test/support/workers.ts says which and why), started side by side on 127.0.0.1 once per run, after the
// shared simulator (so the llm worker can point at it), and stopped at the end; if the run is interrupted,
// wrangler-dev.ts's watchdog stops them. The setup does not wait for them: other files run meanwhile, and
// each worker's outcome ("ready", or why it failed) is written to a status file its test files wait on.
import { mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { openScope } from "../../tools/simulator/client.js";
import {
  LLM_WORKER_SEED,
  llmWorkerVariables,
  READY,
  RULES_WORKER_VARIABLES,
  type SharedWorker,
  type WorkerName,
} from "./workers.js";
import { startWranglerDev } from "./wrangler-dev.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Written whole or not at all, so a reader never sees half a status. */
function writeStatus(path: string, text: string): void {
  writeFileSync(`${path}.partial`, text);
  renameSync(`${path}.partial`, path);
}

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const scope = await openScope(project.getProvidedContext().simulatorUrl, { seed: LLM_WORKER_SEED });
  const variables: Record<WorkerName, Record<string, string>> = {
    rules: RULES_WORKER_VARIABLES,
    llm: llmWorkerVariables(scope.baseUrls),
  };
  const statusDirectory = mkdtempSync(join(tmpdir(), "cita-workers-"));
  const names = Object.keys(variables) as WorkerName[];
  // Each worker keeps its D1, KV and Durable Object storage in a folder of the run's own, so nothing one
  // run stored (a cached answer in KV, say) is found by the next.
  const running = await Promise.all(
    names.map((name) =>
      startWranglerDev({
        cwd: ROOT,
        vars: variables[name],
        persistTo: join(statusDirectory, `${name}-state`),
        // A dev registry of each worker's own: both are named "cita" (wrangler.toml), and in the user's
        // registry each start would replace the other's entry, and any other `wrangler dev` could join.
        environment: { WRANGLER_REGISTRY_PATH: join(statusDirectory, `${name}-registry`) },
      }),
    ),
  );
  const workers = {} as Record<WorkerName, SharedWorker>;
  for (const [index, name] of names.entries()) {
    const worker = running[index]!;
    const status = join(statusDirectory, name);
    worker.ready.then(
      () => writeStatus(status, READY),
      (error: unknown) => writeStatus(status, String(error)),
    );
    // A start whose port was taken moves to another: the URL is final once `ready` has settled.
    await worker.ready.catch(() => {});
    workers[name] = { url: worker.url, status };
  }
  project.provide("workers", workers);
  project.provide("llmWorkerScope", scope.id);
  return async () => {
    await Promise.all(running.map((worker) => worker.stop()));
    await scope.close();
    rmSync(statusDirectory, { recursive: true, force: true });
  };
}
