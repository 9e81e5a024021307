// Two Worker instances for the metrics tests (test/workerd/metrics-fleet.test.ts): two `wrangler dev`
// processes, each its own workerd with its own isolate, built from the project's wrangler.toml. The first
// hosts the metrics Durable Object; the second binds the same object through `script_name`, as a second
// isolate of one deployment would reach it. They find each other through a dev registry of their own in a
// temporary folder (WRANGLER_REGISTRY_PATH), so no other `wrangler dev` on the machine joins in, and keep
// their D1 and Durable Object storage there too, so every run starts from nothing. Offline, on 127.0.0.1.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { privateDevRegistry } from "./dev-registry.js";
import type { WranglerDev } from "./wrangler-dev.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** The instance that hosts the object; the other reaches it by this script name. */
const HOST = "cita-metrics-host";
const GUEST = "cita-metrics-guest";

export interface MetricsFleet {
  /** The instance that hosts the metrics object, then the one that binds it from there. */
  host: WranglerDev;
  guest: WranglerDev;
  stop(): Promise<void>;
}

/** The project's wrangler.toml under another name, its entry by absolute path, METRICS hosted or bound. */
function configuration(name: string, metricsHost: string | null): string {
  const replace = (text: string, from: string, to: string) => {
    if (!text.includes(from)) throw new Error(`wrangler.toml no longer has ${from}`);
    return text.replace(from, to);
  };
  let text = readFileSync(join(ROOT, "wrangler.toml"), "utf8");
  text = replace(text, 'name = "cita"', `name = "${name}"`);
  text = replace(text, 'main = "src/worker.ts"', `main = ${JSON.stringify(join(ROOT, "src", "worker.ts"))}`);
  text = replace(
    text,
    'directory = "./src/web/public"',
    `directory = ${JSON.stringify(join(ROOT, "src", "web", "public"))}`,
  );
  if (metricsHost !== null) {
    const binding = 'class_name = "MetricsObject"\n';
    text = replace(text, binding, `${binding}script_name = "${metricsHost}"\n`);
  }
  return text;
}

/** Starts both and waits until both answer; stop() stops them and removes the folder. */
export async function startMetricsFleet(vars: Record<string, string>): Promise<MetricsFleet> {
  const registry = privateDevRegistry("cita-metrics-fleet-");
  const start = (name: string, metricsHost: string | null) =>
    registry.start({
      cwd: ROOT,
      configs: [registry.write(`${name}.toml`, configuration(name, metricsHost))],
      vars,
      persistTo: join(registry.folder, name),
    });
  const host = await start(HOST, null);
  const guest = await start(GUEST, HOST);
  const stop = registry.stop;
  try {
    await Promise.all([host.ready, guest.ready]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { host, guest, stop };
}
