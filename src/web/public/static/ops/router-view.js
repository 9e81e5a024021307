// @ts-check
// The router's state on the operations page: its modes, budget, cache and hedges as facts, and one table
// row per provider and model with its state, breaker, pause, weight, window figures and reasons (the
// snapshot of GET /admin/router), and a "Reset breaker" button per row. Words sit beside every colour.
import { columnHeadings, element, replaceChildren } from "../dom.js";
import { clockTime, decimal, dollars, duration, percent } from "./format.js";
import { say } from "./language.js";

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
    return /** @type {[string, string | Node][]} */ ([[say("fact.llm"), say("fact.noProvider")]]);
  const { budget, cache, hedges } = snapshot;
  /** @type {[string, string | Node][]} */
  const pairs = [
    [say("fact.state"), badge("state", snapshot.state)],
    [say("fact.degraded"), onOff(snapshot.forcedDegraded)],
    [
      say("fact.conservation"),
      snapshot.conservation
        ? say("fact.onBecause", { reason: snapshot.conservationReason ?? say("fact.set") })
        : say("off"),
    ],
    [say("fact.preferred"), snapshot.preferred ?? say("none")],
    [
      say("fact.budget"),
      `${say("fact.spent", { spent: dollars(budget.spentUsd), day: budget.day })}${budget.dailyUsd === null ? say("fact.noBudget") : say("fact.ofBudget", { budget: dollars(budget.dailyUsd) })} (${budget.state})`,
    ],
    [
      say("fact.cache"),
      cache.enabled
        ? say("fact.cacheFigures", { entries: cache.entries, hits: cache.hits, misses: cache.misses })
        : say("off"),
    ],
    [
      say("fact.hedges"),
      say("fact.hedgeFigures", {
        hedges: hedges.hedges,
        calls: hedges.calls,
        budget: percent(hedges.budget),
      }),
    ],
  ];
  if (snapshot.shared) {
    const { store, state, syncedAt } = snapshot.shared;
    pairs.push([say("fact.shared"), say("fact.synced", { store, state, time: clockTime(syncedAt) })]);
  }
  return pairs;
}

/** @param {boolean} on */
export const onOff = (on) => say(on ? "on" : "off");

/** The columns' headings: word keys, or a quantile's name, which both languages write alike. */
const HEADINGS = /** @type {const} */ ([
  "column.target",
  "column.state",
  "column.breaker",
  "column.action",
  "column.weight",
  "column.pausedUntil",
  "column.calls",
  "p50",
  "p95",
  "p99",
  "column.errors",
  "column.timeouts",
  "column.rateLimits",
  "column.invalidJson",
  "column.confidence",
  "column.reasons",
]);

/**
 * A table's head from word keys; a quantile (p50...) is shown as it is.
 * @param {readonly string[]} headings
 */
export function headingsSaid(headings) {
  const words = (/** @type {string} */ heading) =>
    heading.startsWith("p") ? heading : say(/** @type {import("./words.js").WordKey} */ (heading));
  return columnHeadings(headings.map(words));
}

/**
 * Redraws the providers' table, keeping the keyboard focus on the same row's button across refreshes.
 * @param {HTMLTableElement} table
 * @param {any[]} providers the snapshot's providers
 * @param {Map<string, number | null>} p99 by "provider/model": the timeline's last p99, in ms
 * @param {(provider: string, model: string) => void} onReset
 */
export function renderProviders(table, providers, p99, onReset) {
  const focused = document.activeElement?.getAttribute("data-focus-key") ?? null;
  const head = headingsSaid(HEADINGS);
  const rows = providers.map((target) => {
    const key = `${target.provider}/${target.model}`;
    const { stats } = target;
    const reset = element(
      "button",
      {
        type: "button",
        "data-focus-key": `reset:${key}`,
        "aria-label": say("breaker.resetOf", { target: key }),
      },
      say("breaker.reset"),
    );
    reset.addEventListener("click", () => onReset(target.provider, target.model));
    const cells = [
      badge("state", target.state),
      element("span", {}, badge("breaker", target.breaker), ` ${target.breakerOpenings}×`),
      reset,
      String(target.weight),
      target.pausedUntil === null ? say("no") : clockTime(target.pausedUntil),
      String(stats.samples),
      duration(stats.p50Ms),
      duration(stats.p95Ms),
      duration(p99.get(key) ?? null),
      percent(stats.serverErrorRate + stats.connectionErrorRate),
      percent(stats.timeoutRate),
      percent(stats.rateLimitRate),
      percent(stats.invalidJsonRate),
      decimal(stats.meanConfidence),
      target.reasons.length === 0 ? say("none") : target.reasons.join("; "),
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
    element("caption", { class: "visually-hidden" }, say("providers.caption")),
    head,
    element("tbody", {}, ...rows),
  );
  if (focused !== null)
    /** @type {HTMLElement | null} */ (
      table.querySelector(`[data-focus-key="${CSS.escape(focused)}"]`)
    )?.focus();
}
