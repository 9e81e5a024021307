// Moveable feasts counted from Easter Sunday: the Western ones from the Gregorian computus, the Orthodox
// ones (Clean Monday, Great Lent) from the Julian one. Offsets are in days from Easter Sunday.
import type { CivilDate } from "./civil-date.js";
import { dayNumber } from "./civil-date.js";
import { orthodoxEaster, westernEaster } from "./computus.js";
import { dayHoliday, type HolidayDefinition, type HolidayNames } from "./holiday-definition.js";

/** A day `offset` days from Easter, or a run of `length` days starting there. */
function fromEaster(
  easter: (year: number) => CivilDate,
  id: string,
  names: HolidayNames,
  offset: number,
  length = 1,
): HolidayDefinition {
  return dayHoliday(id, names, (year) => [dayNumber(easter(year)) + offset], length);
}

const NOT_AFTER_SUBJECT = "(?<!(?:i|you|he|she|we|they|who|was|were|been|had|have|has) )";
const OBJECT = "(?:me|you|him|her|it|us|them|my|your|his|our|their|a|an|the|some|out|money)(?![a-z])";

const western = (id: string, names: HolidayNames, offset: number, length = 1) =>
  fromEaster(westernEaster, id, names, offset, length);
const orthodox = (id: string, names: HolidayNames, offset: number, length = 1) =>
  fromEaster(orthodoxEaster, id, names, offset, length);

export const EASTER_HOLIDAYS: readonly HolidayDefinition[] = [
  western(
    "shrove-tuesday",
    {
      en: ["pancake (?:tues)?day", "shrove tuesday", "mardi gras"],
      es: ["martes de carnaval", "mardi gras"],
    },
    -47,
  ),
  western("ash-wednesday", { en: ["ash wednesday"], es: ["miercoles de ceniza"] }, -46),
  // Ash Wednesday to Holy Saturday. "Lent" is also the past of "lend": not after a subject, nor before an
  // object ("I lent him", "lent me").
  western("lent", { en: [`${NOT_AFTER_SUBJECT}lent(?! ${OBJECT})`], es: ["cuaresma"] }, -46, 46),
  western("palm-sunday", { en: ["(?:branch|palm|yew) sunday"], es: ["domingo de ramos"] }, -7),
  // Palm Sunday to Easter Sunday, as Semana Santa is kept in Spain.
  western("holy-week", { en: ["holy week"], es: ["semana santa"] }, -7, 8),
  western(
    "maundy-thursday",
    {
      en: ["(?:covenant|(?:great and )?holy|maundy|sheer) thu(?:rsday)?", "thu(?:rsday)? of mysteries"],
      es: ["jueves santo"],
    },
    -3,
  ),
  western("good-friday", { en: ["(?:good|great|holy) fri(?:day)?"], es: ["viernes santo"] }, -2),
  western(
    "holy-saturday",
    {
      en: ["holy (?:and great )?saturday", "black saturday", "joyous saturday", "easter eve"],
      es: ["sabado (?:santo|de gloria)"],
    },
    -1,
  ),
  western(
    "easter",
    {
      en: ["easter(?: sun(?:day)?)?"],
      es: ["domingo de (?:pascua|resurreccion)", "pascua(?: florida| de resurreccion)?"],
    },
    0,
  ),
  western("easter-monday", { en: ["easter mon(?:day)?"], es: ["lunes de pascua"] }, 1),
  western(
    "ascension",
    {
      en: ["ascension (?:thurs)?day", "feast of the ascension"],
      es: ["(?:dia|jueves|fiesta) de la ascension"],
    },
    39,
  ),
  western(
    "pentecost",
    { en: ["pentecost(?: sunday)?", "white sunday", "whit ?sunday"], es: ["(?:domingo de )?pentecostes"] },
    49,
  ),
  western(
    "whit-monday",
    { en: ["(?:pentecost|whit) monday", "monday of the holy spirit"], es: ["lunes de pentecostes"] },
    50,
  ),
  western("trinity-sunday", { en: ["trinity sunday"], es: ["(?:domingo de la )?santisima trinidad"] }, 56),
  western(
    "corpus-christi",
    { en: ["(?:the feast of )?corpus christi"], es: ["(?:(?:dia|fiesta|jueves) de )?corpus christi"] },
    60,
  ),
  orthodox(
    "clean-monday",
    { en: ["(?:orthodox )?(?:ash|clean|green|pure|shrove) monday", "monday of lent"], es: ["lunes limpio"] },
    -48,
  ),
  // Clean Monday to the Friday before Lazarus Saturday.
  orthodox("great-lent", { en: ["great (?:fast|lent)"], es: ["gran cuaresma"] }, -48, 40),
  orthodox("lazarus-saturday", { en: ["lazarus saturday"], es: ["sabado de lazaro"] }, -8),
  orthodox("orthodox-palm-sunday", { en: ["orthodox (?:branch|palm|yew) sunday"] }, -7),
  orthodox(
    "orthodox-good-friday",
    { en: ["orthodox (?:good|great)(?: and holy)? fri(?:day)?"], es: ["viernes santo ortodoxo"] },
    -2,
  ),
  orthodox("orthodox-holy-saturday", { en: ["orthodox holy sat(?:urday)?"] }, -1),
  orthodox(
    "orthodox-easter",
    { en: ["orthodox easter(?: sun(?:day)?)?", "pascha"], es: ["pascua ortodoxa"] },
    0,
  ),
  orthodox("orthodox-easter-monday", { en: ["orthodox easter mon(?:day)?"] }, 1),
];
