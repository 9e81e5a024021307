// @ts-check
// The words every console page's header shows (src/web/header.ts): the navigation between the three pages
// and the language switch's label. Each page's own table (playground/words.js, ops/words.js) starts with
// these, so its language (./language.js) translates the header too.

export const CONSOLE_WORDS = {
  en: {
    "navigation.label": "Pages",
    "navigation.playground": "Playground",
    "navigation.golden": "Golden suites",
    "navigation.ops": "Operations",
    language: "Language",
  },
  es: {
    "navigation.label": "Páginas",
    "navigation.playground": "Zona de pruebas",
    "navigation.golden": "Suites golden",
    "navigation.ops": "Operaciones",
    language: "Idioma",
  },
};
