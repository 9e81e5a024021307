// Text folding for the golden comparison rules: one copy, in the plain module the golden page in the browser
// imports too (src/web/public/static/golden/normalize.js).
export { containsEitherWay, foldContact, foldText } from "../../src/web/public/static/golden/normalize.js";
