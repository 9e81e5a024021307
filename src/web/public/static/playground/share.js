// @ts-check
// The share link: the whole request as base64url of its JSON after "#request=", so a QA report can link to a
// case and nothing of it reaches a server log (browsers never send the fragment). Reading one back checks
// its shape; its values only ever become form values, never markup.

const PREFIX = "#request=";

/**
 * @typedef {{ role: "user" | "assistant", content: string }} Turn
 * @typedef {{ text?: string, messages?: Turn[], locale?: string, timezone?: string, now?: string,
 *   mode?: string, calendarId?: string }} SharedRequest
 */

/**
 * @param {SharedRequest} request
 * @returns {string} the fragment, "#request=…"
 */
export function shareFragment(request) {
  const bytes = new TextEncoder().encode(JSON.stringify(request));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return PREFIX + btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * The request a fragment carries; null when the fragment is not a share link; throws with a reason when it
 * is one but cannot be read.
 * @param {string} fragment location.hash
 * @returns {SharedRequest | null}
 */
export function readShareFragment(fragment) {
  if (!fragment.startsWith(PREFIX)) return null;
  const encoded = fragment.slice(PREFIX.length).replace(/-/g, "+").replace(/_/g, "/");
  let value;
  try {
    const binary = atob(encoded);
    const bytes = Uint8Array.from(binary, (character) => character.charCodeAt(0));
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new Error("not base64url of JSON");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error("not an object");
  /** @type {SharedRequest} */
  const request = {};
  if (Array.isArray(value.messages)) {
    request.messages = value.messages.map(turnOf);
  } else if (typeof value.text === "string") {
    request.text = value.text;
  } else {
    throw new Error("neither text nor messages");
  }
  for (const key of /** @type {const} */ (["locale", "timezone", "now", "mode", "calendarId"])) {
    if (value[key] === undefined) continue;
    if (typeof value[key] !== "string") throw new Error(`${key} is not a string`);
    request[key] = value[key];
  }
  return request;
}

/**
 * @param {unknown} turn
 * @returns {Turn}
 */
function turnOf(turn) {
  if (typeof turn !== "object" || turn === null) throw new Error("a message is not an object");
  const { role, content } = /** @type {{ role?: unknown, content?: unknown }} */ (turn);
  if ((role !== "user" && role !== "assistant") || typeof content !== "string") {
    throw new Error("a message needs a role (user or assistant) and a content");
  }
  return { role, content };
}
