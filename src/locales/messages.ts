// The messages Cita sends back to users, by key. Each locale gives every one (its messages.ts satisfies
// `Messages`), so a missing translation is a type error, not an English fallback.
export const MESSAGE_KEYS = [
  "agentFailed",
  "noAppointment",
  "dateMissing",
  "timeMissing",
  "partOfDay",
  "weekdayMismatch",
  "past",
  "nonexistentTime",
  "repeatedTime",
  "readingsDisagree",
  "invalidDate",
  "slotTaken",
  "outsideHours",
  "calendarClosed",
  "offGrid",
  "alternativesOffered",
  "noAlternatives",
  "referenceUnresolved",
  "optionNotPicked",
  "freeTimesOffered",
  "nothingFreeThen",
  "wholeWeek",
  "midnight",
  "placeAmbiguous",
  "timeWindow",
  "rangeReversed",
] as const;

export type MessageKey = (typeof MESSAGE_KEYS)[number];

export type Messages = Readonly<Record<MessageKey, string>>;
