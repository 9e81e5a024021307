// Two projects, so a run starts only the servers its files need. Both share one provider simulator
// (test/support/simulator-setup.ts); the workerd project also starts the `wrangler dev` processes its files
// share (test/support/workerd-setup.ts), so `npx vitest run <a node test>` never waits for wrangler.
// `npx vitest run --project workerd` runs the runtime tests alone. test/README.md maps the tests.
import { defineConfig } from "vitest/config";

const shared = { testTimeout: 20_000, hookTimeout: 120_000 };
const SIMULATOR = "test/support/simulator-setup.ts";

export default defineConfig({
  test: {
    reporters: ["default"],
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
          exclude: ["test/workerd/**", "**/node_modules/**"],
          globalSetup: [SIMULATOR],
        },
      },
      {
        test: {
          ...shared,
          name: "workerd",
          include: ["test/workerd/**/*.test.ts"],
          globalSetup: [SIMULATOR, "test/support/workerd-setup.ts"],
        },
      },
    ],
  },
});
