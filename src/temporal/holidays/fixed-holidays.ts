// Holidays on the same month and day every year: Christian feasts with fixed dates, civil days and the
// observances Duckling's English and Spanish rules name. Names are over folded text (see HolidayDefinition).
import { dayNumber } from "./civil-date.js";
import { dayHoliday, type HolidayDefinition, type HolidayNames } from "./holiday-definition.js";

export interface FixedDate {
  id: string;
  month: number;
  day: number;
  names: HolidayNames;
}

export function fixedDateHolidays(table: readonly FixedDate[]): HolidayDefinition[] {
  return table.map(({ id, month, day, names }) =>
    dayHoliday(id, names, (year) => [dayNumber({ year, month, day })]),
  );
}

const FIXED_DATES: readonly FixedDate[] = [
  {
    id: "new-years-day",
    month: 1,
    day: 1,
    names: { en: ["new year'?s?(?: day)?"], es: ["(?:dia de )?ano nuevo"] },
  },
  {
    id: "epiphany",
    month: 1,
    day: 6,
    names: {
      en: ["epiphany", "three kings'? day"],
      es: ["epifania(?: del senor)?", "dia de (?:los )?reyes(?: magos)?"],
    },
  },
  {
    id: "orthodox-christmas",
    month: 1,
    day: 7,
    names: { en: ["orthodox christmas(?: day)?"], es: ["navidad ortodoxa"] },
  },
  {
    id: "orthodox-new-year",
    month: 1,
    day: 14,
    names: { en: ["orthodox new year'?s?(?: day)?", "old new year"], es: ["ano nuevo ortodoxo"] },
  },
  { id: "groundhog-day", month: 2, day: 2, names: { en: ["groundhog day"] } },
  {
    id: "valentines-day",
    month: 2,
    day: 14,
    names: {
      // Not a bare "Valentine", which is also a name.
      en: ["(?:(?:st\\.?|saint) )?valentine(?:'?s day| day|'s)"],
      es: ["(?:dia de )?san valentin", "dia de los enamorados"],
    },
  },
  {
    id: "st-patricks-day",
    month: 3,
    day: 17,
    names: { en: ["(?:st\\.?|saint) (?:patrick|paddy)'?s day"], es: ["dia de san patricio"] },
  },
  {
    id: "st-josephs-day",
    month: 3,
    day: 19,
    names: { en: ["(?:st\\.?|saint) joseph'?s day"], es: ["(?:dia|festividad) de san jose"] },
  },
  {
    // Duckling's Spanish rules read "día de los inocentes" as April Fools' Day; the feast of the Holy
    // Innocents (28 December) is "día de los santos inocentes" below.
    id: "april-fools",
    month: 4,
    day: 1,
    names: {
      en: ["(?:april|all) fool'?s(?:'? day)?"],
      es: ["dia de (?:los inocentes|las bromas)(?: de abril)?"],
    },
  },
  {
    id: "st-georges-day",
    month: 4,
    day: 23,
    names: { en: ["(?:st\\.?|saint) george'?s day", "feast of saint george"], es: ["dia de san jorge"] },
  },
  {
    id: "may-day",
    month: 5,
    day: 1,
    names: {
      en: ["may day", "(?:international )?workers'? day"],
      es: ["dia (?:internacional )?del trabajo", "dia (?:internacional )?de(?:l| los) trabajador(?:es)?"],
    },
  },
  { id: "cinco-de-mayo", month: 5, day: 5, names: { en: ["cinco de mayo"] } },
  { id: "juneteenth", month: 6, day: 19, names: { en: ["juneteenth"] } },
  { id: "independence-day-us", month: 7, day: 4, names: { en: ["independence day"] } },
  {
    id: "assumption",
    month: 8,
    day: 15,
    names: {
      en: ["(?:feast of the )?assumption of (?:the virgin )?mary", "assumption day"],
      es: ["(?:dia de la )?asuncion de (?:la virgen|maria|nuestra senora)"],
    },
  },
  {
    id: "dia-de-la-hispanidad",
    month: 10,
    day: 12,
    names: { es: ["dia de la hispanidad", "dia de la raza"] },
  },
  {
    id: "halloween",
    month: 10,
    day: 31,
    names: {
      en: ["hall?owe?en(?: day)?"],
      es: ["halloween", "noche de brujas", "vispera de todos los santos"],
    },
  },
  {
    id: "all-saints-day",
    month: 11,
    day: 1,
    names: { en: ["all saints'? day", "all hallows'? day"], es: ["(?:dia de )?todos los santos"] },
  },
  {
    id: "all-souls-day",
    month: 11,
    day: 2,
    names: {
      en: ["all souls'? day"],
      es: ["dia de (?:los )?(?:fieles )?difuntos", "dia de las almas", "dia de (?:los )?muertos"],
    },
  },
  {
    id: "veterans-day",
    month: 11,
    day: 11,
    names: { en: ["veterans'? day", "armistice day", "remembrance day"] },
  },
  {
    id: "immaculate-conception",
    month: 12,
    day: 8,
    names: {
      en: ["(?:feast of the )?immaculate conception"],
      es: ["(?:(?:dia|fiesta) de )?la inmaculada concepcion", "(?:dia|fiesta) de la inmaculada"],
    },
  },
  {
    id: "our-lady-of-guadalupe",
    month: 12,
    day: 12,
    names: {
      en: ["(?:feast of )?our lady of guadalupe(?: day)?"],
      es: ["dia de (?:la virgen de |nuestra senora de )?guadalupe"],
    },
  },
  {
    id: "christmas-eve",
    month: 12,
    day: 24,
    names: {
      en: ["(?:xmas|christmas)(?: day)?(?:'s)? eve"],
      es: ["noche ?buena", "vispera de navidad"],
    },
  },
  {
    id: "christmas",
    month: 12,
    day: 25,
    names: { en: ["(?:xmas|christmas)(?: day)?"], es: ["(?:dia de )?navidad"] },
  },
  {
    id: "boxing-day",
    month: 12,
    day: 26,
    names: { en: ["boxing day"], es: ["dia del boxeo"] },
  },
  {
    id: "st-stephens-day",
    month: 12,
    day: 26,
    names: { en: ["(?:st\\.?|saint) stephen'?s day"], es: ["dia de san esteban"] },
  },
  {
    id: "holy-innocents",
    month: 12,
    day: 28,
    names: { en: ["(?:holy )?innocents'? day", "childermas"], es: ["(?:dia de )?los santos inocentes"] },
  },
  {
    id: "new-years-eve",
    month: 12,
    day: 31,
    names: { en: ["new year'?s? eve"], es: ["noche ?vieja", "vispera de ano nuevo"] },
  },
];

export const FIXED_HOLIDAYS: readonly HolidayDefinition[] = fixedDateHolidays(FIXED_DATES);
