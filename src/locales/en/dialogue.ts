// How English speakers answer in a chat: accepting, refusing, picking an option, referring back, and how an
// assistant asks for the user's own name. Folded (lower case, no accents); see DialogueVocabulary.
import { phrases } from "../lists.js";
import type { DialogueVocabulary } from "../locale.js";

export const dialogue: DialogueVocabulary = {
  accept:
    phrases(`yes|yess|yes please|yeah|yea|yep|yup|ya|sure|sure thing|ok|okay|okey|k|kk|alright|all right|
    perfect|great|sounds good|sounds great|sounds perfect|sounds fine|that works|works for me|that would work|
    that will work|that suits|suits me|that's fine|thats fine|that is fine|fine|fine by me|correct|that's correct|
    thats correct|that is correct|that's right|thats right|right|exactly|confirm|confirmed|i confirm|please do|
    go ahead|do it|book it|lovely|brilliant|cheers|grand|ta|cool|absolutely|definitely|of course|good|very good|
    that'd be great|that would be great|awesome|excellent|deal|done|yes that works|yes correct|affirmative|
    i'll take it|ill take it|i will take it|let's do it|lets do it|let's do that|lets do that|that one|works|
    fantastic|super|terrific|wonderful|amazing|nice|you got it|got it|that will do|that'll do|will do|would work|
    all good|positive|spot on|exactly what i want|exactly what i wanted|right on|you've got it|youve got it|
    you got it right|perfecto|yes sir|yes maam|indeed|certainly|agreed|good to go|sounds about right|
    sound correct|sound good|sound right|sounds correct|sounds right|impeccable|that's it|thats it|that is it|
    as i instructed|as i said|no problem|no worries|that's what i want|that is what i want|precisely|bingo|yass|yas`),
  reject: phrases(`no|nope|nah|no thanks|no thank you|not really|doesn't work|does not work|doesnt work|
    won't work|wont work|can't|cant|cannot|can not|i can't make|not possible|not available|that's no good|
    neither|none of those|none of them|anything later|something later|anything earlier|something earlier|
    any other|another time|another day|different time|different day`),
  refuseValue: phrases(`doesn't work|does not work|doesnt work|won't work|wont work|not possible|no good|
    i can't do|i cant do|i cannot do|can't do|cant do|i can't make|i cant make|can't make|cant make|is out|
    is a no|won't do|wont do|not going to work|isn't good|is not good|not good for me`),
  cancelOutright: phrases(
    "cancel|cancelled|canceled|cancelling|canceling|call off|call it off|delete|drop it",
  ),
  ordinals: { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, last: -1, former: 1, latter: -1 },
  sameDay: phrases("that day|that date|that same day|the same day|same day|on that day|that very day"),
  sameTime: phrases("same time|the same time|that time|at that time|that same time"),
  dayAfter: phrases("the day after|the next day|the following day|day after that|next day"),
  unavailable: phrases(`unable|not available|unavailable|no availability|couldn't|could not|can't|cannot|
    booked up|fully booked|is taken|already taken|was taken|no openings|no slots|failed|no longer|not free|isn't free|
    is full|no room|closed|not open|already booked|is booked|been booked|is gone|taken|don't have|do not have|doesn't have|does not have`),
  fillers:
    phrases(`please|pls|plz|thanks|thank you|thx|ty|then|for me|to me|perfectly|so|and|it|its|it's|that|
    thats|that's|this|is|would|will|be|seems|sounds|looks|very|really|totally|all|me|oh|ah|um|uh|hmm|well|just|
    indeed|that one|one|mate|man|buddy|love|time|all of that|everything|you've|you|you're|youre|got|exactly|
    this is|as|me|for|to|do|does|did|what|i|want|wanted`),
  existing: phrases(`i have an appointment|i have appointment|i have a booking|i've got an appointment|
    ive got an appointment|i got an appointment|i'm booked|im booked|i am booked|already have|my appointment|
    my booking|my appt|my reservation|my session|i had an appointment|i had a booking|i have a|i've got a|
    ive got a|i got a|i'm down for|im down for|i'm scheduled|im scheduled|i am scheduled`),
  askName:
    phrases(`your name|name for the booking|name for the appointment|name on the booking|who is the appointment for|
    who's the appointment for|who will be attending|who is it for|under what name|under which name|full name`),
};
