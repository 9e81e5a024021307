// Global setup (vitest.config.ts): one provider simulator for the whole run, on 127.0.0.1 in vitest's main
// process, so it ends with the run however the run ends. Its URL reaches every test file as `simulatorUrl`;
// a file never shares state with another, since each opens a scope of its own (test/support/simulator.ts).
// Every project lists this setup and vitest loads it once per project, so the one server is kept on
// globalThis: the first project's setup starts it, the last one's teardown closes it.
import type { TestProject } from "vitest/node";
import { type Simulator, startSimulator } from "../../tools/simulator/server.js";

const SHARED = Symbol.for("cita.test.simulator");

interface Shared {
  simulator: Promise<Simulator>;
  projects: number;
}

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const holder = globalThis as { [SHARED]?: Shared };
  holder[SHARED] ??= { simulator: startSimulator(), projects: 0 };
  const shared = holder[SHARED];
  shared.projects += 1;
  const simulator = await shared.simulator;
  project.provide("simulatorUrl", simulator.url);
  return async () => {
    shared.projects -= 1;
    if (shared.projects > 0) return;
    delete holder[SHARED];
    await simulator.close();
  };
}
