// @ts-check
// The operations page (GET /ops): the login, then every REFRESH_MS the admin API's view of the service
// (router, models, variants, the last hour, /health) until paused. A refused token (401 or 403) sends the
// operator back to the login with the API's message; logging out forgets the token.
import { replaceChildren } from "../dom.js";
import { runAction } from "./actions.js";
import { ApiError, AuthError, call, forgetToken, health, storedToken, storeToken } from "./api.js";
import { renderCharts, SCOPE_WORDS } from "./charts.js";
import { clockTime } from "./format.js";
import { renderModels, renderStores, renderVariants } from "./registry-view.js";
import { fillFacts, overviewPairs, renderProviders } from "./router-view.js";
import { renderActions, resetAction } from "./runbook-actions.js";

const REFRESH_MS = 5_000;

/** @param {string} id */
const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

const page = {
  login: byId("login"),
  form: /** @type {HTMLFormElement} */ (byId("login-form")),
  token: /** @type {HTMLInputElement} */ (byId("token")),
  loginError: byId("login-error"),
  console: byId("console"),
  status: byId("status"),
  pause: byId("pause"),
  logout: byId("logout"),
};

let paused = false;
/** @type {number | undefined} */
let timer;
/** What the action blocks were built for: rebuilt only when the providers or agents change. */
let actionsBuiltFor = "";

/** @type {import("./actions.js").ActionHooks} */
const hooks = { onAuthError: (error) => showLogin(error.message), onChanged: () => void refresh() };

/** @param {string} message */
function showLogin(message) {
  forgetToken();
  clearTimeout(timer);
  actionsBuiltFor = "";
  page.console.hidden = true;
  page.pause.hidden = true;
  page.logout.hidden = true;
  page.login.hidden = false;
  page.loginError.textContent = message;
  page.status.textContent = "";
  page.token.focus();
}

function showConsole() {
  page.login.hidden = true;
  page.loginError.textContent = "";
  page.console.hidden = false;
  page.pause.hidden = false;
  page.logout.hidden = false;
}

/** GET /admin/router, or null when the service has no router (no provider configured: 404). */
async function routerSnapshot() {
  try {
    return await call("GET", "/admin/router");
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

async function refresh() {
  clearTimeout(timer);
  try {
    const [snapshot, models, variants, series, service] = await Promise.all([
      routerSnapshot(),
      call("GET", "/admin/models"),
      call("GET", "/admin/variants"),
      call("GET", "/admin/series"),
      health(),
    ]);
    showConsole();
    render(snapshot, models, variants, series, service);
    page.status.textContent = `Updated ${clockTime(new Date().toISOString())}${paused ? " · refresh paused" : ` · every ${REFRESH_MS / 1000} s`}`;
    page.status.className = "status";
  } catch (error) {
    if (error instanceof AuthError) return showLogin(error.message);
    page.status.textContent = `Could not refresh: ${error instanceof Error ? error.message : String(error)}`;
    page.status.className = "status failure";
  }
  if (!paused) timer = window.setTimeout(refresh, REFRESH_MS);
}

/**
 * @param {any} snapshot
 * @param {Record<string, any>} models
 * @param {any} variants
 * @param {any} series
 * @param {any} service
 */
function render(snapshot, models, variants, series, service) {
  // A fleet: instances share state (Redis, Durable Objects), or the service is a Worker's many isolates.
  const fleet = (snapshot !== null && snapshot.shared !== undefined) || series.scope !== "instance";
  fillFacts(byId("overview"), overviewPairs(snapshot));
  const note = byId("fleet-note");
  note.hidden = !fleet;
  note.textContent = fleet ? fleetWords(snapshot?.shared) : "";
  /** @type {Map<string, number | null>} */
  const p99 = new Map(
    series.providers.map((/** @type {any} */ target) => [
      `${target.provider}/${target.model}`,
      target.p99Ms.findLast((/** @type {number | null} */ value) => value !== null) ?? null,
    ]),
  );
  const providersTable = /** @type {HTMLTableElement} */ (byId("providers"));
  if (snapshot === null) replaceChildren(providersTable);
  else
    renderProviders(
      providersTable,
      snapshot.providers,
      p99,
      (provider, model) => void runAction(resetAction(provider, model), hooks),
    );
  const builtFor = JSON.stringify([
    snapshot?.providers.map((/** @type {any} */ target) => [target.provider, target.model]) ?? null,
    Object.keys(models),
    fleet,
  ]);
  if (builtFor !== actionsBuiltFor) {
    renderActions(byId("actions"), snapshot, models, fleet, hooks);
    actionsBuiltFor = builtFor;
  }
  byId("charts-scope").textContent = SCOPE_WORDS[series.scope] ?? series.scope;
  renderCharts(byId("charts"), series).catch((/** @type {unknown} */ error) => {
    byId("charts-scope").textContent =
      `The charts could not be drawn (${error instanceof Error ? error.message : String(error)}); their figures are in the tables.`;
  });
  renderModels(byId("models"), models);
  renderVariants(/** @type {HTMLTableElement} */ (byId("variants")), variants);
  renderStores(byId("stores"), service);
}

/**
 * What a fleet shares, in words: breakers and 429 pauses through the shared-state store when there is one.
 * @param {{ store: string, state: string } | undefined} shared
 */
function fleetWords(shared) {
  const what =
    shared === undefined || shared.store === "embedded"
      ? "no router state is shared (no shared-state store): each instance decides alone"
      : `breakers and 429 pauses are shared through ${shared.store} (${shared.state})`;
  return `This service runs as a fleet: ${what}. The modes, weights and window figures shown are those of the instance that answered.`;
}

page.form.addEventListener("submit", (event) => {
  event.preventDefault();
  const token = page.token.value.trim();
  page.token.value = "";
  if (token === "") return showLogin("Enter the admin token.");
  storeToken(token);
  void refresh();
});

page.pause.addEventListener("click", () => {
  paused = !paused;
  page.pause.setAttribute("aria-pressed", String(paused));
  page.pause.textContent = paused ? "Resume refresh" : "Pause refresh";
  if (paused) {
    clearTimeout(timer);
    page.status.textContent = `${page.status.textContent.split(" · ")[0]} · refresh paused`;
  } else void refresh();
});

page.logout.addEventListener("click", () => showLogin("Logged out: the token is forgotten."));

if (storedToken() === null) showLogin("");
else void refresh();
