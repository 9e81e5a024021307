// Common English words, for telling languages apart (../detect.ts). English has no marks of its own.
import { words } from "../lists.js";
import type { Detection } from "../locale.js";

export const detection: Detection = {
  words:
    words(`the at with tomorrow today appointment appt book on for next my please pls i need want schedule
    meeting morning afternoon evening monday tuesday wednesday thursday friday saturday sunday can could would
    like to an in this week tonight hi hello thanks of and is it me you what how tmrw w/ dentist haircut get see
    set up am pm noon half past quarter o'clock january february march april june july august september
    october november december we our be have do there any`),
  marks: null,
  markWeight: 0,
};
