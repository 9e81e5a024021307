// @ts-check
// The playground's form: one message or a conversation of user and assistant turns (added, removed and
// moved), locale, zone, reference time, mode and calendar. `readForm` gives the request it describes,
// `fillForm` puts a shared request back into it. Values only ever go into form controls' `.value`.
import { byId, element, replaceChildren } from "../dom.js";
import { say } from "./language.js";

/** @typedef {import("./share.js").SharedRequest} SharedRequest */
/** @typedef {import("./share.js").Turn} Turn */

const control = {
  form: () => /** @type {HTMLFormElement} */ (byId("request-form")),
  text: () => /** @type {HTMLTextAreaElement} */ (byId("message-text")),
  turns: () => byId("turns"),
  locale: () => /** @type {HTMLSelectElement} */ (byId("locale")),
  timezone: () => /** @type {HTMLInputElement} */ (byId("timezone")),
  now: () => /** @type {HTMLInputElement} */ (byId("now")),
  mode: () => /** @type {HTMLSelectElement} */ (byId("mode")),
  calendarId: () => /** @type {HTMLInputElement} */ (byId("calendar-id")),
};

/** @type {Turn[]} the conversation as edited; the list on the page is rendered from it */
let turns = [{ role: "user", content: "" }];

/** Wires the form's controls; `run` is what Enter in a text box does. */
export function setUpForm() {
  for (const radio of document.querySelectorAll('input[name="input-kind"]')) {
    radio.addEventListener("change", showInputKind);
  }
  byId("add-turn").addEventListener("click", () => {
    turns.push({ role: turns.at(-1)?.role === "user" ? "assistant" : "user", content: "" });
    renderTurns(turns.length - 1);
  });
  control.text().addEventListener("keydown", submitOnEnter);
  control.timezone().value = Intl.DateTimeFormat().resolvedOptions().timeZone;
  control.now().value = instantWithOffset(new Date());
  const zones = byId("zones");
  const supported = "supportedValuesOf" in Intl ? Intl.supportedValuesOf("timeZone") : [];
  replaceChildren(zones, ...supported.map((zone) => element("option", { value: zone })));
  renderTurns();
  showInputKind();
}

/** The request the form describes, with `explain` so the answer says where it read each field. */
export function readForm() {
  /** @type {SharedRequest} */
  const request = conversationChosen()
    ? { messages: turns.map((turn) => ({ ...turn })) }
    : { text: control.text().value };
  const optional = {
    locale: control.locale().value,
    timezone: control.timezone().value.trim(),
    now: control.now().value.trim(),
    mode: control.mode().value === "auto" ? "" : control.mode().value,
    calendarId: control.calendarId().value.trim(),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== "") request[/** @type {keyof typeof optional} */ (key)] = value;
  }
  return request;
}

/** @param {SharedRequest} request */
export function fillForm(request) {
  const conversation = request.messages !== undefined;
  for (const radio of /** @type {NodeListOf<HTMLInputElement>} */ (
    document.querySelectorAll('input[name="input-kind"]')
  )) {
    radio.checked = radio.value === (conversation ? "messages" : "text");
  }
  control.text().value = request.text ?? "";
  turns = request.messages?.map((turn) => ({ ...turn })) ?? [{ role: "user", content: "" }];
  choose(control.locale(), request.locale ?? "");
  control.timezone().value = request.timezone ?? "";
  control.now().value = request.now ?? "";
  choose(control.mode(), request.mode ?? "auto");
  control.calendarId().value = request.calendarId ?? "";
  renderTurns();
  showInputKind();
}

/** Draws the turns again, in the current language (called when it changes too). */
export function renderTurns(focusIndex = -1) {
  const items = turns.map((turn, index) => turnItem(turn, index));
  replaceChildren(control.turns(), ...items);
  if (focusIndex >= 0) items[focusIndex]?.querySelector("textarea")?.focus();
}

/**
 * @param {Turn} turn
 * @param {number} index
 */
