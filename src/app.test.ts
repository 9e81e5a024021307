// The app as a whole: what no route module answers is the app's 404 in the contract's error shape.
import { describe, it } from "vitest";
import { expectError } from "../test/support/answers.js";
import { loggedApp } from "../test/support/parse-requests.js";

describe("routes no module answers", () => {
  const { app } = loggedApp();

  it.each(["/index.html", "/v1/appointments", "/v1/appointments/parse/extra", "/v2/appointments/parse"])(
    "answers the unknown route %s with 404 not_found",
    async (path) => {
      await expectError(await app.request(path), 404, "not_found");
      await expectError(await app.request(path, { method: "POST" }), 404, "not_found");
    },
  );
});
