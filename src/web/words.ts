// The console pages' words as the server renders them: English, each in a span marked data-text="key" so
// the client (src/web/public/static/language.js) can put the reader's language in.
import { html } from "hono/html";

/** A page's table, as the client's (static/language.js) reads it; that file needs the DOM, so not imported. */
type Words<Key extends string> = { en: Record<Key, string>; es: Record<Key, string> };

/** `words` (a span the client translates) and `english` (where markup cannot go: a title) over a page's table. */
export function serverWords<Key extends string>(table: Words<Key>) {
  return {
    words: (key: Key) => html`<span data-text="${key}">${table.en[key]}</span>`,
    english: (key: Key): string => table.en[key],
  };
}
