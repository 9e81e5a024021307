// @ts-check
// The model registry and /health on the operations page: each agent's fine-tuned model and rollout
// (GET /admin/models), the variants side by side over the registry's window (GET /admin/variants), and the
// service's status with its stores' states (GET /health).
import { element, replaceChildren } from "../dom.js";
import { clockTime, decimal, dollars, duration, percent } from "./format.js";
import { say } from "./language.js";
import { fillFacts, headingsSaid, onOff } from "./router-view.js";

/**
 * @param {Element} container
 * @param {Record<string, any>} models GET /admin/models's answer
 */
export function renderModels(container, models) {
  const blocks = Object.entries(models).map(([agent, entry]) => {
    const list = element("dl", { class: "facts" });
    const finetuned =
      entry.finetuned === null ? say("none") : `${entry.finetuned.provider} / ${entry.finetuned.model}`;
    const { rolledBack } = entry;
    fillFacts(list, [
      [say("model.finetuned"), finetuned],
      [say("model.rollout"), say("model.rolloutFigure", { percent: entry.rolloutPercent })],
      [say("model.killSwitch"), say(entry.useFinetuned ? "model.inUse" : "model.switchedOff")],
      [say("model.autoRollback"), onOff(entry.autoRollback)],
      [
        say("model.rolledBack"),
        rolledBack === null
          ? say("no")
          : say("model.rolledBackAt", { time: clockTime(rolledBack.at), reason: rolledBack.reason }),
      ],
    ]);
    return element("div", { class: "agent" }, element("h3", {}, say("model.agent", { agent })), list);
  });
  replaceChildren(container, ...blocks);
}

const VARIANT_HEADINGS = [
  "column.agent",
  "column.variant",
  "column.requests",
  "p50",
  "p95",
  "column.errorRate",
  "column.invalidJson",
  "column.confidence",
  "column.cost",
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
    element("caption", {}, say("variants.caption", { minutes })),
    headingsSaid(VARIANT_HEADINGS),
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
    [say("health.status"), health.status],
    [say("health.version"), health.version],
    [say("health.modes"), health.modes.join(", ")],
  ];
  const { calendars, shared } = health.stores ?? {};
  pairs.push([
    say("health.calendars"),
    calendars
      ? say("health.checked", {
          engine: calendars.engine,
          state: calendars.state,
          time: clockTime(calendars.checkedAt),
        })
      : say("none"),
  ]);
  pairs.push([
    say("health.shared"),
    shared
      ? say("fact.synced", { store: shared.store, state: shared.state, time: clockTime(shared.syncedAt) })
      : say("health.oneInstance"),
  ]);
  fillFacts(list, pairs);
}
