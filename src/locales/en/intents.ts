// How English writes a reschedule, a cancel and a question about free times (rule 22), folded (lower case),
// and the words that tell a reschedule's existing appointment from its new slot. Verbs that mean other
// things too ("move", "change", "push") count only with an appointment, a time or a pronoun as their
// object: "I'm moving to Boston" and "oil change" move nothing. Phones type "can’t" with a curly apostrophe.
import { words } from "../lists.js";
import type { IntentWording } from "../locale.js";

const OBJECT = "(?:it|my|the|our|this|that|your|me|us|tomorrow|today|tomorrow's|today's)\\b";
const NOUN = "(?:appointment|appt|apt|booking|reservation|slot|time|date|day|session|visit|meeting)";
const CANNOT = "(?:can[’']?t|cannot|can not|won[’']?t|wont|will not|unable to)";
const FREE_THING = "(?:openings?|availability|slots?|spots?|time|room|space|appointments?|vacanc(?:y|ies))";

export const intentWording: IntentWording = {
  reschedule: [
    "re-?sched(?:ule|uled|ules|uling)?",
    "re-?book(?:ed|s|ing)?",
    "postpon(?:e|ed|es|ing)",
    "push(?:ed|ing)? (?:back|it|my|the|our|this|that)\\b",
    "push(?:ed|ing)? ... back",
    "bring(?:ing)? ... forward",
    `mov(?:e|ed|ing) ${OBJECT}`,
    "chang(?:e|ed|ing) (?:it|this|that)\\b",
    `chang(?:e|ed|ing) (?:my|the|our) ... ${NOUN}`,
    "chang(?:e|ed|ing) my [0-9]",
    "(?:chang|switch|mov)(?:e|ed|ing)? (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|[0-9])",
    "(?:switch|swap|shift)(?:ed|ing|ping)? (?:it|my|the|our|this|that)\\b",
  ],
  cancel: [
    "cancel(?:s|ed|led|ing|ling)?",
    "un-?book",
    "call(?:ed|ing)? off",
    "call(?:ed|ing)? ... off",
    `${CANNOT} (?:be able to )?make (?:it|my|the|our|this|that)\\b`,
    "(?:not|never) (?:going to|gonna) make (?:it|my|the|our)\\b",
    `${CANNOT} (?:be able to )?(?:come|attend|go|be there)\\b(?! (?:before|after|until|till|earlier|later|in the)\\b)`,
    "won[’']?t be (?:coming|attending|there)",
    "(?:drop|remove|delete|scrap|scratch|void) (?:my|the|our|this|that) ... (?:appointment|appt|apt|booking|reservation|session|visit)",
    "no longer (?:need|want|require) (?:my|the|our|this|that) ... (?:appointment|appt|apt|booking|reservation|slot|session)",
  ],
  availability: [
    `any ${FREE_THING}`,
    "anything (?:open|available|free|left|on|for|tomorrow|today|earlier|later|sooner|this|next)",
    "openings?",
    "vacanc(?:y|ies)",
    "availability",
    `(?:do|does|would|will|did) ... have (?:anything|any ${FREE_THING}|a slot|an opening|an appointment|a spot|time|room|space|something|availability|openings)`,
    `(?:have|has) ... got (?:anything|any ${FREE_THING}|a slot|an opening|time|room|space|something)`,
    "got anything",
    "(?:what|which) (?:times|time slots|slots|days|hours|openings|appointments) (?:do|are|does|have|would|could|can|is|you|they)",
    "what time (?:do you have|are you|is (?:free|available|open)|works|would work|can i come|could i come|slots)",
    "what(?:[’']s| is) (?:available|free|open)",
    "what (?:do|does) ... have",
    "when (?:is|are|does|do) ... (?:free|available|open)",
    "when (?:can|could) i (?:come|get in|book|see)",
    "when (?:do you have|is the next|is your next)",
    "(?:earliest|next|first|soonest) (?:available|opening|free|open)",
    "(?:free|available|open) (?:slots?|times?|spots?|appointments?)",
    `(?:is|are) there (?:any ${FREE_THING}|anything|a slot|an opening|a spot|room|space|availability|time|something)`,
  ],
  availabilityWithDate: ["(?:is|are|[’']s) ... (?:free|available|open)"],
  booking: [
    "book",
    "schedule (?:me|us|a|an|another|it)\\b",
    "make (?:a|an|another) (?:appointment|appt|booking|reservation)",
    "set up (?:a|an|another) (?:appointment|appt|meeting|session)",
    "(?:i[’']?d|i would) like (?:a|an|another|to book|to come|to schedule|to make)\\b",
    "i (?:want|need) (?:a|an|another|to book|to schedule|to come)\\b",
    "reserve",
    "(?:put|get|fit|squeeze|pencil|sign) (?:me|us) (?:down|in|up)",
  ],
  proposal: [
    "how about",
    "what about",
    "(?:can|could) (?:we|you) (?:do|make it)",
    "(?:can|could) it be",
    "let[’']?s (?:do|make it|say)",
    "make it",
    "instead",
    "i(?:[’']?d)? prefer",
    "rather",
  ],
  negation: words(`not never no don't dont can't cant won't wont didn't didnt doesn't doesnt isn't wouldn't
    shouldn't couldn't`),
  previousSlot: [
    "from",
    "instead of",
    "rather than",
    "my",
    "our",
    "i have",
    "i[’']ve got",
    "i got",
    "i had",
    "we have",
    "currently",
    "originally",
    "(?:booked|scheduled|set) for",
    "(?:is|was) (?:on|at|for)",
  ],
  nextSlot: ["to", "for", "till", "until", "into"],
  dayBefore: [],
};
