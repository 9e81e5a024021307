// @ts-check
// The playground (GET /): reads the form's request through the service and shows the answer; the share
// link puts the request in the URL's fragment, and opening one fills the form and reads it.
import { byId, element, replaceChildren } from "../dom.js";
import { showAnswer } from "./answer.js";
import { readText } from "./api.js";
import { fillForm, readForm, renderTurns, setUpForm } from "./form.js";
import { onLanguageChange, say, setUpLanguage } from "./language.js";
import { readShareFragment, shareFragment } from "./share.js";

/** @typedef {import("./share.js").SharedRequest} SharedRequest */

/** What the page shows, drawn again when the language changes. */
let shown = () => {
  byId("status").textContent = say("status.idle");
};
/** Only the latest request's answer is shown, whichever comes back first. */
let latest = 0;

/** @param {SharedRequest} request */
async function read(request) {
  const ticket = ++latest;
  shown = () => {
    byId("status").textContent = say("status.reading");
  };
  shown();
  byId("status").dataset.state = "reading";
  replaceChildren(byId("problem"));
  const outcome = await readText(request);
  if (ticket !== latest) return;
  const texts = request.messages ?? [{ content: request.text ?? "" }];
  if (outcome.ok) {
    const { answer } = outcome;
    shown = () => {
      showAnswer(answer, texts);
      byId("status").textContent = say("status.done", {
        status: answer.status,
        intent: answer.intent,
        confidence: answer.confidence,
      });
    };
  } else {
    shown = () => {
      byId("answer").hidden = true;
      byId("status").textContent = say("error.heading");
      const sentence =
        outcome.status === null
          ? say("error.network", { message: outcome.message })
          : say("error.http", {
              status: outcome.status,
              code: outcome.code,
              message: outcome.message || say("error.body"),
            });
      showProblem(sentence, outcome.requestId);
    };
  }
  shown();
  // For whoever waits on the page (the browser tests): how many reads have ended, and how the last did.
  byId("status").dataset.state = outcome.ok ? "done" : "failed";
  byId("status").dataset.reads = String(Number(byId("status").dataset.reads ?? 0) + 1);
}

/**
 * @param {string} sentence
 * @param {string | null} [requestId]
 */
function showProblem(sentence, requestId = null) {
  replaceChildren(
    byId("problem"),
    element("h2", {}, say("error.heading")),
    element("p", { id: "problem-message" }, sentence),
    requestId ? element("p", { class: "hint" }, `X-Request-Id: ${requestId}`) : null,
  );
}

function share() {
  const fragment = shareFragment(readForm());
  history.replaceState(null, "", fragment);
  const link = /** @type {HTMLAnchorElement} */ (byId("share-link"));
  link.href = fragment;
  byId("share-output").hidden = false;
  navigator.clipboard?.writeText(location.href).catch(() => {
    // The link is on the page to copy by hand when the clipboard is refused.
  });
}

function openShared() {
  let request;
  try {
    request = readShareFragment(location.hash);
  } catch (error) {
    shown = () =>
      showProblem(say("error.share", { message: error instanceof Error ? error.message : String(error) }));
    shown();
    return;
  }
  if (request === null) return;
  fillForm(request);
  void read(request);
}

setUpLanguage();
setUpForm();
shown();
byId("request-form").addEventListener("submit", (event) => {
  event.preventDefault();
  void read(readForm());
});
byId("share").addEventListener("click", share);
window.addEventListener("hashchange", openShared);
onLanguageChange(() => {
  renderTurns();
  shown();
});
openShared();
