// The operations page's markup (GET /ops, src/web/ops/routes.ts): a login form and the console's empty
// frame, both server-rendered through hono/html, with nothing in them from a request. Every datum arrives
// later through the admin API, fetched by the page's scripts (src/web/public/static/ops/) with the token
// the operator typed, so the page itself is public and holds no secret.
import { html } from "hono/html";

export function opsMarkup() {
  return html`<header class="bar">
  <h1>Cita operations</h1>
  <p id="status" class="status" role="status" aria-live="polite"></p>
  <div class="bar-buttons">
    <button type="button" id="pause" aria-pressed="false" hidden>Pause refresh</button>
    <button type="button" id="logout" hidden>Log out</button>
  </div>
</header>
<main>
<section id="login" aria-labelledby="login-title" class="card login">
  <h2 id="login-title">Log in</h2>
  <p>Enter the service's <code>ADMIN_TOKEN</code>, or a client key with the <code>admin</code> scope. It is kept in
  this tab only (session storage) and sent to the admin API as a bearer token.</p>
  <form id="login-form" method="post" autocomplete="off">
    <label for="token">Admin token</label>
    <input id="token" type="password" autocomplete="off" spellcheck="false" required aria-describedby="login-error">
    <button type="submit">Log in</button>
  </form>
  <p id="login-error" class="error" role="alert"></p>
</section>
<div id="console" hidden>
  <section aria-labelledby="overview-title" class="card">
    <h2 id="overview-title">Router</h2>
    <dl id="overview" class="facts"></dl>
    <p id="fleet-note" class="note" hidden></p>
  </section>
  <section aria-labelledby="providers-title" class="card">
    <h2 id="providers-title">Providers</h2>
    <p class="hint">Figures over the router's health window; p99 from the last minute with calls of the timeline below.</p>
    <div class="scroll" tabindex="0" role="region" aria-labelledby="providers-title">
      <table id="providers"></table>
    </div>
  </section>
  <section aria-labelledby="charts-title" class="card">
    <h2 id="charts-title">The last hour</h2>
    <p id="charts-scope" class="hint"></p>
    <div id="charts" class="charts"></div>
  </section>
  <section aria-labelledby="actions-title" class="card">
    <h2 id="actions-title">Runbook actions</h2>
    <p class="hint">Each action asks for confirmation, goes through the admin API and shows its answer below.</p>
    <div id="actions" class="actions"></div>
    <p id="action-result" class="result" role="status" aria-live="polite"></p>
  </section>
  <section aria-labelledby="models-title" class="card">
    <h2 id="models-title">Model rollouts</h2>
    <div id="models"></div>
    <h3 id="variants-title">Variant comparison</h3>
    <div class="scroll" tabindex="0" role="region" aria-labelledby="variants-title">
      <table id="variants"></table>
    </div>
  </section>
  <section aria-labelledby="stores-title" class="card">
    <h2 id="stores-title">Health and stores</h2>
    <dl id="stores" class="facts"></dl>
  </section>
</div>
</main>
<dialog id="confirm" aria-labelledby="confirm-title" aria-describedby="confirm-text">
  <form method="dialog">
    <h2 id="confirm-title"></h2>
    <p id="confirm-text"></p>
    <div class="dialog-buttons">
      <button type="submit" value="cancel" id="confirm-cancel">Cancel</button>
      <button type="submit" value="confirm" id="confirm-ok" class="primary">Confirm</button>
    </div>
  </form>
</dialog>`;
}
