// What Cita says to a user writing in English.
import type { Messages } from "../messages.js";

export const messages = {
  agentFailed: "We could not read part of the message; could you repeat the date and time?",
  noAppointment: "We found no appointment in the message; which day would you like it?",
  dateMissing: "Which day would you like the appointment?",
  timeMissing: "What time would you like the appointment?",
  partOfDay: "What time exactly? You gave only a part of the day.",
  weekdayMismatch: "The weekday does not match the date; which one did you mean?",
  past: "That date and time are in the past.",
  nonexistentTime:
    "That time does not exist on that day because of the daylight-saving change; pick another.",
  repeatedTime:
    "That time occurs twice that day because of the daylight-saving change; we took the first one.",
  referenceUnresolved: "Which day or time do you mean? We could not find one mentioned earlier.",
  optionNotPicked: "Several options were offered; which one would you like?",
  readingsDisagree: "We read the message two different ways; which of the options did you mean?",
  invalidDate: "That date does not exist.",
  slotTaken: "That time is already taken.",
  outsideHours: "That time is outside the opening hours.",
  calendarClosed: "There are no appointments on that day.",
  offGrid: "That time does not fall on the calendar's appointment slots.",
  alternativesOffered: "Nearest free times:",
  noAlternatives: "There are no free times in the next two weeks.",
  freeTimesOffered: "Free times:",
  nothingFreeThen: "Nothing is free when you asked; the nearest free times:",
  wholeWeek: "Which day of that week suits you?",
  midnight: "Midnight at the start of that day or at its end?",
  placeAmbiguous: "There are several places with that name; which one do you mean?",
  timeWindow: "What time exactly? You gave a span of time to choose in.",
  rangeReversed: "The time range ends before it starts; how long should the appointment be?",
} as const satisfies Messages;
