// @ts-check
// The "Incidents" card of the operations page: the open incident and the recent ones (GET /admin/incidents,
// full records), each a disclosure with its severity and why, state, types, start, providers, impact, what
// the service did, the recovery check, the runbook's checklist (done by the service, or left for a person),
// its timeline, and its announcement in the page's language (GET /admin/incidents/:id/announcement),
// drawn from its Markdown through ./markdown.js. Which disclosures the operator opened survives the refresh.
import { columnHeadings, element, replaceChildren } from "../dom.js";
import { clockTime, duration, percent } from "./format.js";
import { say } from "./language.js";
import { markdownBlocks } from "./markdown.js";
import { fillFacts } from "./router-view.js";
import { WORDS } from "./words.js";

/** @typedef {import("./words.js").WordKey} WordKey */

/** Incidents whose disclosure is open, by id: the open incident starts open, the operator decides after. */
const expanded = new Map();

/**
 * The page's word for a fixed name of the record (`type.high_latency`), or the name itself if it is new.
 * @param {string} prefix
 * @param {string} value
 */
function named(prefix, value) {
  const key = `${prefix}.${value}`;
  return key in WORDS.en ? say(/** @type {WordKey} */ (key)) : value;
}

/** @param {string | null | undefined} iso */
function dateTime(iso) {
  if (!iso) return "–";
  return `${new Date(iso).toLocaleDateString()} ${clockTime(iso)}`;
}

/**
 * Draws the card when the records could not be read (the API answered 5xx, the service was out of reach):
 * the card alone says so, with the reason.
 * @param {Element} container
 * @param {string} message
 */
export function renderIncidentsUnavailable(container, message) {
  replaceChildren(container, element("p", { class: "failure" }, say("incidents.unavailable", { message })));
}

/**
 * Draws the card: `incidents` null when the service keeps none (the API answered 404).
 * @param {Element} container
 * @param {any[] | null} incidents GET /admin/incidents's `incidents`, newest first
 * @param {(id: string, slot: Element) => void} showAnnouncement fills an open incident's announcement slot
 */
export function renderIncidents(container, incidents, showAnnouncement) {
  if (incidents === null) return replaceChildren(container, element("p", {}, say("incidents.off")));
  if (incidents.length === 0) return replaceChildren(container, element("p", {}, say("incidents.none")));
  const ordered = [...incidents].sort(
    (a, b) => Number(a.resolvedAt !== null) - Number(b.resolvedAt !== null),
  );
  replaceChildren(container, ...ordered.map((incident) => incidentBlock(incident, showAnnouncement)));
}

/**
 * @param {any} incident
 * @param {(id: string, slot: Element) => void} showAnnouncement
 */
function incidentBlock(incident, showAnnouncement) {
  const open = expanded.get(incident.id) ?? incident.resolvedAt === null;
  const summary = element(
    "summary",
    {},
    element("span", { class: `badge severity-${incident.severity}` }, incident.severity),
    " ",
    say("incident.summary", {
      severity: named("severity", incident.severity),
      state: named("state", incident.state),
      id: incident.id,
      time: dateTime(incident.openedAt),
    }),
  );
  const announcement = element("div", { class: "announcement", "data-incident": incident.id });
  const details = element(
    "details",
    { class: "incident", id: `incident-${incident.id}`, open },
    summary,
    ...sections(incident),
    element("h4", {}, say("incident.announcement")),
    announcement,
  );
  let shown = false;
  const show = () => {
    if (shown || !details.hasAttribute("open")) return;
    shown = true;
    showAnnouncement(incident.id, announcement);
  };
  details.addEventListener("toggle", () => {
    expanded.set(incident.id, details.hasAttribute("open"));
    show();
  });
  show();
  return details;
}

