// Two Cita Worker instances sharing one deployment's state on local workerd, fully offline, plus a third
// whose router-state object always throws. Each instance is a `wrangler dev` process of its own (so each
// is a separate isolate, as two locations would be):
//   first   the project's wrangler.toml: it hosts the deployment's Durable Objects (ROUTER_STATE, RATE_LIMITS).
//   second  a configuration of its own (name cita-peer) binding the first's objects by script_name, found
//           through a private dev registry (WRANGLER_REGISTRY_PATH), and the same KV namespace, shared
//           through one --persist-to folder.
//   faulty  ROUTER_STATE bound to test/support/throwing-state-object.ts, run beside it in one process (-c twice).
// The first starts alone (the second's bindings connect to it); the faulty one meanwhile. All are stopped
// with their process groups by `stop` (wrangler-dev.ts).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { privateDevRegistry } from "./dev-registry.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface WorkerdFleet {
  first: string;
  second: string;
  faulty: string;
  /** What the three printed, for a failure's message. */
  output(): string;
  stop(): Promise<void>;
}

/** Variables of each instance: the first two share theirs, the faulty one has its own (another simulator scope). */
export interface FleetVariables {
  fleet: Record<string, string>;
  faulty: Record<string, string>;
}

export async function startWorkerdFleet(variables: FleetVariables): Promise<WorkerdFleet> {
  const registry = privateDevRegistry("cita-workerd-fleet-");
  const { start, write, stop } = registry;
  const shared = join(registry.folder, "state");
  try {
    const first = await start({ cwd: ROOT, vars: variables.fleet, persistTo: shared });
    const faulty = await start({
      cwd: ROOT,
      vars: variables.faulty,
      persistTo: join(registry.folder, "faulty-state"),
      configs: [write("faulty.toml", FAULTY), write("throwing.toml", THROWING)],
    });
    // Awaited below; until then a failed start must not surface as an unhandled rejection.
    faulty.ready.catch(() => {});
    await first.ready;
    const second = await start({
      cwd: ROOT,
      vars: variables.fleet,
      persistTo: shared,
      configs: [write("peer.toml", PEER)],
    });
    await Promise.all([second.ready, faulty.ready]);
    return {
      first: first.url,
      second: second.url,
      faulty: faulty.url,
      output: registry.output,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

const COMPATIBILITY_DATE = /^compatibility_date = "([^"]+)"$/m.exec(
  readFileSync(join(ROOT, "wrangler.toml"), "utf8"),
)![1]!;
const HEAD = (name: string, main: string) =>
  `name = "${name}"\nmain = "${join(ROOT, main)}"\ncompatibility_date = "${COMPATIBILITY_DATE}"\nsend_metrics = false\n`;

/** The second instance: the first's objects and KV namespace (wrangler.toml's id); no D1 of its own to share. */
const PEER = `${HEAD("cita-peer", "src/worker.ts")}
[[durable_objects.bindings]]
name = "RATE_LIMITS"
class_name = "RateLimitObject"
script_name = "cita"

[[durable_objects.bindings]]
name = "ROUTER_STATE"
class_name = "RouterStateObject"
script_name = "cita"

[[kv_namespaces]]
binding = "ANSWER_CACHE"
id = "00000000000000000000000000000000"
`;

const FAULTY = `${HEAD("cita-faulty", "src/worker.ts")}
[[durable_objects.bindings]]
name = "ROUTER_STATE"
class_name = "ThrowingStateObject"
script_name = "cita-throwing-state"
`;

const THROWING = `${HEAD("cita-throwing-state", "test/support/throwing-state-object.ts")}
[[durable_objects.bindings]]
name = "THROWING"
class_name = "ThrowingStateObject"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["ThrowingStateObject"]
`;
