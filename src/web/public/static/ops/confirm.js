// @ts-check
// The confirmation step of every runbook action: the page's one <dialog>, opened modal (focus stays in it,
// Escape cancels, focus goes back to the button that opened it), with Cancel focused first so a stray Enter
// changes nothing.
import { byId } from "../dom.js";

/**
 * Asks; resolves true only when the operator pressed Confirm.
 * @param {string} title
 * @param {string} text
 * @returns {Promise<boolean>}
 */
export function confirmAction(title, text) {
  const dialog = /** @type {HTMLDialogElement} */ (byId("confirm"));
  byId("confirm-title").textContent = title;
  byId("confirm-text").textContent = text;
  dialog.returnValue = "";
  return new Promise((resolve) => {
    dialog.addEventListener("close", () => resolve(dialog.returnValue === "confirm"), { once: true });
    dialog.showModal();
    document.getElementById("confirm-cancel")?.focus();
  });
}
