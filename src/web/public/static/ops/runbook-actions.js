// @ts-check
// The operations page's runbook actions, built from the router's and the registry's state when the operator
// logs in (and again when the providers change): the controls start at the current values, and each
// button's action reads them when it is pressed. The breaker reset is also offered on each provider's row.
import { element, replaceChildren } from "../dom.js";
import { actionBlock, actionButton, labelled, select, showFleetNotes } from "./actions.js";
import { say } from "./language.js";
import { onOff } from "./router-view.js";

/** @typedef {import("./actions.js").ActionHooks} ActionHooks */
/** @typedef {import("./actions.js").Action} Action */

/** @param {any} snapshot */
const modes = (snapshot) =>
  say("action.modes", {
    state: snapshot.state,
    conservation: snapshot.conservation
      ? say("fact.onBecause", { reason: snapshot.conservationReason })
      : say("off"),
    degraded: onOff(snapshot.forcedDegraded),
  });

/** @param {any} snapshot */
const providerNames = (snapshot) => [
  ...new Set(snapshot.providers.map((/** @type {any} */ target) => target.provider)),
];

/**
 * The reset of one provider's breaker (one model's, or all its models').
 * @param {string} provider
 * @param {string | null} model
 * @returns {Action}
 */
export function resetAction(provider, model) {
  const which = model === null ? provider : `${provider}/${model}`;
  return {
    title: say("breaker.resetOf", { target: which }),
    question: say("breaker.question", { target: which }),
    method: "POST",
    path: `/admin/router/breakers/${encodeURIComponent(provider)}/reset${model === null ? "" : `?model=${encodeURIComponent(model)}`}`,
    describe: (answer) =>
      answer.providers
        .filter(
          (/** @type {any} */ target) =>
            target.provider === provider && (model === null || target.model === model),
        )
        .map((/** @type {any} */ target) =>
          say("breaker.answer", {
            target: `${target.provider}/${target.model}`,
            breaker: target.breaker,
            state: target.state,
          }),
        )
        .join(" "),
  };
}

/**
 * @param {any} snapshot
 * @param {ActionHooks} hooks
 */
function routerBlocks(snapshot, hooks) {
  const names = providerNames(snapshot);
  const preferred = select(
    [["", say("failover.none")], ...names.map((name) => /** @type {[string, string]} */ ([name, name]))],
    snapshot.preferred ?? "",
  );
  const failOver = actionButton(
    say("failover.set"),
    () => {
      const provider = /** @type {HTMLSelectElement} */ (preferred).value || null;
      return {
        title: provider === null ? say("failover.clear") : say("failover.to", { provider }),
        question: provider === null ? say("failover.clearQuestion") : say("failover.question", { provider }),
        method: "PUT",
        path: "/admin/router/preferred",
        body: { provider },
        describe: (answer) => say("failover.answer", { provider: answer.preferred ?? say("none") }),
      };
    },
    hooks,
  );
  const weightInputs = names.map((name) => {
    const current =
      snapshot.providers.find((/** @type {any} */ target) => target.provider === name)?.weight ?? 0;
    const input = /** @type {HTMLInputElement} */ (
      element("input", {
        type: "number",
        min: "0",
        max: "10000",
        step: "1",
        value: String(current),
        inputmode: "numeric",
      })
    );
    return { name, input, field: labelled(`weight-${name}`, say("weights.of", { provider: name }), input) };
  });
  const setWeights = actionButton(
    say("weights.set"),
    () => {
      /** @type {Record<string, number>} */
      const weights = {};
      for (const { name, input } of weightInputs) weights[name] = Number(input.value);
      const listed = Object.entries(weights)
        .map(([name, weight]) => `${name} ${weight}`)
        .join(", ");
      return {
        title: say("weights.setTitle"),
        question: say("weights.question", { weights: listed }),
        method: "PUT",
        path: "/admin/router/weights",
        body: { weights },
        describe: (answer) =>
          say("weights.answer", {
            weights: providerNames(answer)
              .map(
                (name) =>
                  `${name} ${answer.providers.find((/** @type {any} */ target) => target.provider === name).weight}`,
              )
              .join(", "),
          }),
      };
    },
    hooks,
  );
  /** @param {"conservation" | "degraded"} mode @param {boolean} enabled */
  const toggle = (mode, enabled) =>
    actionButton(
      say(`${mode}.${enabled ? "on" : "off"}`),
      () => ({
        title: say(`${mode}.${enabled ? "on" : "off"}`),
        question: say(`${mode}.${enabled ? "onQuestion" : "offQuestion"}`),
        method: "PUT",
        path: `/admin/router/${mode}`,
        body: { enabled },
        describe: modes,
      }),
      hooks,
    );
  const breakerChoice = select(
    snapshot.providers.map(
      (/** @type {any} */ target) =>
        /** @type {[string, string]} */ ([
          `${target.provider}\n${target.model}`,
          `${target.provider}/${target.model}`,
        ]),
    ),
  );
  const resetOne = actionButton(
    say("breaker.reset"),
    () => {
      const [provider = "", model = ""] = /** @type {HTMLSelectElement} */ (breakerChoice).value.split("\n");
      return provider === "" ? null : resetAction(provider, model);
    },
    hooks,
  );
  return [
    actionBlock(
      say("failover.title"),
      "high-latency.md#p95-over-5-s",
      true,
      labelled("preferred", say("fact.preferred"), preferred),
      failOver,
    ),
    actionBlock(
      say("weights.title"),
      "high-latency.md#p95-over-5-s",
      true,
      element("div", { class: "fields" }, ...weightInputs.map(({ field }) => field)),
      setWeights,
    ),
    actionBlock(
      say("conservation.title"),
      "high-latency.md#p95-over-10-s",
      true,
      element("div", { class: "actions" }, toggle("conservation", true), toggle("conservation", false)),
    ),
    actionBlock(
      say("degraded.title"),
      "llm-degradation.md#degraded-mode",
      true,
      element("div", { class: "actions" }, toggle("degraded", true), toggle("degraded", false)),
    ),
    actionBlock(
      say("breaker.title"),
      "high-latency.md#timeouts-over-5",
      false,
      labelled("breaker-target", say("breaker.target"), breakerChoice),
      resetOne,
    ),
  ];
}

