// Daylight-saving days on Node, in process: the cases of test/support/dst-cases.ts through both endpoints.
// The same cases run on workerd in test/workerd/dst.test.ts.
import { createApp } from "../src/app.js";
import { readConfig } from "../src/config.js";
import { describeDaylightSavingDays } from "./support/dst-cases.js";

const app = createApp({ config: readConfig({}) });

describeDaylightSavingDays("Node", async (path, init) => app.request(path, init));
