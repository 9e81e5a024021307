// @ts-check
// The playground (GET /): reads the form's request through the service and shows the answer; the share
// link puts the request in the URL's fragment, and opening one fills the form and reads it.
import { element, replaceChildren } from "../dom.js";
import { showAnswer } from "./answer.js";
import { readText } from "./api.js";
import { fillForm, readForm, renderTurns, setUpForm } from "./form.js";
import { onLanguageChange, say, setUpLanguage } from "./language.js";
import { readShareFragment, shareFragment } from "./share.js";

/** @typedef {import("./share.js").SharedRequest} SharedRequest */

/** @param {string} id */
const part = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/** What the page shows, drawn again when the language changes. */
let shown = () => {
  part("status").textContent = say("status.idle");
};
/** Only the latest request's answer is shown, whichever comes back first. */
let latest = 0;

/** @param {SharedRequest} request */
async function read(request) {
  const ticket = ++latest;
  shown = () => {
    part("status").textContent = say("status.reading");
  };
  shown();
  part("status").dataset.state = "reading";
  replaceChildren(part("problem"));
  const outcome = await readText(request);
  if (ticket !== latest) return;
  const texts = request.messages ?? [{ content: request.text ?? "" }];
  if (outcome.ok) {
    const { answer } = outcome;
    shown = () => {
      showAnswer(answer, texts);
      part("status").textContent = say("status.done", {
        status: answer.status,
        intent: answer.intent,
        confidence: answer.confidence,
      });
    };
  } else {
    shown = () => {
      part("answer").hidden = true;
      part("status").textContent = say("error.heading");
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
  part("status").dataset.state = outcome.ok ? "done" : "failed";
  part("status").dataset.reads = String(Number(part("status").dataset.reads ?? 0) + 1);
}

/**
 * @param {string} sentence
 * @param {string | null} [requestId]
 */
function showProblem(sentence, requestId = null) {
  replaceChildren(
    part("problem"),
    element("h2", {}, say("error.heading")),
    element("p", { id: "problem-message" }, sentence),
    requestId ? element("p", { class: "hint" }, `X-Request-Id: ${requestId}`) : null,
  );
}

function share() {
  const fragment = shareFragment(readForm());
  history.replaceState(null, "", fragment);
  const link = /** @type {HTMLAnchorElement} */ (part("share-link"));
  link.href = fragment;
  part("share-output").hidden = false;
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
part("request-form").addEventListener("submit", (event) => {
  event.preventDefault();
  void read(readForm());
});
part("share").addEventListener("click", share);
window.addEventListener("hashchange", openShared);
onLanguageChange(() => {
  renderTurns();
  shown();
});
openShared();
