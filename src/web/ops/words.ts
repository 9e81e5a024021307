// The operations page's words as the server renders them (src/web/words.ts).
import { WORDS } from "../public/static/ops/words.js";
import { serverWords } from "../words.js";

export const { words, english } = serverWords(WORDS);