function turnItem(turn, index) {
  const n = index + 1;
  const role = /** @type {HTMLSelectElement} */ (
    element(
      "select",
      // Named with the turn's number, so each turn's controls are told apart by a screen reader.
      { id: `turn-${n}-role`, "aria-labelledby": `turn-${n}-number turn-${n}-role-label` },
      element("option", { value: "user" }, say("role.user")),
      element("option", { value: "assistant" }, say("role.assistant")),
    )
  );
  role.value = turn.role;
  role.addEventListener("change", () => {
    turn.role = role.value === "assistant" ? "assistant" : "user";
  });
  const content = /** @type {HTMLTextAreaElement} */ (
    element("textarea", {
      id: `turn-${n}-content`,
      rows: "2",
      "aria-labelledby": `turn-${n}-number turn-${n}-content-label`,
    })
  );
  content.value = turn.content;
  content.addEventListener("input", () => {
    turn.content = content.value;
  });
  content.addEventListener("keydown", submitOnEnter);
  const button = (
    /** @type {import("./words.js").WordKey} */ key,
    /** @type {string} */ symbol,
    /** @type {() => void} */ act,
    disabled = false,
  ) => {
    const node = element(
      "button",
      { type: "button", "aria-label": say(key, { n }), title: say(key, { n }), disabled },
      symbol,
    );
    node.addEventListener("click", act);
    return node;
  };
  return element(
    "li",
    { class: "turn" },
    element("span", { class: "turn-number", id: `turn-${n}-number` }, say("turn", { n })),
    element("label", { for: role.id, id: `turn-${n}-role-label` }, say("role")),
    role,
    element(
      "label",
      { for: content.id, id: `turn-${n}-content-label`, class: "visually-hidden" },
      say("message"),
    ),
    content,
    element(
      "span",
      { class: "turn-actions" },
      button("turn.up", "↑", () => move(index, -1), index === 0),
      button("turn.down", "↓", () => move(index, 1), index === turns.length - 1),
      button("turn.remove", "✕", () => remove(index), turns.length === 1),
    ),
  );
}

/**
 * @param {number} index
 * @param {number} by -1 (up) or 1 (down)
 */
function move(index, by) {
  const [turn] = turns.splice(index, 1);
  if (turn === undefined) return;
  turns.splice(index + by, 0, turn);
  renderTurns(index + by);
}

/** @param {number} index */
function remove(index) {
  turns.splice(index, 1);
  renderTurns(Math.min(index, turns.length - 1));
}

function conversationChosen() {
  const checked = /** @type {HTMLInputElement | null} */ (
    document.querySelector('input[name="input-kind"]:checked')
  );
  return checked?.value === "messages";
}

function showInputKind() {
  const conversation = conversationChosen();
  byId("text-input").hidden = conversation;
  byId("conversation-input").hidden = !conversation;
}

/** @param {KeyboardEvent} event */
function submitOnEnter(event) {
  if (event.key !== "Enter" || event.shiftKey || event.isComposing) return;
  event.preventDefault();
  control.form().requestSubmit();
}

/**
 * Selects `value`, adding it as an option when a shared link names one the list lacks (the service then
 * says whether it takes it).
 * @param {HTMLSelectElement} select
 * @param {string} value
 */
function choose(select, value) {
  if (![...select.options].some((option) => option.value === value)) {
    select.append(element("option", { value }, value));
  }
  select.value = value;
}

/**
 * The browser's current time as ISO-8601 with its own offset, to the second: "2026-01-22T10:30:00-06:00".
 * @param {Date} date
 */
function instantWithOffset(date) {
  const minutes = -date.getTimezoneOffset();
  const sign = minutes < 0 ? "-" : "+";
  const pad = (/** @type {number} */ value) => String(Math.abs(value)).padStart(2, "0");
  const local = new Date(date.getTime() + minutes * 60_000).toISOString().slice(0, 19);
  return `${local}${sign}${pad(Math.trunc(minutes / 60))}:${pad(minutes % 60)}`;
}
