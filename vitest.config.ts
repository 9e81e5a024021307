import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "src/**/*.test.ts",
      "agents/**/*.test.ts",
      "prompts/**/*.test.ts",
      "test/**/*.test.ts",
      "tools/**/*.test.ts",
    ],
    testTimeout: 20_000,
    hookTimeout: 120_000,
    reporters: ["default"],
  },
});
