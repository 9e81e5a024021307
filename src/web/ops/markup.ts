// The operations page's markup (GET /ops, src/web/ops/routes.ts): the console's header, a login form and the
// console's empty frame, both server-rendered through hono/html, with nothing in them from a request. Every
// datum arrives later through the admin API, fetched by the page's scripts (src/web/public/static/ops/) with
// the token the operator typed, so the page itself is public and holds no secret. Its words are English
// here, each marked for the client to put the reader's language in (src/web/words.ts).
import { html } from "hono/html";
import { consoleHeader } from "../header.js";
import { words } from "./words.js";

/** A card: its heading (id `${name}-title`) and content. */
function card(name: string, title: Parameters<typeof words>[0], content: ReturnType<typeof html>) {
  return html`<section aria-labelledby="${name}-title" class="panel">
  <h2 id="${name}-title">${words(title)}</h2>
  ${content}
</section>`;
}

/** A table in a region that scrolls sideways on a phone, named by the heading `labelledBy`. */
function scrolling(id: string, labelledBy: string) {
  return html`<div class="scroll" tabindex="0" role="region" aria-labelledby="${labelledBy}"><table id="${id}"></table></div>`;
}

export function opsMarkup() {
  const bar = html`<p id="status" class="status" role="status" aria-live="polite"></p>
<div class="bar-buttons">
  <button type="button" id="pause" aria-pressed="false" hidden>${words("pause")}</button>
  <button type="button" id="logout" hidden>${words("logout")}</button>
</div>`;
  return html`${consoleHeader("/ops", words("title.ops"), bar)}
<main>
<section id="login" aria-labelledby="login-title" class="panel login">
  <h2 id="login-title">${words("login.title")}</h2>
  <p>${words("login.text")}</p>
  <form id="login-form" method="post" autocomplete="off">
    <label for="token">${words("login.token")}</label>
    <input id="token" type="password" autocomplete="off" spellcheck="false" required aria-describedby="login-error">
    <button type="submit" class="primary">${words("login.submit")}</button>
  </form>
  <p id="login-error" class="error" role="alert"></p>
</section>
<div id="console" hidden>
  ${card("overview", "router.title", html`<dl id="overview" class="facts"></dl><p id="fleet-note" class="note" hidden></p>`)}
  ${card(
    "incidents",
    "incidents.title",
    html`<p class="hint">${words("incidents.hint")}</p><div id="incidents" class="incidents"></div>`,
  )}
  ${card(
    "providers",
    "providers.title",
    html`<p class="hint">${words("providers.hint")}</p>${scrolling("providers", "providers-title")}`,
  )}
  ${card("charts", "charts.title", html`<p id="charts-scope" class="hint"></p><div id="charts" class="charts"></div>`)}
  ${card(
    "actions",
    "actions.title",
    html`<p class="hint">${words("actions.hint")}</p><div id="actions" class="action-grid"></div>
<p id="action-result" class="result" role="status" aria-live="polite"></p>`,
  )}
  ${card(
    "models",
    "models.title",
    html`<div id="models"></div><h3 id="variants-title">${words("variants.title")}</h3>${scrolling("variants", "variants-title")}`,
  )}
  ${card("stores", "stores.title", html`<dl id="stores" class="facts"></dl>`)}
</div>
</main>
<dialog id="confirm" aria-labelledby="confirm-title" aria-describedby="confirm-text">
  <form method="dialog">
    <h2 id="confirm-title"></h2>
    <p id="confirm-text"></p>
    <div class="actions dialog-buttons">
      <button type="submit" value="cancel" id="confirm-cancel">${words("cancel")}</button>
      <button type="submit" value="confirm" id="confirm-ok" class="primary">${words("confirm")}</button>
    </div>
  </form>
</dialog>`;
}
