// Daylight-saving days on workerd, through a real `wrangler dev`: the cases of test/support/dst-cases.ts,
// which test/dst.test.ts runs on Node in process.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll } from "vitest";
import { describeDaylightSavingDays } from "../support/dst-cases.js";
import { startWranglerDev, type WranglerDev } from "../support/wrangler-dev.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

let worker: WranglerDev | undefined;
let startError: unknown;
beforeAll(async () => {
  try {
    worker = await startWranglerDev({ cwd: ROOT, vars: { DEFAULT_TIMEZONE: "UTC", LOG_LEVEL: "error" } });
  } catch (error) {
    startError = error;
  }
});
afterAll(async () => {
  await worker?.stop();
});

describeDaylightSavingDays("workerd", async (path, init) => {
  if (!worker) throw new Error(`wrangler dev did not start: ${String(startError)}`);
  return fetch(`${worker.url}${path}`, init);
});
