// @ts-check
// The console's languages (the playground, the golden page, /ops): each page's words in English and Spanish,
// the reader's last choice (kept in this browser) or else the browser's (pageLanguage), put into every element
// marked data-text="key" and into whatever the page renders afterwards through `say`. The header's switch
// (select#page-language, src/web/header.ts) changes it; the pages re-render their results on the change.
import { pageLanguage } from "./dom.js";

/** @typedef {"en" | "es"} Language */

/**
 * A page's words: the same keys in both languages. `{name}` marks a value filled in by `translate`.
 * @template {string} Key
 * @typedef {{ en: Record<Key, string>, es: Record<Key, string> }} Words
 */

const STORAGE_KEY = "cita.language";

/**
 * The words for `key` in `language`, with each `{name}` replaced by its value (as text: the callers put the
 * result in with textContent).
 * @template {string} Key
 * @param {Words<Key>} words
 * @param {Language} language
 * @param {Key} key
 * @param {Record<string, string | number>} [values]
 * @returns {string}
 */
export function translate(words, language, key, values = {}) {
  const template = words[language][key] ?? words.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/**
 * One page's language over its words: `say` for what its scripts render, `setUpLanguage` to read the choice,
 * wire the switch and put the words in, `onLanguageChange` to render again after a switch.
 * @template {string} Key
 * @param {Words<Key>} words
 */
export function pageLanguages(words) {
  /** @type {Language} */
  let current = "en";
  /** @type {(() => void)[]} */
  const listeners = [];

  /**
   * The page's words for `key` in the current language.
   * @param {Key} key
   * @param {Record<string, string | number>} [values]
   */
  function say(key, values) {
    return translate(words, current, key, values);
  }

  /** @param {Language} language */
  function setLanguage(language) {
    current = language;
    document.documentElement.lang = language;
    for (const node of document.querySelectorAll("[data-text]")) {
      const key = node.getAttribute("data-text");
      if (key !== null && key in words.en) node.textContent = say(/** @type {Key} */ (key));
    }
    const title = document.querySelector("h1")?.textContent?.trim();
    if (title) document.title = title;
  }

  return {
    say,
    /** @returns {Language} */
    currentLanguage: () => current,
    /** @param {() => void} listener called after every switch, to render what the page shows again */
    onLanguageChange(listener) {
      listeners.push(listener);
    },
    /** Reads the choice, wires the switch (select#page-language) and puts the words in. */
    setUpLanguage() {
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
    },
  };
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
