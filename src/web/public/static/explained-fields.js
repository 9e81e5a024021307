// @ts-check
// The answer's fields an explanation's span can be read for (`"explain": true`, docs/explain.md), in the
// answer's order: written once, here, because both sides need it. The service's schema and readers import
// it (src/explanation/notes.ts); the playground's legend orders its colours by it.

export const EXPLAINED_FIELDS = /** @type {const} */ ([
  "intent",
  "date",
  "time",
  "durationMinutes",
  "contact",
  "service",
  "location",
  "previous.date",
  "previous.time",
  "alternatives",
]);
