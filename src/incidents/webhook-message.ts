// What the incident webhook posts (webhook.ts): a Slack-compatible incoming-webhook body whose `text` is the
// announcement (announcement.ts) in Slack's mrkdwn, under one line saying what changed. Slack has no
// backslash escape: `&`, `<` and `>` become entities (its own rule), and a formatting mark in a value is
// fenced with zero-width spaces so it cannot open bold, italics, strike or code; the value still reads the
// same. No `blocks`: a section block holds at most 3,000 characters, and `text` alone renders everywhere
// Slack's format is spoken (Slack, and the Slack-compatible endpoints of Mattermost, Rocket.Chat, Discord).
import { type AnnouncementStyle, composeAnnouncement } from "./announcement.js";
import { ANNOUNCEMENT_WORDS, type AnnouncementLanguage } from "./announcement-words.js";
import type { IncidentChange } from "./types.js";

const LINE_BREAKS = /[\p{Cc}\u2028\u2029]+/gu;
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };
const ZERO_WIDTH_SPACE = "\u200b";

export const SLACK_STYLE: AnnouncementStyle = {
  value: (text) =>
    text
      .replace(LINE_BREAKS, " ")
      .replace(/[&<>]/g, (mark) => ENTITIES[mark] ?? mark)
      .replace(/[*_~`]/g, (mark) => `${ZERO_WIDTH_SPACE}${mark}${ZERO_WIDTH_SPACE}`),
  bold: (text) => `*${text}*`,
  heading: (text) => `*${text}*`,
  item: (text, depth) => `${depth === 0 ? "•" : "    ◦"} ${text}`,
};

export interface WebhookBody {
  text: string;
}

/** The body posted for `change`, written at `now` in `language`. */
export function webhookBody(
  change: IncidentChange,
  language: AnnouncementLanguage,
  now: number,
): WebhookBody {
  const words = ANNOUNCEMENT_WORDS[language];
  const { incident } = change;
  const severity = SLACK_STYLE.value(incident.severity);
  const state = words.states[incident.state] ?? SLACK_STYLE.value(incident.state);
  const said = words.change[isUpdate(change) ? "update" : change.kind](severity, state);
  return { text: `${said}\n\n${composeAnnouncement(incident, language, now, SLACK_STYLE)}` };
}

/**
 * The runbook's 30-minute update: the manager sends it as a "state" change with nothing changed, after an
 * "announcement" entry in the timeline (manager.ts, record.ts addUpdate).
 */
function isUpdate(change: IncidentChange): boolean {
  return change.kind === "state" && change.incident.timeline.at(-1)?.event === "announcement";
}
