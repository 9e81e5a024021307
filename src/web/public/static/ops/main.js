// @ts-check
// The operations page (GET /ops): the login, then every REFRESH_MS the admin API's view of the service
// (router, models, variants, the last hour, /health) until paused. A refused token (401 or 403) sends the
// operator back to the login with the API's message; logging out forgets the token.
import { byId, replaceChildren } from "../dom.js";
import { runAction } from "./actions.js";
import { ApiError, AuthError, call, callText, forgetToken, health, storedToken, storeToken } from "./api.js";
import { renderCharts } from "./charts.js";
import { clockTime } from "./format.js";
import { fillAnnouncement, renderIncidents, renderIncidentsUnavailable } from "./incidents-view.js";
import { currentLanguage, onLanguageChange, say, setUpLanguage } from "./language.js";
import { renderModels, renderStores, renderVariants } from "./registry-view.js";
import { fillFacts, overviewPairs, renderProviders } from "./router-view.js";
import { renderActions, resetAction } from "./runbook-actions.js";

const REFRESH_MS = 5_000;
/** Incidents the card lists: the open one and the newest resolved ones. */
const RECENT_INCIDENTS = 10;

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

/**
 * The open incident and the recent ones, null when the service keeps none (404), or why they could not be
 * read: a failure of the incident records (their database down) is the incidents card's alone, so the
 * other cards keep refreshing. A refused token still sends the operator to the login.
 * @returns {Promise<any[] | null | { unavailable: string }>}
 */
async function incidentList() {
  try {
    return (await call("GET", `/admin/incidents?state=all&limit=${RECENT_INCIDENTS}`)).incidents;
  } catch (error) {
    if (error instanceof AuthError) throw error;
    if (error instanceof ApiError && error.status === 404) return null;
    return { unavailable: messageOf(error) };
  }
}

/** The announcements last read, by incident and language: shown at once while the next is read. */
const announcements = new Map();

/**
 * Fills an incident's announcement slot in the page's language.
 * @param {string} id
 * @param {Element} slot
 */
function showAnnouncement(id, slot) {
  const language = currentLanguage();
  const key = `${id}:${language}`;
  const known = announcements.get(key);
  if (known === undefined) slot.textContent = say("incident.announcementLoading");
  else fillAnnouncement(slot, known);
  callText(`/admin/incidents/${encodeURIComponent(id)}/announcement?lang=${language}`).then(
    (markdown) => {
      // Bounded: one entry per incident the list shows, in each language.
      if (announcements.size >= RECENT_INCIDENTS * 2) announcements.clear();
      announcements.set(key, markdown);
      fillAnnouncement(slot, markdown);
    },
    (/** @type {unknown} */ error) => {
      if (error instanceof AuthError) return showLogin(error.message);
      slot.textContent = say("incident.announcementFailed", { message: messageOf(error) });
    },
  );
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
    const [incidents, snapshot, models, variants, series, service] = await Promise.all([
      incidentList(),
      routerSnapshot(),
      call("GET", "/admin/models"),
      call("GET", "/admin/variants"),
      call("GET", "/admin/series"),
      health(),
    ]);
    showConsole();
    if (incidents !== null && "unavailable" in incidents)
      renderIncidentsUnavailable(byId("incidents"), incidents.unavailable);
    else renderIncidents(byId("incidents"), incidents, showAnnouncement);
    render(snapshot, models, variants, series, service);
    const updated = say("status.updated", { time: clockTime(new Date().toISOString()) });
    const pace = paused ? say("status.paused") : say("status.every", { seconds: REFRESH_MS / 1000 });
    page.status.textContent = `${updated} · ${pace}`;
    page.status.className = "status";
  } catch (error) {
    if (error instanceof AuthError) return showLogin(error.message);
    page.status.textContent = say("status.failed", { message: messageOf(error) });
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
  const scope = /** @type {const} */ (["instance", "isolate", "fleet"]).find(
    (known) => known === series.scope,
  );
  byId("charts-scope").textContent = scope === undefined ? series.scope : say(`scope.${scope}`);
  renderCharts(byId("charts"), series).catch((/** @type {unknown} */ error) => {
    byId("charts-scope").textContent = say("charts.failed", { message: messageOf(error) });
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
      ? say("fleet.alone")
      : say("fleet.shared", { store: shared.store, state: shared.state });
  return say("fleet.note", { what });
}

/** @param {unknown} error */
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

page.form.addEventListener("submit", (event) => {
  event.preventDefault();
  const token = page.token.value.trim();
  page.token.value = "";
  if (token === "") return showLogin(say("login.empty"));
  storeToken(token);
  void refresh();
});

page.pause.addEventListener("click", () => {
  paused = !paused;
  page.pause.setAttribute("aria-pressed", String(paused));
  page.pause.textContent = say(paused ? "resume" : "pause");
  if (paused) {
    clearTimeout(timer);
    page.status.textContent = `${page.status.textContent.split(" · ")[0]} · ${say("status.paused")}`;
  } else void refresh();
});

page.logout.addEventListener("click", () => showLogin(say("login.out")));

// A switch of language draws the console again in the new words (its actions too), from a fresh refresh.
setUpLanguage();
onLanguageChange(() => {
  page.pause.textContent = say(paused ? "resume" : "pause");
  actionsBuiltFor = "";
  if (!page.console.hidden) void refresh();
});

if (storedToken() === null) showLogin("");
else void refresh();
