// ADMIN_TOKEN, attacked where it is weakest: a one-character (or any shorter than 32 characters) token is
// refused at start-up by `node src/node.ts`, with a message that names the variable and never shows the
// value; a Worker given one fails every request, admin or not, rather than serve with it. A 32-character
// token starts, and guesses of it (short ones included) are answered 401.
import { afterAll, describe, expect, it } from "vitest";
import worker from "../../src/worker.js";
import { ENTRY_TEST_TIMEOUT_MS, launchNode, runNodeEntry, stopAll } from "../support/node-entry.js";

const REFUSAL = "cita: invalid configuration: ADMIN_TOKEN: must be at least 32 characters long";

afterAll(stopAll);

describe("node src/node.ts", { timeout: ENTRY_TEST_TIMEOUT_MS }, () => {
  it.each([
    ["one character", "§"],
    ["31 characters", "short-admin-secret-4f2a-0123456"],
  ])("refuses to start with a token of %s, naming the variable and not the value", async (_name, token) => {
    const outcome = await runNodeEntry({ ADMIN_TOKEN: token });
    expect(outcome.url).toBeNull();
    expect(outcome.exitCode).toBe(1);
    expect(outcome.output).toContain(REFUSAL);
    expect(outcome.output).not.toContain(token);
  });

  it("starts with 32 characters, takes the token and refuses guesses 401", async () => {
    const token = "admin-token-0123456789abcdef-0123".slice(0, 32);
    expect(token).toHaveLength(32);
    const node = await launchNode({ ADMIN_TOKEN: token });
    const admin = (authorization: string) =>
      fetch(`${node.url}/admin/models`, { headers: { authorization } });
    expect((await admin(`Bearer ${token}`)).status).toBe(200);
    for (const guess of ["x", "s3cret", token.slice(0, 31), `${token}x`, token.toUpperCase()]) {
      const response = await admin(`Bearer ${guess}`);
      expect(response.status, guess).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: "unauthorized" } });
    }
    expect(node.output()).not.toContain(token);
  });
});

describe("the Worker (src/worker.ts's fetch, as workerd calls it)", () => {
  it("fails every request with a clear error naming ADMIN_TOKEN, and logs why without the value", async () => {
    const logged: string[] = [];
    const original = console.error;
    console.error = (line: string) => logged.push(line);
    try {
      for (const path of ["/health", "/admin/router", "/v1/appointments/parse"]) {
        const response = await worker.fetch(
          new Request(`https://cita.example${path}`),
          { ADMIN_TOKEN: "s3cret" },
          {},
        );
        expect(response.status, path).toBe(500);
        const body = (await response.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toBe("internal");
        expect(body.error.message).toBe("Cita is misconfigured (ADMIN_TOKEN); the Worker's log says why.");
      }
    } finally {
      console.error = original;
    }
    expect(logged.join("\n")).toContain("ADMIN_TOKEN: must be at least 32 characters long");
    expect(logged.join("\n")).not.toContain("s3cret");
  });
});
