// Two projects, so a run starts only the servers its files need. Both share one provider simulator
// (test/support/simulator-setup.ts); the workerd project also starts the `wrangler dev` processes its files
// share (test/support/workerd-setup.ts), so `npx vitest run <a node test>` never waits for wrangler.
// `npx vitest run --project workerd` runs the runtime tests alone. test/README.md maps the tests.
import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

const shared = { testTimeout: 20_000, hookTimeout: 120_000 };
const SIMULATOR = "test/support/simulator-setup.ts";

export default defineConfig({
  test: {
    reporters: ["default"],
    // At least two test files at a time (vitest's default is one less than the cores, so one on two cores):
    // much of the suite waits rather than computes (chaos runs in scaled real time, the workerd, socket and
    // child-process tests wait on other processes), and a second file fills that time.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          ...shared,
          name: "node",
          include: [
            "src/**/*.test.ts",
            "agents/**/*.test.ts",
            "prompts/**/*.test.ts",
            "test/**/*.test.ts",
            "tools/**/*.test.ts",
          ],
          exclude: ["test/workerd/**", "**/*.workerd.test.ts", "**/node_modules/**"],
          globalSetup: [SIMULATOR],
        },
      },
      {
        test: {
          ...shared,
          name: "workerd",
          // test/security's runtime halves run on the Workers as well.
          include: ["test/workerd/**/*.test.ts", "test/security/**/*.workerd.test.ts"],
          globalSetup: [SIMULATOR, "test/support/workerd-setup.ts"],
        },
      },
    ],
  },
});
