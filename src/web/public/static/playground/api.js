// @ts-check
// The one call the console's pages make to read text: POST /v1/appointments/parse on this origin with
// `"explain": true`. An error answer (the contract's {"error": {code, message, requestId}}) and a network
// failure both come back as a sentence to show, never as a thrown error.

export const PARSE_PATH = "/v1/appointments/parse";

/**
 * @typedef {{ ok: true, answer: import("./answer.js").Answer }
 *   | { ok: false, status: number | null, code: string, message: string, requestId: string | null }} Outcome
 */

/**
 * @param {Record<string, unknown>} request
 * @param {{ signal?: AbortSignal, requestId?: string }} [options]
 * @returns {Promise<Outcome>}
 */
export async function readText(request, options = {}) {
  let response;
  try {
    response = await fetch(PARSE_PATH, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(options.requestId ? { "x-request-id": options.requestId } : {}),
      },
      body: JSON.stringify({ ...request, explain: true }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    return { ok: false, status: null, code: "network", message: String(error), requestId: null };
  }
  /** @type {any} */
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (
    response.ok &&
    body !== null &&
    typeof body.appointment === "object" &&
    Array.isArray(body.ambiguities)
  ) {
    return { ok: true, answer: body };
  }
  const error = body?.error ?? {};
  return {
    ok: false,
    status: response.status,
    code: typeof error.code === "string" ? error.code : "",
    message: typeof error.message === "string" ? error.message : "",
    requestId: typeof error.requestId === "string" ? error.requestId : response.headers.get("x-request-id"),
  };
}
