// @ts-check
// The runbooks' actions as buttons (docs/runbooks/): fail over to a preferred provider, set the weights,
// conservation and forced degraded mode on or off, reset a breaker, and set or roll back a fine-tuned
// model's rollout. Each asks for confirmation, goes through the admin API, and says what the API answered:
// the new state, or its error message. Every change but a breaker reset stays in the instance (or isolate)
// that answers it (docs/scale.md): the page says so beside those buttons when the service is a fleet.
import { byId, element } from "../dom.js";
import { ApiError, AuthError, call } from "./api.js";
import { confirmAction } from "./confirm.js";
import { say } from "./language.js";

const RUNBOOKS = "https://github.com/cita/cita/blob/main/docs/runbooks/";

/**
 * @typedef {{ onAuthError: (error: AuthError) => void, onChanged: () => void }} ActionHooks
 * @typedef {{ title: string, question: string, method: string, path: string, body?: unknown, describe: (answer: any) => string }} Action
 */

/**
 * Runs an action after its confirmation and writes the outcome in the live region.
 * @param {Action} action
 * @param {ActionHooks} hooks
 */
export async function runAction(action, hooks) {
  const result = byId("action-result");
  if (!(await confirmAction(action.title, action.question))) {
    result.textContent = say("action.cancelled", { title: action.title });
    result.className = "result";
    return;
  }
  try {
    const answer = await call(action.method, action.path, action.body);
    result.textContent = say("action.done", { title: action.title, answer: action.describe(answer) });
    result.className = "result success";
    hooks.onChanged();
  } catch (error) {
    if (error instanceof AuthError) return hooks.onAuthError(error);
    const detail =
      error instanceof ApiError ? `${error.status} ${error.code}: ${error.message}` : String(error);
    result.textContent = say("action.refused", { title: action.title, detail });
    result.className = "result failure";
  }
}

/**
 * One action's block: its heading, controls, runbook link and, for a per-instance change, the fleet note.
 * @param {string} title
 * @param {string} runbook a runbook file and section, under docs/runbooks/
 * @param {boolean} perInstance
 * @param {...Node} controls
 */
export function actionBlock(title, runbook, perInstance, ...controls) {
  return element(
    "div",
    { class: "action" },
    element("h3", {}, title),
    ...controls,
    element(
      "p",
      { class: "runbook" },
      element(
        "a",
        { href: `${RUNBOOKS}${runbook}`, rel: "noreferrer" },
        say("action.runbook", { runbook: runbook.replace("#", ", ") }),
      ),
    ),
    perInstance
      ? element("p", { class: "note per-instance", hidden: true }, say("action.perInstance"))
      : null,
  );
}

/**
 * A button that runs an action built when it is pressed (from the controls' values then).
 * @param {string} label
 * @param {() => Action | null} build
 * @param {ActionHooks} hooks
 */
export function actionButton(label, build, hooks) {
  const button = element("button", { type: "button" }, label);
  button.addEventListener("click", () => {
    const action = build();
    if (action !== null) void runAction(action, hooks);
  });
  return button;
}

/**
 * A labelled control: a <label> for the element, which gets the id.
 * @param {string} id
 * @param {string} text
 * @param {HTMLElement} control
 */
export function labelled(id, text, control) {
  control.id = id;
  return element("div", { class: "field" }, element("label", { for: id }, text), control);
}

/**
 * A <select> of options, the first selected unless `selected` names another.
 * @param {[string, string][]} choices value and label
 * @param {string} [selected]
 */
export function select(choices, selected) {
  return element(
    "select",
    {},
    ...choices.map(([value, label]) => element("option", { value, selected: value === selected }, label)),
  );
}

/**
 * Shows or hides the per-instance notes.
 * @param {Element} container
 * @param {boolean} fleet
 */
export function showFleetNotes(container, fleet) {
  for (const note of container.querySelectorAll(".per-instance")) note.toggleAttribute("hidden", !fleet);
}
