// The incident stores the contract suite (test/contracts/incident-store.contract.test.ts) runs against:
// memory, and the calendar store's database on each engine (test/support/calendar-store-harness.ts: SQLite
// on a temporary file, D1 in local workerd, PostgreSQL on a private server where it is installed). Each
// logs into a list, so a test can see what the store said about an unreadable record.
import { describe } from "vitest";
import type { LogRecord } from "../../src/http/logger.js";
import { MemoryIncidentStore } from "../../src/incidents/memory-store.js";
import type { IncidentStore } from "../../src/incidents/types.js";
import { d1Harness, postgresHarness, type StoreHarness, sqliteHarness } from "./calendar-store-harness.js";
import { postgresSkipReason } from "./postgres-server.js";

export interface OpenedIncidentStore {
  store: IncidentStore;
  /** What the store logged. */
  logged: LogRecord[];
  dispose(): Promise<void>;
}

export interface IncidentStoreHarness {
  name: string;
  open(): Promise<OpenedIncidentStore>;
}

export const memoryIncidentHarness: IncidentStoreHarness = {
  name: "memory",
  async open() {
    return { store: new MemoryIncidentStore(), logged: [], async dispose() {} };
  },
};

/** The incidents of a calendar store opened by `harness`, on its own fresh database. */
export function databaseIncidentHarness(harness: StoreHarness): IncidentStoreHarness {
  return {
    name: harness.name,
    async open() {
      const opened = await harness.open();
      const logged: LogRecord[] = [];
      const logger = { debug() {}, info() {}, error: (record: LogRecord) => logged.push(record) };
      return { store: opened.store.incidents(logger), logged, dispose: () => opened.dispose() };
    },
  };
}

/** `describe.each` over every incident store; PostgreSQL as the calendar contract runs it. */
export function describeEachIncidentStore(
  title: string,
  body: (harness: IncidentStoreHarness) => void,
): void {
  describe.each([
    memoryIncidentHarness,
    databaseIncidentHarness(sqliteHarness),
    databaseIncidentHarness(d1Harness),
  ])(title, body);
  describe.skipIf(postgresSkipReason() !== null).each([databaseIncidentHarness(postgresHarness)])(
    title,
    body,
  );
}
