import {
  AMAVASYA,
  ASHADHA,
  ASHVIN,
  BHADRAPADA,
  CHAITRA,
  KARTIKA,
  MAGHA,
  PAUSHA,
  PURNIMA,
  SHRAVANA,
  VAISHAKHA,
} from "./hindu-calendar.js";
import {
  ashvinRun,
  forenoonHoliday,
  holikaDahanDays,
  inYear,
  krishna,
  rakshaBandhanDays,
  tithiHoliday,
  vesakDays,
  vijayadashamiDays,
} from "./hindu-festival-rules.js";
import { dayHoliday, type HolidayDefinition } from "./holiday-definition.js";

export const HINDU_HOLIDAYS: readonly HolidayDefinition[] = [
  // Spring: the lunar new year, Holi, Rama Navami.
  tithiHoliday("ugadi", { en: ["y?ugadi", "samvatsaradi", "chaitra sukh?ladi"] }, CHAITRA, 1),
  tithiHoliday("gudi-padwa", { en: ["gudi padwa"] }, CHAITRA, 1),
  tithiHoliday("rama-navami", { en: ["(?:sri |shri )?rama? navami"] }, CHAITRA, 9, "midday"),
  tithiHoliday("mahavir-jayanti", { en: ["maha[vw](?:ee|i)ra? (?:jayanti|janma kalyanak)"] }, CHAITRA, 13),
  tithiHoliday("hanuman-jayanti", { en: ["hanuman jayanti"] }, CHAITRA, PURNIMA),
  forenoonHoliday("akshaya-tritiya", { en: ["akshaya? tritiya", "akha teej"] }, VAISHAKHA, 3),
  tithiHoliday("buddha-purnima", { en: ["buddha (?:purnima|pournami|jayanti)"] }, VAISHAKHA, PURNIMA),
  dayHoliday(
    "vesak",
    { en: ["vesak", "wesak", "vaisakha", "buddha day", "visakha (?:puja|bucha)"] },
    (year) => inYear(year, vesakDays(year)),
  ),
  tithiHoliday("ratha-yatra", { en: ["rath(?:a)?[- ]yatra", "rath jatra"] }, ASHADHA, 2),
  tithiHoliday("guru-purnima", { en: ["guru purnima", "vyasa purnima"] }, ASHADHA, PURNIMA),
  dayHoliday("raksha-bandhan", { en: ["raksha bandhan", "rakhi", "rakhri"] }, (year) =>
    inYear(year, rakshaBandhanDays(year)),
  ),
  tithiHoliday(
    "krishna-janmashtami",
    { en: ["(?:sri |shri )?krishna janmashtami", "janmashtami", "gokulashtami", "krishnashtami"] },
    SHRAVANA,
    krishna(8),
    "midnight",
  ),
  tithiHoliday(
    "ganesh-chaturthi",
    { en: ["ganesh(?:a)? chaturthi", "vinayaka? chaturthi", "vinayagar chathurthi"] },
    BHADRAPADA,
    4,
    "midday",
  ),
  // Autumn: Navaratri and Durga Puja, Dussehra, then the five days of Diwali.
  ashvinRun("navaratri", { en: ["(?:sharad(?:iya)? )?nava?ratri"] }, 1, false),
  ashvinRun("durga-puja", { en: ["durga puja", "durgotsava"] }, 6, true),
  tithiHoliday("maha-saptami", { en: ["maha saptami", "durga saptami"] }, ASHVIN, 7),
  tithiHoliday("durga-ashtami", { en: ["(?:maha|durga) ashtami"] }, ASHVIN, 8),
  tithiHoliday("maha-navami", { en: ["maha navami"] }, ASHVIN, 9),
  dayHoliday(
    "vijayadashami",
    { en: ["vijaya ?dashami", "dussehra", "dussera", "dasara", "dasha?hara"] },
    (year) => inYear(year, vijayadashamiDays(year)),
  ),
  tithiHoliday(
    "valmiki-jayanti",
    { en: ["(?:maharishi )?valmiki jayanti", "pargat diwas"] },
    ASHVIN,
    PURNIMA,
  ),
  tithiHoliday(
    "karva-chauth",
    { en: ["kar[vw]a chauth", "karaka chaturthi"] },
    ASHVIN,
    krishna(4),
    "moonrise",
  ),
  tithiHoliday("dhanteras", { en: ["dhanteras", "dhana? ?trayodashi"] }, ASHVIN, krishna(13), "evening"),
  // Kali Chaudas is kept on the night Chaturdashi holds at midnight, the eve of Diwali.
  tithiHoliday(
    "naraka-chaturdashi",
    { en: ["naraka? chaturdashi", "kali chaudas", "chh?oti di[vw]ali"] },
    ASHVIN,
    krishna(14),
    "midnight",
  ),
  tithiHoliday(
    "diwali",
    { en: ["di[vw]ali", "deepa?[vw]ali", "lakshmi puja", "laxmi puja"], es: ["di[vw]ali", "deepa?[vw]ali"] },
    ASHVIN,
    AMAVASYA,
    "evening",
  ),
  tithiHoliday("kali-puja", { en: ["kali puja", "shyama puja"] }, ASHVIN, AMAVASYA, "midnight"),
  tithiHoliday("govardhan-puja", { en: ["govardhan puja", "annakut"] }, KARTIKA, 1),
  tithiHoliday(
    "bhai-dooj",
    { en: ["bhai(?:ya)? d(?:oo|u)j", "bhau beej", "bhai tika", "bhai phonta", "yama dwitiya"] },
    KARTIKA,
    2,
    "afternoon",
  ),
  tithiHoliday("chhath", { en: ["chhath(?: puja)?", "dala (?:puja|chhath)", "surya shashthi"] }, KARTIKA, 6),
  tithiHoliday(
    "guru-nanak-jayanti",
    { en: ["guru nanak(?: dev)?(?: ji)? (?:jayanti|gurpurab|birthday|prakash utsav)"] },
    KARTIKA,
    PURNIMA,
  ),
  // Winter.
  tithiHoliday(
    "guru-gobind-singh-jayanti",
    { en: ["guru go[bv]ind singh(?: ji)? (?:jayanti|birthday|gurpurab|prakash utsav)"] },
    PAUSHA,
    7,
  ),
  forenoonHoliday(
    "vasant-panchami",
    { en: ["[vb]asant(?:a)? panchami", "sh?ri panchami", "saraswati puja"] },
    MAGHA,
    5,
  ),
  tithiHoliday("guru-ravidas-jayanti", { en: ["(?:guru )?ravidass? (?:jayanti|birthday)"] }, MAGHA, PURNIMA),
  tithiHoliday(
    "dayananda-saraswati-jayanti",
    { en: ["(?:(?:maharishi |swami )?dayanand(?:a)? )?saraswati jayanti"] },
    MAGHA,
    krishna(10),
  ),
  tithiHoliday(
    "maha-shivaratri",
    { en: ["maha ?shivar?atri", "shivar?atri"] },
    MAGHA,
    krishna(14),
    "midnight",
  ),
  dayHoliday("holika-dahan", { en: ["holika dahan", "chh?oti holi", "kamudu pyre"] }, (year) =>
    inYear(year, holikaDahanDays(year)),
  ),
  dayHoliday("holi", { en: ["holi", "dhulandi", "dhuleti", "phagwah?", "rangwali holi"] }, (year) =>
    inYear(
      year,
      holikaDahanDays(year).map((day) => day + 1),
    ),
  ),
];
