import { readConfig } from "./src/config.js";
import { replyActs } from "./src/conversation/acts.js";
import { readMessages } from "./src/conversation/index.js";
import { readableConversation } from "./src/coordinator/context.js";
import { parseAppointment } from "./src/service.js";

const msgs = JSON.parse(process.argv[2]);
const now = process.argv[3] ?? "2019-03-01T10:00:00-08:00";
const readable = readableConversation(msgs, process.argv[4] ?? "en-US");
for (const r of readMessages(readable, Date.parse(now))) {
  console.log(
    r.role,
    r.intent,
    JSON.stringify(r.expressions.map((e) => [e.text, e.date, e.time, e.partOfDay])),
    r.contact,
    r.role === "user" ? JSON.stringify(replyActs(r.text, r.expressions)) : "",
  );
}
const r = await parseAppointment(
  { messages: msgs, now, locale: process.argv[4] ?? "en-US", timezone: "America/Los_Angeles" },
  { config: readConfig({}), requestId: "x" },
);
console.log(JSON.stringify({ ...r, meta: undefined }));
