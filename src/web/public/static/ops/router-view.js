// @ts-check
// The router's state on the operations page: its modes, budget, cache and hedges as facts, and one table
// row per provider and model with its state, breaker, pause, weight, window figures and reasons (the
// snapshot of GET /admin/router), and a "Reset breaker" button per row. Words sit beside every colour.
import { element, replaceChildren } from "../dom.js";
import { clockTime, decimal, dollars, duration, percent } from "./format.js";

/**
 * Fills a <dl> with term and value pairs.
 * @param {Element} list
 * @param {[string, string | Node][]} pairs
 */
export function fillFacts(list, pairs) {
  replaceChildren(
    list,
    ...pairs.flatMap(([term, value]) => [element("dt", {}, term), element("dd", {}, value)]),
  );
}

/**
 * A word in a badge whose class carries its colour (state-healthy, breaker-open...).
 * @param {string} kind
 * @param {string} word
 */
export function badge(kind, word) {
  return element("span", { class: `badge ${kind}-${word}` }, word);
}

/** @param {any} snapshot GET /admin/router's answer, or null when no provider is configured */
export function overviewPairs(snapshot) {
  if (snapshot === null)
    return /** @type {[string, string | Node][]} */ ([
      ["LLM", "No provider is configured: the rules parser reads every request."],
    ]);
  const { budget, cache, hedges } = snapshot;
  /** @type {[string, string | Node][]} */
  const pairs = [
    ["State", badge("state", snapshot.state)],
    ["Forced degraded mode", snapshot.forcedDegraded ? "on" : "off"],
    ["Conservation mode", snapshot.conservation ? `on (${snapshot.conservationReason ?? "set"})` : "off"],
    ["Preferred provider", snapshot.preferred ?? "none"],
    [
      "Budget",
      `${dollars(budget.spentUsd)} spent on ${budget.day}${budget.dailyUsd === null ? ", no daily budget" : ` of ${dollars(budget.dailyUsd)}`} (${budget.state})`,
    ],
    ["Cache", cache.enabled ? `${cache.entries} entries, ${cache.hits} hits, ${cache.misses} misses` : "off"],
    ["Hedges", `${hedges.hedges} of ${hedges.calls} calls (budget ${percent(hedges.budget)})`],
  ];
  if (snapshot.shared) {
    pairs.push([
      "Shared state",
      `${snapshot.shared.store}: ${snapshot.shared.state}, synced ${clockTime(snapshot.shared.syncedAt)}`,
    ]);
  }
  return pairs;
}

const HEADINGS = [
  "Provider / model",
  "State",
  "Breaker, openings",
  "Action",
  "Weight",
  "Paused until",
  "Calls",
  "p50",
  "p95",
  "p99",
  "Errors",
  "Timeouts",
  "429s",
  "Invalid JSON",
  "Confidence",
  "Reasons",
];

/**
 * Redraws the providers' table, keeping the keyboard focus on the same row's button across refreshes.
 * @param {HTMLTableElement} table
 * @param {any[]} providers the snapshot's providers
 * @param {Map<string, number | null>} p99 by "provider/model": the timeline's last p99, in ms
 * @param {(provider: string, model: string) => void} onReset
 */
export function renderProviders(table, providers, p99, onReset) {
  const focused = document.activeElement?.getAttribute("data-focus-key") ?? null;
  const head = element(
    "thead",
    {},
    element("tr", {}, ...HEADINGS.map((heading) => element("th", { scope: "col" }, heading))),
  );
  const rows = providers.map((target) => {
    const key = `${target.provider}/${target.model}`;
    const { stats } = target;
    const reset = element(
      "button",
      { type: "button", "data-focus-key": `reset:${key}`, "aria-label": `Reset the breaker of ${key}` },
      "Reset breaker",
    );
    reset.addEventListener("click", () => onReset(target.provider, target.model));
    const cells = [
      badge("state", target.state),
      element("span", {}, badge("breaker", target.breaker), ` ${target.breakerOpenings}×`),
      reset,
      String(target.weight),
      target.pausedUntil === null ? "no" : clockTime(target.pausedUntil),
      String(stats.samples),
      duration(stats.p50Ms),
      duration(stats.p95Ms),
      duration(p99.get(key) ?? null),
      percent(stats.serverErrorRate + stats.connectionErrorRate),
      percent(stats.timeoutRate),
      percent(stats.rateLimitRate),
      percent(stats.invalidJsonRate),
      decimal(stats.meanConfidence),
      target.reasons.length === 0 ? "none" : target.reasons.join("; "),
    ];
    return element(
      "tr",
      { "data-provider": target.provider, "data-model": target.model },
      element("th", { scope: "row" }, `${target.provider} / ${target.model}`),
      ...cells.map((cell) => element("td", {}, cell)),
    );
  });
  replaceChildren(
    table,
    element("caption", { class: "visually-hidden" }, "Providers and models"),
    head,
    element("tbody", {}, ...rows),
  );
  if (focused !== null)
    /** @type {HTMLElement | null} */ (
      table.querySelector(`[data-focus-key="${CSS.escape(focused)}"]`)
    )?.focus();
}
