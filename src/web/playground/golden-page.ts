// The golden page (GET /golden): load golden JSON Lines files, run them against this service and read the
// report its script (static/playground/golden.js) draws, scored as `npm run golden` scores.
import { html } from "hono/html";
import { consoleHeader } from "../header.js";
import { renderPage } from "../page.js";
import { modeField, PLAYGROUND_STYLES } from "./playground-page.js";
import { english, words } from "./words.js";

export function goldenPage() {
  return renderPage({
    title: english("title.golden"),
    scripts: ["/static/playground/golden.js"],
    styles: PLAYGROUND_STYLES,
    body: html`${consoleHeader("/golden", words("title.golden"))}
<main class="golden">
<form id="golden-form" class="panel" novalidate>
<div class="field"><label for="golden-file">${words("golden.file")}</label>
<input type="file" id="golden-file" accept=".jsonl,.json,application/jsonl,text/plain" multiple></div>
<p id="drop-zone" class="drop-zone">${words("golden.drop")}</p>
<p id="golden-loaded" class="hint" aria-live="polite"></p>
${modeField("golden-mode")}
<div class="actions">
<button type="submit" class="primary" id="golden-run" disabled>${words("golden.run")}</button>
<button type="button" id="golden-stop" disabled>${words("golden.stop")}</button>
</div>
<p><label for="golden-progress">${words("golden.progress")}</label>
<progress id="golden-progress" value="0" max="1"></progress></p>
<p id="golden-status" class="status" role="status" aria-live="polite"></p>
</form>
<section id="golden-report" class="result"></section>
</main>`,
  });
}
