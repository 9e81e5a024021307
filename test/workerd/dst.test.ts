// Daylight-saving days on workerd, through the shared rules worker: the cases of test/support/dst-cases.ts,
// which test/dst.test.ts runs on Node in process.
import { describeDaylightSavingDays } from "../support/dst-cases.js";
import { useWorker } from "../support/workers.js";

const workerUrl = useWorker("rules");

describeDaylightSavingDays("workerd", async (path, init) => fetch(`${workerUrl()}${path}`, init));
