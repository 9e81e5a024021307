// The English words the field readers look for (contact, service, place, intent), folded: lower case, no
// accents. See FieldVocabulary (../locale.ts) for what each list is for; the wordings of rule 22
// (reschedule, cancel, availability) are in ./intents.ts.
import { phrases, words } from "../lists.js";
import type { FieldVocabulary } from "../locale.js";
import { intentWording } from "./intents.js";

export const fields: FieldVocabulary = {
  contact: {
    titles: words("dr doctor prof mr mrs ms miss mx nurse coach"),
    roleTitles: words("doctor nurse coach"),
    with: ["with", "w/"],
    articles: words("my the our a an this that these those your his her their next last every each"),
    relations:
      words(`mom mum dad mother father wife husband boyfriend girlfriend boss team family friends friend
      kids son daughter everyone everybody someone anyone nobody them him her you us client clients colleagues
      coworkers manager partner brother sister grandma grandpa staff group person people love honey babe these
      those this that all some any every each human insurance medicare medicaid card cash referral parents parent
      uncle aunt cousin niece nephew grandparents children child baby men women ladies`),
    // "meeting" is the verb after a form of "be" ("am i meeting john", "we're meeting sam").
    personVerbs: phrases(`call|calling|ring|phone|text|meet|see|visit|invite|email|message|ask|tell|i meeting|
      am meeting|i'm meeting|im meeting|are meeting|we're meeting`),
    occasions: words("birthday bday anniversary funeral retirement"),
    occasionOf: ["of"],
    calendarNouns:
      words(`event events calendar calendars schedule agenda reminder reminders alarm alert alerts
      notification notifications time times start end date dates location place details notes description title
      link invite invites invitation list upcoming entry entries appointment appointments appt appts meeting
      meetings session sessions call calls message messages text texts email emails`),
  },
  service: {
    phrases: phrases(`dental cleaning|teeth cleaning|eye exam|eye test|eye doctor|blood test|blood work|
      therapy session|physical therapy|oil change|beard trim|flu shot|haircut|hair cut|trim|dentist|orthodontist|
      pediatrician|dermatologist|optometrist|ophthalmologist|therapist|therapy|counseling|counselling|
      psychologist|psychiatrist|physiotherapy|physio|chiropractor|massage|manicure|pedicure|nails|facial|waxing|
      checkup|check-up|physical|vaccination|vaccine|x-ray|ultrasound|cleaning|consultation|accountant|lawyer|
      attorney|vet|veterinarian|mechanic|interview|tutoring|lesson|nutritionist|dietitian|cardiologist|
      gynecologist|hairdresser|barber|stylist|gp|doctor|nurse|physician|podiatrist|optician|tax advisor|
      financial advisor|car service|plumber|electrician|handyman|tutor|personal trainer`),
    requestNouns: words("appointment appt booking"),
    for: ["for"],
    articles: words("a an my the"),
  },
  place: {
    prepositions: words("in at near location venue"),
    articles: words("the a an my our"),
    joiners: words("of on and"),
    nameJoiners: words("of the and on in"),
    nameArticles: ["the"],
    venues: words(`clinic office offices branch studio gym school university pharmacy lab store shop mall
      building tower restaurant center centre medical practice surgery downtown uptown midtown`),
    streetsBefore: [],
    streetsAfter: words("street st avenue ave road rd boulevard blvd lane drive way"),
    notPlaces:
      words(`calendar calender agenda schedule diary planner reminder reminders remainder list lists notes
      phone email inbox app advance time person general case order fact touch mind progress total charge
      following coming same meantime future work one two three four five six seven eight nine ten eleven twelve
      thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty half couple
      few bit while moment minute minutes event events calendars month months location clock sometime start end
      beginning middle`),
    notBefore: words(`look looks looking looked stare staring laugh laughing good bad great turn turned hand
      handed fill filled log logged sign signed interested involved participate`),
  },
  intent: {
    appointment:
      phrases(`appointment|appt|apt|book|booking|schedule|reschedule|reserve|reservation|slot|meeting|
      session|visit|consultation|see dr|see the|see my|check-?up|event|events|calendar|party|dinner|lunch|brunch|concert|match|remind me|reminder`),
    smallTalk: phrases("weather|rain|raining|forecast|temperature|how are you|lol|joke|who are you"),
    courtesy: phrases(
      "thanks|thank you|see you|bye|good morning|good afternoon|good evening|good night|hello|hi|hey",
    ),
    wording: intentWording,
  },
  stopwords:
    words(`the an at on in for to with and or of my your our his her their this that next tomorrow today
    tonight yesterday morning afternoon evening night noon midnight week day days hour hours minutes please pls
    thanks monday tuesday wednesday thursday friday saturday sunday january february march april june july
    august september october november december appointment appt book schedule from around about by before after
    is it me w tmrw asap have has got any anything available free open if whether are was were be been will would
    can could should shall do does did not so but then than when where what who whom whose why how which there
    here i we they he she only just also more most up back out off over down etc let month months year years later soon now again everyday daily weekly monthly first every each booked reserved scheduled`),
  dialects: {
    AU: phrases("arvo|brekkie|servo|bottle-o|this arvo"),
    GB: phrases("innit|quid|fortnight|cheers mate"),
    US: phrases("y'all|yall"),
    IN: phrases("prepone|preponed|do the needful"),
  },
  choices: {
    after: phrases(
      "after|anytime after|any time after|later than|not before|no earlier than|not earlier than",
    ),
    before: phrases("before|anytime before|any time before|no later than|not later than|not after"),
    afterFollowing: phrases("onwards|onward|or later|and later|or after"),
    beforeFollowing: phrases("or earlier|or before"),
    replace: phrases(`actually|i mean|i meant|sorry|make it|or rather|scratch that|no wait|wait|correction|
      change that to|change it to|better make it|let's say|lets say|no`),
    negate: phrases("not|no|never"),
    or: phrases("or|either"),
    notAlternative: phrases("rather|so|something|whatever|whichever|later|earlier|before|after|not|else"),
  },
};
