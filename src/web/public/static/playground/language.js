// @ts-check
// The playground's and golden page's language: the console's mechanism (../language.js) over their words.
import { pageLanguages } from "../language.js";
import { WORDS } from "./words.js";

export const { say, currentLanguage, onLanguageChange, setUpLanguage } = pageLanguages(WORDS);
