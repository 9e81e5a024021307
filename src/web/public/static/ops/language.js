// @ts-check
// The operations page's language: the console's mechanism (../language.js) over the page's words.
import { pageLanguages } from "../language.js";
import { WORDS } from "./words.js";

export const { say, currentLanguage, onLanguageChange, setUpLanguage } = pageLanguages(WORDS);
