// The console pages' words as the server renders them: English, each in a span marked data-text="key" so
// the client (src/web/public/static/playground/language.js) can put the reader's language in.
import { html } from "hono/html";
import { WORDS, type WordKey } from "../public/static/playground/words.js";

/** The words for `key` in a span the client translates. */
export function words(key: WordKey) {
  return html`<span data-text="${key}">${WORDS.en[key]}</span>`;
}

/** The English words for `key`, where markup cannot go (a title). */
export function english(key: WordKey): string {
  return WORDS.en[key];
}
