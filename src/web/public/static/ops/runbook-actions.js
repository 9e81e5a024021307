// @ts-check
// The operations page's runbook actions, built from the router's and the registry's state when the operator
// logs in (and again when the providers change): the controls start at the current values, and each
// button's action reads them when it is pressed. The breaker reset is also offered on each provider's row.
import { element } from "../dom.js";
import { actionBlock, actionButton, fillActions, labelled, select, showFleetNotes } from "./actions.js";

/** @typedef {import("./actions.js").ActionHooks} ActionHooks */
/** @typedef {import("./actions.js").Action} Action */

/** @param {any} snapshot */
const modes = (snapshot) =>
  `Router ${snapshot.state}; conservation mode ${snapshot.conservation ? `on (${snapshot.conservationReason})` : "off"}; forced degraded mode ${snapshot.forcedDegraded ? "on" : "off"}.`;

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
    title: `Reset the breaker of ${which}`,
    question: `Close the breaker of ${which}, clear its 429 pause and its health window? With shared state the fleet sees the reset.`,
    method: "POST",
    path: `/admin/router/breakers/${encodeURIComponent(provider)}/reset${model === null ? "" : `?model=${encodeURIComponent(model)}`}`,
    describe: (answer) =>
      answer.providers
        .filter(
          (/** @type {any} */ target) =>
            target.provider === provider && (model === null || target.model === model),
        )
        .map(
          (/** @type {any} */ target) =>
            `${target.provider}/${target.model}: breaker ${target.breaker}, ${target.state}.`,
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
    [
      ["", "none (back to the weights)"],
      ...names.map((name) => /** @type {[string, string]} */ ([name, name])),
    ],
    snapshot.preferred ?? "",
  );
  const failOver = actionButton(
    "Set preferred provider",
    () => {
      const provider = /** @type {HTMLSelectElement} */ (preferred).value || null;
      return {
        title: provider === null ? "Clear the preferred provider" : `Fail over to ${provider}`,
        question:
          provider === null
            ? "Route by the weights again?"
            : `Send calls to ${provider} first while it is healthy?`,
        method: "PUT",
        path: "/admin/router/preferred",
        body: { provider },
        describe: (answer) => `Preferred provider: ${answer.preferred ?? "none"}.`,
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
    return { name, input, field: labelled(`weight-${name}`, `Weight of ${name}`, input) };
  });
  const setWeights = actionButton(
    "Set weights",
    () => {
      /** @type {Record<string, number>} */
      const weights = {};
      for (const { name, input } of weightInputs) weights[name] = Number(input.value);
      const listed = Object.entries(weights)
        .map(([name, weight]) => `${name} ${weight}`)
        .join(", ");
      return {
        title: "Set the routing weights",
        question: `Route by weights ${listed}?`,
        method: "PUT",
        path: "/admin/router/weights",
        body: { weights },
        describe: (answer) =>
          `Weights: ${providerNames(answer)
            .map(
              (name) =>
                `${name} ${answer.providers.find((/** @type {any} */ target) => target.provider === name).weight}`,
            )
            .join(", ")}.`,
      };
    },
    hooks,
  );
  /** @param {"conservation" | "degraded"} mode @param {boolean} enabled */
  const toggle = (mode, enabled) =>
    actionButton(
      `${mode === "conservation" ? "Conservation mode" : "Forced degraded mode"} ${enabled ? "on" : "off"}`,
      () => ({
        title: `${mode === "conservation" ? "Conservation mode" : "Forced degraded mode"} ${enabled ? "on" : "off"}`,
        question:
          mode === "conservation"
            ? `Switch conservation mode ${enabled ? "on (short prompt, fewer tokens, longer cache, no hedging)" : "off"}?`
            : `Switch forced degraded mode ${enabled ? "on (Parsing, Temporal and Validation only)" : "off"}?`,
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
    "Reset breaker",
    () => {
      const [provider = "", model = ""] = /** @type {HTMLSelectElement} */ (breakerChoice).value.split("\n");
      return provider === "" ? null : resetAction(provider, model);
    },
    hooks,
  );
  return [
    actionBlock(
      "Fail over",
      "high-latency.md#p95-over-5-s",
      true,
      labelled("preferred", "Preferred provider", preferred),
      failOver,
    ),
    actionBlock(
      "Routing weights",
      "high-latency.md#p95-over-5-s",
      true,
      element("div", { class: "fields" }, ...weightInputs.map(({ field }) => field)),
      setWeights,
    ),
    actionBlock(
      "Conservation mode",
      "high-latency.md#p95-over-10-s",
      true,
      element("div", { class: "buttons" }, toggle("conservation", true), toggle("conservation", false)),
    ),
    actionBlock(
      "Forced degraded mode",
      "llm-degradation.md#degraded-mode",
      true,
      element("div", { class: "buttons" }, toggle("degraded", true), toggle("degraded", false)),
    ),
    actionBlock(
      "Circuit breaker",
      "high-latency.md#timeouts-over-5",
      false,
      labelled("breaker-target", "Provider and model", breakerChoice),
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
      title:
        to === 0
          ? `Roll back the fine-tuned model of ${agent}`
          : `Roll the fine-tuned model of ${agent} out to ${to}%`,
      question:
        to === 0
          ? `Send every ${agent} request to the baseline (rollout 0%)?`
          : `Give the fine-tuned model ${to}% of users?`,
      method: "PUT",
      path: `/admin/models/${encodeURIComponent(agent)}`,
      body: { rolloutPercent: to },
      describe: (/** @type {any} */ answer) =>
        `Agent ${agent}: rollout ${answer.rolloutPercent}%, fine-tuned model ${answer.finetuned === null ? "none" : `${answer.finetuned.provider}/${answer.finetuned.model}`}.`,
    });
    return actionBlock(
      `Rollout of ${agent}`,
      "llm-degradation.md#a-fine-tuned-model-worse-than-the-baseline",
      true,
      labelled(`rollout-${agent}`, `Percentage of users on the fine-tuned model`, percent),
      element(
        "div",
        { class: "buttons" },
        actionButton("Set rollout", () => rollout(Number(percent.value)), hooks),
        actionButton("Roll back (0%)", () => rollout(0), hooks),
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
  const none = element("p", { class: "note" }, "No LLM provider is configured: there is no router to steer.");
  fillActions(
    container,
    ...(snapshot === null ? [none] : routerBlocks(snapshot, hooks)),
    ...rolloutBlocks(models, hooks),
  );
  showFleetNotes(container, fleet);
}
