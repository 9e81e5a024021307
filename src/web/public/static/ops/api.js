// @ts-check
// The operations page's one way to the admin API: the token the operator typed, kept in this tab's session
// storage only (never local storage, never the URL), sent as a bearer token. A 401 or 403 is an AuthError,
// which sends the page back to its login form with the API's own message.
import { say } from "./language.js";

const TOKEN_KEY = "cita-ops-token";

/** @returns {string | null} */
export function storedToken() {
  return sessionStorage.getItem(TOKEN_KEY);
}

/** @param {string} token */
export function storeToken(token) {
  sessionStorage.setItem(TOKEN_KEY, token);
}

export function forgetToken() {
  sessionStorage.removeItem(TOKEN_KEY);
}

/** The API refused the token: the operator logs in again. */
export class AuthError extends Error {}

/** Any other answer that was not a 2xx, with the API's error code and message. */
export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {string} code
   * @param {string} message
   */
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/**
 * Calls the service with the stored token; the parsed JSON answer.
 * @param {string} method
 * @param {string} path
 * @param {unknown} [body]
 * @returns {Promise<any>}
 */
export async function call(method, path, body) {
  const response = await send(method, path, body);
  const answer = await response.json().catch(() => null);
  if (response.ok) return answer;
  throw refusal(response, answer);
}

/**
 * GETs a text the service writes (an incident's announcement in Markdown), with the stored token.
 * @param {string} path
 * @returns {Promise<string>}
 */
export async function callText(path) {
  const response = await send("GET", path);
  if (response.ok) return response.text();
  throw refusal(response, await response.json().catch(() => null));
}

/**
 * @param {string} method
 * @param {string} path
 * @param {unknown} [body]
 */
async function send(method, path, body) {
  const token = storedToken();
  if (token === null) throw new AuthError(say("login.needed"));
  /** @type {Record<string, string>} */
  const headers = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  return fetch(path, {
    method,
    headers,
    cache: "no-store",
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/**
 * The error for an answer that was not a 2xx: an AuthError for 401 and 403, else an ApiError.
 * @param {Response} response
 * @param {any} answer its JSON, or null
 */
function refusal(response, answer) {
  const code = answer?.error?.code ?? "error";
  const message = answer?.error?.message ?? say("error.status", { status: response.status });
  if (response.status === 401 || response.status === 403) {
    return new AuthError(say("login.refused", { status: response.status, code, message }));
  }
  return new ApiError(response.status, code, message);
}

/**
 * GET /health needs no token; its answer even when it says "degraded".
 * @returns {Promise<any>}
 */
export async function health() {
  const response = await fetch("/health", { cache: "no-store" });
  return response.json();
}
