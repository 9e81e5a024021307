// A separate Node process holding its own connection to a SQLite calendar store, for the contract suite's
// cross-process tests (run with `node --import tsx`). Two modes:
//   race DB CALENDAR START_MS COUNT   waits for {go: epochMs} over IPC, spins until then, tries COUNT
//                                     overlapping bookings (START_MS + i min, 60 min each), replies the kinds.
//   loop DB CALENDAR                  books consecutive slots with idempotency keys until killed, printing
//                                     "booked <id> <key>" after each acknowledged booking.
import { SqliteCalendarStore } from "../../src/calendars/sqlite-store.js";
import type { NewBooking } from "../../src/calendars/store.js";

const MINUTE = 60_000;
const [mode, path, calendarId, ...rest] = process.argv.slice(2);
if (path === undefined || calendarId === undefined) throw new Error("usage: race|loop DB CALENDAR ...");
const store = new SqliteCalendarStore(path);

function booking(id: string, startMs: number, minutes: number, key?: string): NewBooking {
  const endMs = startMs + minutes * MINUTE;
  return {
    id,
    calendarId: calendarId!,
    startMs,
    endMs,
    start: new Date(startMs).toISOString(),
    end: new Date(endMs).toISOString(),
    bufferMinutes: 0,
    contact: "child@example.com",
    service: null,
    notes: null,
    createdAt: new Date().toISOString(),
    ...(key === undefined ? {} : { idempotencyKey: key, requestHash: `hash-${key}` }),
  };
}

if (mode === "race") {
  const startMs = Number(rest[0]);
  const count = Number(rest[1]);
  process.once("message", async (message: { go: number }) => {
    while (Date.now() < message.go) {
      // Spin rather than sleep: every process leaves this loop within the same millisecond or so.
    }
    const kinds: string[] = [];
    for (let index = 0; index < count; index++) {
      const result = await store.createBooking(
        booking(`race-${process.pid}-${index}`, startMs + index * MINUTE, 60),
      );
      kinds.push(result.kind);
    }
    await store.close();
    process.send?.({ kinds }, () => process.exit(0));
  });
  process.send?.({ ready: true });
} else if (mode === "loop") {
  const base = Date.parse("2030-01-07T00:00:00Z");
  for (let index = 0; ; index++) {
    const id = `loop-${index}`;
    const key = `key-${index}`;
    const result = await store.createBooking(booking(id, base + index * 30 * MINUTE, 30, key));
    if (result.kind !== "created") throw new Error(`unexpected ${result.kind} for ${id}`);
    process.stdout.write(`booked ${id} ${key}\n`);
  }
} else {
  throw new Error(`unknown mode ${mode}`);
}
