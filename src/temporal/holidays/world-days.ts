// International observances on fixed dates (United Nations days and others Duckling names), in English and
// Spanish. The ones on a weekday of a month (International Day of Cooperatives) are in weekday-holidays.ts.
import { type FixedDate, fixedDateHolidays } from "./fixed-holidays.js";
import type { HolidayDefinition } from "./holiday-definition.js";

const WORLD_DAYS: readonly FixedDate[] = [
  {
    id: "holocaust-remembrance-day",
    month: 1,
    day: 27,
    names: {
      en: [
        "international holocaust remembrance day",
        "international day of commemoration in memory of the victims of the holocaust",
      ],
      es: ["dia internacional (?:de conmemoracion anual )?en memoria de las victimas del holocausto"],
    },
  },
  {
    id: "world-cancer-day",
    month: 2,
    day: 4,
    names: { en: ["world cancer day"], es: ["dia mundial (?:contra|de lucha contra) el cancer"] },
  },
  {
    id: "world-day-of-social-justice",
    month: 2,
    day: 20,
    names: { en: ["world day of social justice"], es: ["dia mundial de la justicia social"] },
  },
  {
    id: "international-mother-language-day",
    month: 2,
    day: 21,
    names: {
      en: ["international mother language day"],
      es: ["dia (?:internacional|mundial) de la lengua materna"],
    },
  },
  {
    id: "zero-discrimination-day",
    month: 3,
    day: 1,
    names: { en: ["zero discrimination day"], es: ["dia de la cero discriminacion"] },
  },
  {
    id: "international-womens-day",
    month: 3,
    day: 8,
    names: {
      en: ["international women'?s day", "women'?s day"],
      es: ["dia (?:internacional )?de la mujer(?: trabajadora)?"],
    },
  },
  {
    id: "international-day-of-happiness",
    month: 3,
    day: 20,
    names: { en: ["international day of happiness"], es: ["dia (?:internacional|mundial) de la felicidad"] },
  },
  {
    id: "world-poetry-day",
    month: 3,
    day: 21,
    names: { en: ["world poetry day"], es: ["dia mundial de la poesia"] },
  },
  {
    id: "world-water-day",
    month: 3,
    day: 22,
    names: { en: ["world water day"], es: ["dia mundial del agua"] },
  },
  {
    id: "world-health-day",
    month: 4,
    day: 7,
    names: { en: ["(?:united nations'? )?world health day"], es: ["dia mundial de la salud"] },
  },
  {
    id: "earth-day",
    month: 4,
    day: 22,
    names: {
      en: ["(?:international )?(?:mother )?earth day"],
      es: ["dia (?:internacional |mundial )?de la (?:madre )?tierra"],
    },
  },
  {
    id: "world-book-day",
    month: 4,
    day: 23,
    names: {
      en: ["world book(?: and copyright)? day"],
      es: ["dia (?:internacional|mundial) del libro(?: y del derecho de autor)?"],
    },
  },
  {
    id: "international-day-of-families",
    month: 5,
    day: 15,
    names: { en: ["international day of families"], es: ["dia internacional de las? familias?"] },
  },
  {
    id: "global-day-of-parents",
    month: 6,
    day: 1,
    names: { en: ["global day of parents"], es: ["dia mundial de las madres y de los padres"] },
  },
  {
    id: "world-environment-day",
    month: 6,
    day: 5,
    names: { en: ["world environment day"], es: ["dia mundial del medio ambiente"] },
  },
  {
    id: "world-refugee-day",
    month: 6,
    day: 20,
    names: { en: ["world refugee day"], es: ["dia mundial de(?:l| los) refugiados?"] },
  },
  {
    id: "international-youth-day",
    month: 8,
    day: 12,
    names: { en: ["international youth day"], es: ["dia internacional de la juventud"] },
  },
  {
    id: "international-day-of-peace",
    month: 9,
    day: 21,
    names: { en: ["international day of peace"], es: ["dia internacional de la paz"] },
  },
  {
    id: "world-teachers-day",
    month: 10,
    day: 5,
    names: { en: ["world teachers'? day"], es: ["dia mundial (?:de los docentes|del maestro)"] },
  },
  {
    id: "world-mental-health-day",
    month: 10,
    day: 10,
    names: { en: ["world mental health day"], es: ["dia mundial de la salud mental"] },
  },
  {
    id: "world-food-day",
    month: 10,
    day: 16,
    names: { en: ["world food day"], es: ["dia mundial de la alimentacion"] },
  },
  {
    id: "united-nations-day",
    month: 10,
    day: 24,
    names: { en: ["united nations day"], es: ["dia de las naciones unidas"] },
  },
  {
    id: "world-vegan-day",
    month: 11,
    day: 1,
    names: { en: ["world vegan day"], es: ["dia mundial (?:del veganismo|vegano)"] },
  },
  {
    id: "world-diabetes-day",
    month: 11,
    day: 14,
    names: { en: ["world diabetes day"], es: ["dia mundial de la diabetes"] },
  },
  {
    id: "world-prematurity-day",
    month: 11,
    day: 17,
    names: {
      en: ["world prematurity day"],
      es: ["dia de la prematuridad mundial", "dia mundial del (?:nino )?prematuro"],
    },
  },
  {
    id: "international-mens-day",
    month: 11,
    day: 19,
    names: { en: ["international men'?s day"], es: ["dia internacional del hombre"] },
  },
  {
    id: "universal-childrens-day",
    month: 11,
    day: 20,
    names: { en: ["universal children'?s day"], es: ["dia universal del nino"] },
  },
  {
    id: "international-day-for-the-elimination-of-violence-against-women",
    month: 11,
    day: 25,
    names: {
      en: ["international day for the elimination of violence against women"],
      es: [
        "dia internacional (?:de la eliminacion de la violencia contra la mujer|contra la violencia de genero)",
      ],
    },
  },
  {
    id: "world-aids-day",
    month: 12,
    day: 1,
    names: { en: ["world aids day"], es: ["dia mundial (?:de la lucha contra el |contra el |del )?sida"] },
  },
  {
    id: "international-day-of-persons-with-disabilities",
    month: 12,
    day: 3,
    names: {
      en: ["international day of (?:persons with disabilities|disabled persons)"],
      es: ["dia internacional de las personas con discapacidad"],
    },
  },
  {
    id: "human-rights-day",
    month: 12,
    day: 10,
    names: { en: ["human rights? day"], es: ["dia (?:internacional )?de los derechos humanos"] },
  },
  {
    id: "arabic-language-day",
    month: 12,
    day: 18,
    names: { en: ["arabic language day"], es: ["dia mundial de la lengua arabe"] },
  },
  {
    id: "international-migrants-day",
    month: 12,
    day: 18,
    names: { en: ["international migrants'? day"], es: ["dia internacional del migrante"] },
  },
];

export const WORLD_DAY_HOLIDAYS: readonly HolidayDefinition[] = fixedDateHolidays(WORLD_DAYS);
