// The playground's page (GET /): the form and the empty places its script (static/playground/main.js) fills
// with the answer. Rendered through hono/html, which escapes every value.
import { html } from "hono/html";
import { consoleHeader } from "../header.js";
import { renderPage } from "../page.js";
import { english, words } from "./words.js";

/** The playground's styles, which the golden page shares. */
export const PLAYGROUND_STYLES = ["/static/console.css", "/static/playground/playground.css"];

/** The labelled choice of mode (auto, rules, llm), for the playground's form and the golden page's. */
export function modeField(id: string) {
  return html`<div class="field"><label for="${id}">${words("mode")}</label>
<select id="${id}"><option value="auto">${words("mode.auto")}</option><option value="rules">${words("mode.rules")}</option><option value="llm">${words("mode.llm")}</option></select></div>`;
}

export function playgroundPage() {
  return renderPage({
    title: english("title.playground"),
    scripts: ["/static/playground/main.js"],
    styles: PLAYGROUND_STYLES,
    body: html`${consoleHeader("/", words("title.playground"))}
<main class="playground">
<form id="request-form" class="panel" novalidate>
<fieldset class="choice"><legend>${words("input.legend")}</legend>
<label><input type="radio" name="input-kind" value="text" checked> ${words("input.text")}</label>
<label><input type="radio" name="input-kind" value="messages"> ${words("input.messages")}</label>
</fieldset>
<div id="text-input" class="field">
<label for="message-text">${words("message")}</label>
<textarea id="message-text" rows="3" aria-describedby="message-hint" spellcheck="false"></textarea>
<p id="message-hint" class="hint">${words("message.hint")}</p>
</div>
<fieldset id="conversation-input" hidden><legend>${words("turns")}</legend>
<ol id="turns" class="turns"></ol>
<button type="button" id="add-turn">${words("turn.add")}</button>
</fieldset>
<fieldset class="options"><legend>${words("options.legend")}</legend>
<div class="field"><label for="locale">${words("locale")}</label>
<select id="locale"><option value="">${words("locale.auto")}</option><option value="es">es</option><option value="en">en</option></select></div>
<div class="field"><label for="timezone">${words("timezone")}</label>
<input id="timezone" list="zones" autocomplete="off" spellcheck="false"><datalist id="zones"></datalist></div>
<div class="field"><label for="now">${words("now")}</label>
<input id="now" autocomplete="off" spellcheck="false"></div>
${modeField("mode")}
<div class="field"><label for="calendar-id">${words("calendarId")}</label>
<input id="calendar-id" autocomplete="off" spellcheck="false"></div>
</fieldset>
<div class="actions">
<button type="submit" class="primary" id="read">${words("read")}</button>
<button type="button" id="share">${words("share")}</button>
</div>
<p id="share-output" class="hint" hidden><a id="share-link" href="#">${words("share.link")}</a> ${words("share.hint")}</p>
</form>
<section class="result">
<p id="status" class="status" role="status" aria-live="polite"></p>
<div id="problem" class="problem" role="alert"></div>
<div id="answer" hidden>
<section class="panel"><h2>${words("card.heading")}</h2><div id="card-slot"></div></section>
<section class="panel"><h2>${words("highlights.heading")}</h2><div id="highlight-slot"></div></section>
<section class="panel"><h2>${words("confidence.heading")}</h2><div id="confidence-slot"></div></section>
<section class="panel"><h2>${words("raw.heading")}</h2><pre id="raw" tabindex="0"></pre></section>
</div>
</section>
</main>`,
  });
}
