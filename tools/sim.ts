// `npm run sim`: starts the provider simulator on 127.0.0.1 and prints the base URL each provider's SDK
// must use. Options: --port N (default 0, a free port), --seed N (default 1), --faults FILE (JSON:
// {"seed"?, "rules": [{"provider", "model"?, "faults": [...]}]}). Faults can change later through
// POST /_sim/faults, the providers' quotas (their rate-limit headers) through POST /_sim/quota; GET
// /_sim/attempts lists what was received; POST /_sim/reset starts over; POST
// /_sim/scopes opens a scope with state of its own for a client sharing the server (simulator/scope.ts).
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { faultConfigSchema } from "./simulator/faults.js";
import { startSimulator } from "./simulator/server.js";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "0" },
    seed: { type: "string" },
    faults: { type: "string" },
  },
});

const faults = values.faults
  ? faultConfigSchema.parse(JSON.parse(readFileSync(values.faults, "utf8")))
  : undefined;
const simulator = await startSimulator({
  port: Number(values.port),
  ...(values.seed !== undefined ? { seed: Number(values.seed) } : {}),
  ...(faults ? { faults } : {}),
});

console.log(`Cita provider simulator listening on ${simulator.url}`);
for (const [provider, url] of Object.entries(simulator.baseUrls))
  console.log(`  ${provider.padEnd(18)} ${url}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    simulator.close().then(() => process.exit(0));
  });
}
