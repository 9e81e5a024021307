// A temporary folder of its own for the tests that run several `wrangler dev` as one deployment
// (workerd-fleet.ts, workerd-fleet-metrics.ts): their dev registry (WRANGLER_REGISTRY_PATH), so one
// instance finds another's Durable Objects by script_name and no other `wrangler dev` on the machine joins
// in; their configuration files; and their storage. `stop` stops every instance started through it and
// removes the folder.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startWranglerDev, type WranglerDev, type WranglerDevOptions } from "./wrangler-dev.js";

export interface DevRegistry {
  folder: string;
  /** Starts a `wrangler dev` on this registry. */
  start(options: Omit<WranglerDevOptions, "environment">): Promise<WranglerDev>;
  /** Writes a file into the folder (a configuration, say) and returns its path. */
  write(name: string, text: string): string;
  /** What every instance printed, for a failure's message. */
  output(): string;
  stop(): Promise<void>;
}

export function privateDevRegistry(prefix: string): DevRegistry {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  const environment = { WRANGLER_REGISTRY_PATH: join(folder, "registry") };
  const started: WranglerDev[] = [];
  return {
    folder,
    async start(options) {
      const worker = await startWranglerDev({ ...options, environment });
      started.push(worker);
      return worker;
    },
    write(name, text) {
      const path = join(folder, name);
      writeFileSync(path, text);
      return path;
    },
    output: () => started.map((worker) => worker.output()).join("\n---\n"),
    async stop() {
      await Promise.allSettled(started.map((worker) => worker.stop()));
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
