// For a describe of browser tests against `node src/node.ts`: one chromium (useBrowser) and one service
// launched before the tests on a free port of 127.0.0.1; the file's afterAll(stopAll) stops it. An
// environment that depends on another hook (a simulator scope's URLs) is given as a function, read when the
// service starts.
import { beforeAll } from "vitest";
import { useBrowser } from "./browser.js";
import { ENTRY_TEST_TIMEOUT_MS, launchNode, type NodeEntry } from "./node-entry.js";

export function useBrowserOnNode(environment: Record<string, string> | (() => Record<string, string>) = {}) {
  const browser = useBrowser();
  let node: NodeEntry | undefined;
  beforeAll(async () => {
    node = await launchNode(typeof environment === "function" ? environment() : environment);
  }, ENTRY_TEST_TIMEOUT_MS);
  return {
    browser,
    /** The service's root URL, http://127.0.0.1:PORT, from the hooks and tests on. */
    service: {
      get url(): string {
        if (node === undefined) throw new Error("the service starts in beforeAll: use it in hooks and tests");
        return node.url;
      },
    },
  };
}