/** @param {any} incident */
function sections(incident) {
  const facts = element("dl", { class: "facts" });
  const { basis, impact } = incident;
  fillFacts(facts, [
    [say("incident.severity"), `${named("severity", incident.severity)}. ${basisWords(basis)}`],
    [say("incident.state"), named("state", incident.state)],
    [
      say("incident.types"),
      incident.types.map((/** @type {string} */ type) => named("type", type)).join(", "),
    ],
    [say("incident.trigger"), named("trigger", incident.trigger)],
    [say("incident.start"), dateTime(incident.openedAt)],
    [
      say("incident.resolvedAt"),
      incident.resolvedAt === null ? say("incident.notResolved") : dateTime(incident.resolvedAt),
    ],
    [
      say("incident.providers"),
      incident.providers
        .map((/** @type {any} */ target) => `${target.provider} / ${target.model}`)
        .join(", ") || say("none"),
    ],
    [say("incident.nextUpdate"), incident.nextUpdateAt === null ? "–" : dateTime(incident.nextUpdateAt)],
  ]);
  const impactFacts = element("dl", { class: "facts" });
  fillFacts(impactFacts, [
    [say("impact.requests"), String(impact.requests)],
    [say("impact.llmWanted"), String(impact.llmWanted)],
    [say("impact.answeredByRules"), String(impact.answeredByRules)],
    [say("impact.degraded"), String(impact.degradedAnswers)],
    [say("impact.lost"), String(impact.answersLost)],
    [
      say("impact.extra"),
      say("impact.extraFigures", {
        mean: duration(impact.extraLatencyMs.mean),
        p95: duration(impact.extraLatencyMs.p95),
      }),
    ],
  ]);
  return [
    facts,
    element("h4", {}, say("incident.impact")),
    impactFacts,
    element("h4", {}, say("incident.mitigations")),
    mitigationList(incident.mitigations),
    element("h4", {}, say("incident.recovery")),
    element("p", {}, recoveryWords(incident.recovery)),
    element("h4", {}, say("incident.checklist")),
    scrollingTable(
      say("incident.checklist"),
      ["column.step", "column.runbook", "column.who"],
      (incident.checklist ?? []).map((/** @type {any} */ item) => [item.step, item.runbook, doneBy(item)]),
    ),
    element("h4", {}, say("incident.timeline")),
    scrollingTable(
      say("incident.timeline"),
      ["column.time", "column.event", "column.detail"],
      incident.timeline.map((/** @type {any} */ entry) => [
        dateTime(entry.at),
        named("event", entry.event),
        entry.detail,
      ]),
    ),
  ];
}

/** @param {any} basis */
function basisWords(basis) {
  return say("incident.basis", {
    llm: basis.llm ?? say("incident.healthy"),
    llmFailed: basis.llmFailed,
    llmWanted: basis.llmWanted,
    llmRate: percent(basis.llmErrorRate),
    service: basis.service ?? say("incident.healthy"),
    serviceErrors: basis.serviceErrors,
    requests: basis.requests,
    serviceRate: percent(basis.serviceErrorRate),
    p95: duration(basis.llmP95Ms),
  });
}

/** @param {any[]} mitigations */
function mitigationList(mitigations) {
  if (mitigations.length === 0) return element("p", {}, say("incident.noMitigation"));
  return element(
    "ul",
    {},
    ...mitigations.map((mitigation) =>
      element(
        "li",
        {},
        `${dateTime(mitigation.at)}: ${named("mitigation", mitigation.kind)}. ${mitigation.detail}`,
      ),
    ),
  );
}

/** @param {any} report */
function recoveryWords(report) {
  if (report === null) return say("incident.noRecovery");
  if (report.verdict === "passed") return say("incident.recoveryPassed", { time: dateTime(report.at) });
  return say("incident.recoveryFailed", { time: dateTime(report.at), reasons: report.reasons.join("; ") });
}

/** @param {any} item a checklist item */
function doneBy(item) {
  if (item.doneBy === "person") return say("checklist.person");
  return item.doneAt === null
    ? say("checklist.pending")
    : say("checklist.service", { time: dateTime(item.doneAt) });
}

/**
 * A table of text cells that scrolls sideways on a phone, its region named `label`.
 * @param {string} label
 * @param {WordKey[]} headings
 * @param {string[][]} rows
 */
function scrollingTable(label, headings, rows) {
  const table = element(
    "table",
    {},
    columnHeadings(headings.map((heading) => say(heading))),
    element(
      "tbody",
      {},
      ...rows.map((cells) => element("tr", {}, ...cells.map((cell) => element("td", {}, cell)))),
    ),
  );
  return element("div", { class: "scroll", tabindex: "0", role: "region", "aria-label": label }, table);
}

/**
 * Puts an announcement's Markdown in its slot, as elements.
 * @param {Element} slot
 * @param {string} markdown
 */
export function fillAnnouncement(slot, markdown) {
  replaceChildren(slot, ...markdownBlocks(markdown, 5));
}
