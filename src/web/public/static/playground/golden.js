// @ts-check
// The golden page (GET /golden): golden files chosen or dropped, their cases run one after another against
// this service (with progress and a stop button), scored by ../golden/compare.js as `npm run golden`
// scores them, and the report drawn by golden-report.js.

import { byId, replaceChildren } from "../dom.js";
import { compareCase, missedChecks, requestFor } from "../golden/compare.js";
import { readText } from "./api.js";
import { readGoldenFile } from "./golden-load.js";
import { goldenReport } from "./golden-report.js";
import { onLanguageChange, say, setUpLanguage } from "./language.js";

/**
 * @typedef {import("./golden-load.js").LoadedCase} LoadedCase
 * @typedef {import("./golden-report.js").GoldenResult} GoldenResult
 */

/** @type {{ cases: LoadedCase[], problems: import("../golden/tally.js").FixtureProblem[], files: string[] }} */
let loaded = { cases: [], problems: [], files: [] };
/** @type {GoldenResult[]} */
let results = [];
/** @type {AbortController | null} */
let running = null;
let statusKey = /** @type {"golden.running" | "golden.stopped" | "golden.finished" | null} */ (null);

/** @param {Iterable<File>} files */
async function load(files) {
  const seen = new Map();
  loaded = { cases: [], problems: [], files: [] };
  for (const file of files) {
    const { cases, problems } = readGoldenFile(await file.text(), file.name, seen);
    loaded.cases.push(...cases);
    loaded.problems.push(...problems);
    loaded.files.push(file.name);
  }
  results = [];
  statusKey = null;
  /** @type {HTMLButtonElement} */ (byId("golden-run")).disabled = loaded.cases.length === 0;
  draw();
}

async function run() {
  if (running !== null) return;
  const controller = new AbortController();
  running = controller;
  results = [];
  setRunning(true);
  const mode = /** @type {HTMLSelectElement} */ (byId("golden-mode")).value;
  for (const golden of loaded.cases) {
    if (controller.signal.aborted) break;
    statusKey = "golden.running";
    draw();
    try {
      const outcome = await readText(
        { ...requestFor(golden), ...(mode === "auto" ? {} : { mode }) },
        { signal: controller.signal },
      );
      if (outcome.ok) {
        const checks = compareCase(golden, outcome.answer);
        results.push({
          golden,
          checks,
          passed: checks.every((check) => check.passed),
          answer: outcome.answer,
        });
      } else {
        const where = outcome.status === null ? "network" : `HTTP ${outcome.status}`;
        const error = `${where} ${outcome.code}: ${outcome.message || "no error body"}`;
        results.push({ golden, checks: missedChecks(golden), passed: false, error });
      }
    } catch {
      break; // stopped: the case in flight is not counted
    }
  }
  statusKey = results.length < loaded.cases.length ? "golden.stopped" : "golden.finished";
  running = null;
  setRunning(false);
  draw();
}

/** @param {boolean} on */
function setRunning(on) {
  /** @type {HTMLButtonElement} */ (byId("golden-run")).disabled = on || loaded.cases.length === 0;
  /** @type {HTMLButtonElement} */ (byId("golden-stop")).disabled = !on;
  byId("golden-report").setAttribute("aria-busy", String(on));
}

function draw() {
  const { cases, problems, files } = loaded;
  byId("golden-loaded").textContent =
    files.length === 0
      ? ""
      : say("golden.loaded", { cases: cases.length, files: files.join(", "), problems: problems.length });
  const progress = /** @type {HTMLProgressElement} */ (byId("golden-progress"));
  progress.max = Math.max(1, cases.length);
  progress.value = results.length;
  byId("golden-status").textContent =
    statusKey === null ? "" : say(statusKey, { done: results.length, total: cases.length });
  // The report waits for the run to end (or stop): drawing it after every case would re-read it aloud.
  if (running === null && (results.length > 0 || problems.length > 0)) {
    replaceChildren(byId("golden-report"), ...goldenReport(results, problems));
  } else if (running !== null) {
    replaceChildren(byId("golden-report"));
  }
}

setUpLanguage();
onLanguageChange(draw);
const input = /** @type {HTMLInputElement} */ (byId("golden-file"));
input.addEventListener("change", () => void load(input.files ?? []));
const zone = byId("drop-zone");
zone.addEventListener("dragover", (event) => {
  event.preventDefault();
  zone.classList.add("over");
});
zone.addEventListener("dragleave", () => zone.classList.remove("over"));
zone.addEventListener("drop", (event) => {
  event.preventDefault();
  zone.classList.remove("over");
  void load(event.dataTransfer?.files ?? []);
});
byId("golden-form").addEventListener("submit", (event) => {
  event.preventDefault();
  void run();
});
byId("golden-stop").addEventListener("click", () => running?.abort());
