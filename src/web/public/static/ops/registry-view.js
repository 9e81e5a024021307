// @ts-check
// The model registry and /health on the operations page: each agent's fine-tuned model and rollout
// (GET /admin/models), the variants side by side over the registry's window (GET /admin/variants), and the
// service's status with its stores' states (GET /health).
import { element, replaceChildren } from "../dom.js";
import { clockTime, decimal, dollars, duration, percent } from "./format.js";
import { fillFacts } from "./router-view.js";

/**
 * @param {Element} container
 * @param {Record<string, any>} models GET /admin/models's answer
 */
export function renderModels(container, models) {
  const blocks = Object.entries(models).map(([agent, entry]) => {
    const list = element("dl", { class: "facts" });
    const finetuned =
      entry.finetuned === null ? "none" : `${entry.finetuned.provider} / ${entry.finetuned.model}`;
    fillFacts(list, [
      ["Fine-tuned model", finetuned],
      ["Rollout", `${entry.rolloutPercent}% of users`],
      ["Kill switch", entry.useFinetuned ? "fine-tuned model in use" : "fine-tuned model switched off"],
      ["Automatic rollback", entry.autoRollback ? "on" : "off"],
      [
        "Rolled back",
        entry.rolledBack === null ? "no" : `at ${clockTime(entry.rolledBack.at)}: ${entry.rolledBack.reason}`,
      ],
    ]);
    return element("div", { class: "agent" }, element("h3", {}, `Agent ${agent}`), list);
  });
  replaceChildren(container, ...blocks);
}

const VARIANT_HEADINGS = [
  "Agent",
  "Variant",
  "Requests",
  "p50",
  "p95",
  "Error rate",
  "Invalid JSON",
  "Confidence",
  "Cost",
];

/**
 * @param {HTMLTableElement} table
 * @param {any} comparison GET /admin/variants's answer
 */
export function renderVariants(table, comparison) {
  const minutes = Math.round(comparison.windowMs / 60_000);
  const rows = Object.entries(comparison.agents).flatMap(([agent, entry]) =>
    Object.entries(/** @type {Record<string, any>} */ (entry.variants)).map(([variant, figures]) =>
      element(
        "tr",
        {},
        element("th", { scope: "row" }, agent),
        ...[
          variant,
          String(figures.requests),
          duration(figures.p50Ms),
          duration(figures.p95Ms),
          percent(figures.errorRate),
          percent(figures.invalidJsonRate),
          decimal(figures.meanConfidence),
          dollars(figures.costUsd),
        ].map((cell) => element("td", {}, cell)),
      ),
    ),
  );
  replaceChildren(
    table,
    element("caption", {}, `Over the last ${minutes} minutes`),
    element(
      "thead",
      {},
      element("tr", {}, ...VARIANT_HEADINGS.map((heading) => element("th", { scope: "col" }, heading))),
    ),
    element("tbody", {}, ...rows),
  );
}

/**
 * @param {Element} list
 * @param {any} health GET /health's answer
 */
export function renderStores(list, health) {
  /** @type {[string, string][]} */
  const pairs = [
    ["Status", health.status],
    ["Version", health.version],
    ["Modes", health.modes.join(", ")],
  ];
  const { calendars, shared } = health.stores ?? {};
  pairs.push([
    "Calendar store",
    calendars ? `${calendars.engine}: ${calendars.state}, checked ${clockTime(calendars.checkedAt)}` : "none",
  ]);
  pairs.push([
    "Shared-state store",
    shared ? `${shared.store}: ${shared.state}, synced ${clockTime(shared.syncedAt)}` : "none (one instance)",
  ]);
  fillFacts(list, pairs);
}
