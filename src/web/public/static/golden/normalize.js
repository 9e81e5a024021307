// @ts-check
// Text folding for the golden comparison rules (shared/spec/golden-format.md): services and locations
// ignore case and accents; contacts also ignore punctuation, articles and titles. Plain JavaScript with no
// dependency, so `npm run golden` (tools/golden) and the golden page in the browser score alike.

/** Spanish and English articles, accent-free and lower case. */
const ARTICLES = new Set(["el", "la", "los", "las", "lo", "un", "una", "unos", "unas", "the", "a", "an"]);

/** Honorifics and professional titles, accent-free, lower case, without their dots. */
const TITLES = new Set([
  "dr",
  "dra",
  "doctor",
  "doctora",
  "lic",
  "licenciado",
  "licenciada",
  "ing",
  "ingeniero",
  "ingeniera",
  "prof",
  "profe",
  "profesor",
  "profesora",
  "mtro",
  "mtra",
  "maestro",
  "maestra",
  "mr",
  "mrs",
  "ms",
  "miss",
  "mx",
  "sr",
  "sra",
  "srta",
  "senor",
  "senora",
  "senorita",
  "don",
  "dona",
]);

/**
 * Lower case, accents removed, runs of white space collapsed.
 * @param {string} text
 * @returns {string}
 */
export function foldText(text) {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * A contact reduced to its name words: "Dra. María-José de la Peña" → "maria jose de pena".
 * @param {string} text
 * @returns {string}
 */
export function foldContact(text) {
  return foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .split(" ")
    .filter((word) => word !== "" && !ARTICLES.has(word) && !TITLES.has(word))
    .join(" ");
}

/**
 * Folded equality, or one folded text inside the other; an empty text only matches an empty one.
 * @param {string} expected
 * @param {string} got
 * @returns {boolean}
 */
export function containsEitherWay(expected, got) {
  const left = foldText(expected);
  const right = foldText(got);
  if (left === "" || right === "") return left === right;
  return left.includes(right) || right.includes(left);
}
