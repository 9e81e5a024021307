// The Node entry launcher for tests: it lives in tools/node-entry.ts, which `npm run chaos -- --instances N`
// shares with the tests to start its fleet.
export * from "../../tools/node-entry.js";
