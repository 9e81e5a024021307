// Memory benchmark, not a timed test: distinct spellings of one time zone (letter-case variants, which Intl
// accepts) sent through the app in process, to the parse route as `timezone` and to the Duckling route as
// `tz`. A zone name that reached luxon or Intl as sent kept one formatter per spelling forever (about 2 GB
// for 30,000 spellings); names are now resolved to one canonical spelling first (src/temporal/zone.ts).
// Prints the growth after forced garbage collections. The formatters are ICU objects outside V8's heap
// (before the fix 20,000 spellings grew heapUsed by 8 MB but the process by 1.3 GB), so the target, under
// 20 MB, is judged on the resident set; heapUsed and external are printed beside it.
//
//   npm run bench:zones                 (node --expose-gc; 20,000 spellings)
//   npm run bench:zones -- --spellings 5000 --zone Canada/East-Saskatchewan   (a name only ICU knows)

import { parseArgs } from "node:util";
import { createApp } from "../../src/app.js";
import { readConfig } from "../../src/config.js";

const TARGET_MB = 20;
const NOW = "2026-01-22T10:30:00-06:00";
const REFERENCE = Date.parse(NOW);

const { values } = parseArgs({
  options: {
    spellings: { type: "string", default: "20000" },
    zone: { type: "string", default: "America/Mexico_City" },
  },
});
const ZONE = values.zone;
const count = Number(values.spellings);
const letters = [...ZONE].filter((character) => /[a-z]/i.test(character)).length;
if (!Number.isInteger(count) || count < 1 || count >= 2 ** letters) {
  process.stderr.write(`bench:zones: --spellings must be a whole number from 1 to ${2 ** letters - 1}\n`);
  process.exit(2);
}
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) {
  process.stderr.write("bench:zones: run with node --expose-gc (npm run bench:zones does)\n");
  process.exit(2);
}

/** The zone with the letters whose bit is set in `mask` in the other case: every mask a distinct spelling. */
function spelling(mask: number): string {
  let letter = 0;
  return [...ZONE]
    .map((character) => {
      if (!/[a-z]/i.test(character)) return character;
      const flip = (mask >> letter++) & 1;
      if (flip === 0) return character;
      return character === character.toLowerCase() ? character.toUpperCase() : character.toLowerCase();
    })
    .join("");
}

/** Live memory after collecting garbage until the heap stops shrinking. */
function settled(): NodeJS.MemoryUsage {
  let usage = process.memoryUsage();
  for (let round = 0; round < 10; round++) {
    gc!();
    const next = process.memoryUsage();
    if (next.heapUsed >= usage.heapUsed - 64 * 1024) return next;
    usage = next;
  }
  return usage;
}

const app = createApp({ config: readConfig({}), clock: () => REFERENCE });

async function parse(timezone: string): Promise<string> {
  const response = await app.request("/v1/appointments/parse", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      text: "cita con el Dr. Pérez mañana a las 10",
      timezone,
      now: NOW,
      mode: "rules",
    }),
  });
  const body = (await response.json()) as { appointment?: { timezone: string } };
  if (response.status !== 200) throw new Error(`parse answered ${response.status} for ${timezone}`);
  return body.appointment!.timezone;
}

async function duckling(tz: string): Promise<void> {
  const response = await app.request("/parse", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ text: "tomorrow at 3pm", tz, reftime: String(REFERENCE) }).toString(),
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`Duckling route answered ${response.status} for ${tz}`);
}

// Warm-up with the canonical name: compiled code and the app's own structures exist before the baseline.
for (let round = 0; round < 500; round++) {
  await parse(ZONE);
  await duckling(ZONE);
}
const before = settled();
const started = performance.now();
const answered = new Set<string>();
for (let mask = 1; mask <= count; mask++) {
  const zone = spelling(mask);
  answered.add(await parse(zone));
  await duckling(zone);
}
const seconds = (performance.now() - started) / 1000;
const after = settled();

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const growth = after.rss - before.rss;
const lines = [
  `Zone spellings: ${count} distinct case variants of ${ZONE}, each sent once to POST /v1/appointments/parse and once to POST /parse (${seconds.toFixed(1)} s)`,
  `  answers' appointment.timezone: ${answered.size} distinct value(s)${answered.size <= 3 ? ` (${[...answered].join(", ")})` : ""}`,
  `  heapUsed  before ${megabytes(before.heapUsed)}   after ${megabytes(after.heapUsed)}   growth ${megabytes(after.heapUsed - before.heapUsed)}`,
  `  external  before ${megabytes(before.external)}   after ${megabytes(after.external)}   growth ${megabytes(after.external - before.external)}`,
  `  rss       before ${megabytes(before.rss)}   after ${megabytes(after.rss)}   growth ${megabytes(after.rss - before.rss)}`,
  `  target growth (rss) < ${TARGET_MB} MB: ${growth < TARGET_MB * 1024 * 1024 ? "met" : "MISSED"}`,
];
process.stdout.write(`${lines.join("\n")}\n`);
