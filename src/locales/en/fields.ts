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
    articles: words("my the our"),
    relations:
      words(`mom mum dad mother father wife husband boyfriend girlfriend boss team family friends friend
      kids son daughter everyone everybody someone anyone nobody them him her you us client clients colleagues
      coworkers manager partner brother sister grandma grandpa staff group person people love honey babe these
      those this that all some any every each human insurance medicare medicaid card cash referral`),
  },
  service: {
    phrases: phrases(`dental cleaning|teeth cleaning|eye exam|eye test|eye doctor|blood test|blood work|
      therapy session|physical therapy|oil change|beard trim|flu shot|haircut|hair cut|trim|dentist|orthodontist|
      pediatrician|dermatologist|optometrist|ophthalmologist|therapist|therapy|counseling|counselling|
      psychologist|psychiatrist|physiotherapy|physio|chiropractor|massage|manicure|pedicure|nails|facial|waxing|
      checkup|check-up|physical|vaccination|vaccine|x-ray|ultrasound|cleaning|consultation|accountant|lawyer|
      attorney|vet|veterinarian|mechanic|interview|tutoring|lesson|nutritionist|dietitian|cardiologist|
      gynecologist|hairdresser|barber|stylist|gp|doctor|nurse|physician|podiatrist|optician|tax advisor|
      financial advisor|car service`),
    requestNouns: words("appointment appt booking"),
    for: ["for"],
    articles: words("a an my the"),
  },
  place: {
    prepositions: words("in at near"),
    articles: words("the a an my our"),
    joiners: words("of on and"),
    nameJoiners: words("of the and on in"),
    nameArticles: ["the"],
    venues: words(`clinic office offices branch studio gym school university pharmacy lab store shop mall
      building tower restaurant center centre medical practice surgery downtown uptown midtown`),
    streetsBefore: [],
    streetsAfter: words("street st avenue ave road rd boulevard blvd lane drive way"),
  },
  intent: {
    appointment:
      phrases(`appointment|appt|apt|book|booking|schedule|reschedule|reserve|reservation|slot|meeting|
      session|visit|consultation|see dr|see the|see my|check-?up`),
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
    is it me w tmrw asap have has got any anything available free open`),
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
