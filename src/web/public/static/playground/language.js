// @ts-check
// The page's language: the reader's last choice (kept in this browser), else the browser's (pageLanguage),
// put into every element marked data-text="key" and into whatever the page renders afterwards through
// `say`. A switch in the header changes it; the pages re-render their results on the change.
import { pageLanguage } from "../dom.js";
import { translate, WORDS } from "./words.js";

/** @typedef {import("./words.js").WordKey} WordKey */
/** @typedef {import("./words.js").Language} Language */

const STORAGE_KEY = "cita.language";

/** @type {Language} */
let current = "en";
/** @type {(() => void)[]} */
const listeners = [];

/**
 * The page's words for `key` in the current language.
 * @param {WordKey} key
 * @param {Record<string, string | number>} [values]
 */
export function say(key, values) {
  return translate(current, key, values);
}

/** @returns {Language} */
export function currentLanguage() {
  return current;
}

/** @param {() => void} listener called after every switch, to render what the page shows again */
export function onLanguageChange(listener) {
  listeners.push(listener);
}

/** Reads the choice, wires the switch (select#page-language) and puts the words in. */
export function setUpLanguage() {
  const select = /** @type {HTMLSelectElement | null} */ (document.getElementById("page-language"));
  setLanguage(savedLanguage() ?? pageLanguage());
  if (select === null) return;
  select.value = current;
  select.addEventListener("change", () => {
    const chosen = isLanguage(select.value) ? select.value : "en";
    try {
      localStorage.setItem(STORAGE_KEY, chosen);
    } catch {
      // Storage may be refused (private windows): the switch still works for this page.
    }
    setLanguage(chosen);
    for (const listener of listeners) listener();
  });
}

/** @param {Language} language */
function setLanguage(language) {
  current = language;
  document.documentElement.lang = language;
  for (const node of document.querySelectorAll("[data-text]")) {
    const key = node.getAttribute("data-text");
    if (key !== null && key in WORDS.en) node.textContent = say(/** @type {WordKey} */ (key));
  }
  const title = document.querySelector("h1")?.textContent?.trim();
  if (title) document.title = title;
}

/** @returns {Language | null} */
function savedLanguage() {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return saved !== null && isLanguage(saved) ? saved : null;
  } catch {
    return null;
  }
}

/**
 * @param {string} value
 * @returns {value is Language}
 */
function isLanguage(value) {
  return value === "en" || value === "es";
}