/**
 * @param {Record<string, any>} models GET /admin/models's answer
 * @param {ActionHooks} hooks
 */
function rolloutBlocks(models, hooks) {
  return Object.entries(models).map(([agent, entry]) => {
    const percent = /** @type {HTMLInputElement} */ (
      element("input", {
        type: "number",
        min: "0",
        max: "100",
        step: "any",
        value: String(entry.rolloutPercent),
        inputmode: "decimal",
      })
    );
    /** @param {number} to */
    const rollout = (to) => ({
      title: to === 0 ? say("rollout.backTitle", { agent }) : say("rollout.toTitle", { agent, percent: to }),
      question:
        to === 0 ? say("rollout.backQuestion", { agent }) : say("rollout.toQuestion", { percent: to }),
      method: "PUT",
      path: `/admin/models/${encodeURIComponent(agent)}`,
      body: { rolloutPercent: to },
      describe: (/** @type {any} */ answer) =>
        say("rollout.answer", {
          agent,
          percent: answer.rolloutPercent,
          model:
            answer.finetuned === null
              ? say("none")
              : `${answer.finetuned.provider}/${answer.finetuned.model}`,
        }),
    });
    return actionBlock(
      say("rollout.title", { agent }),
      "llm-degradation.md#a-fine-tuned-model-worse-than-the-baseline",
      true,
      labelled(`rollout-${agent}`, say("rollout.percent"), percent),
      element(
        "div",
        { class: "actions" },
        actionButton(say("rollout.set"), () => rollout(Number(percent.value)), hooks),
        actionButton(say("rollout.back"), () => rollout(0), hooks),
      ),
    );
  });
}

/**
 * Builds every action block from the current state.
 * @param {Element} container
 * @param {any} snapshot GET /admin/router's answer, or null without providers
 * @param {Record<string, any>} models
 * @param {boolean} fleet
 * @param {ActionHooks} hooks
 */
export function renderActions(container, snapshot, models, fleet, hooks) {
  const none = element("p", { class: "note" }, say("action.noRouter"));
  replaceChildren(
    container,
    ...(snapshot === null ? [none] : routerBlocks(snapshot, hooks)),
    ...rolloutBlocks(models, hooks),
  );
  showFleetNotes(container, fleet);
}
