// The conversation inside a prompt, as a model reads it. Cita frames one (prompts/conversation.ts) as
// <conversation> with a <message n=".." role=".."> block per message, after a <today> line with the date of
// the last message, and defuses its own tags inside a message (`<\/message`); this reads any attribute
// order and gives the messages back as written.
import type { ConversationMessage } from "../../src/coordinator/agent.js";

const FRAME = /<conversation>([\s\S]*)<\/conversation>/i;
const MESSAGE = /<message\b[^>]*?\brole="(user|assistant)"[^>]*>([\s\S]*?)<\/message>/gi;
const DEFUSED = /<\\(\/?\s*(?:message|conversation)\b)/gi;
const TODAY = /<today>[^<]*?(\d{4}-\d{2}-\d{2})[^<]*<\/today>/i;

/** The framed conversation's messages, oldest first; null when the prompt frames none. */
export function conversationOf(prompt: string): ConversationMessage[] | null {
  const frame = FRAME.exec(prompt);
  if (frame === null) return null;
  const messages = [...frame[1]!.matchAll(MESSAGE)].map(([, role, content]) => ({
    role: role!.toLowerCase() as ConversationMessage["role"],
    content: content!.replace(DEFUSED, "<$1"),
  }));
  return messages.length > 0 ? messages : null;
}

/** The date the prompt gives for the last message (`<today>`, before the conversation), or null. */
export function todayOf(prompt: string): string | null {
  const before = prompt.slice(0, Math.max(0, prompt.search(/<conversation>/i)));
  return TODAY.exec(before)?.[1] ?? null;
}
