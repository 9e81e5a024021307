// The README reader at its edges: shell quoting, continuations, variables, comments as answers, curl's
// defaults, and an answer block that belongs to the command above it only when nothing comes between.
import { describe, expect, it } from "vitest";
import { curlRequest } from "./curl.js";
import { documentedRequests } from "./documented-requests.js";
import { shellCommands } from "./shell.js";

describe("shellCommands", () => {
  it("splits words as bash does: quotes, continuations, multi-line single quotes, variables", () => {
    const scope: Record<string, string> = { TOKEN: "t0k" };
    // biome-ignore lint/suspicious/noTemplateCurlyInString: shell's braced expansion, not a template
    const braced = "${TOKEN}";
    const script = [
      "H='Authorization: Bearer '$TOKEN",
      'curl -s http://x/a -H "$H" \\',
      `  -d '{"a":1,`,
      `  "b":"c\\d"}' -H "Note: \\"${braced}\\" costs \\$1"   # trailing, not an answer`,
    ].join("\n");
    const [command] = shellCommands(script, scope);
    expect(command?.words).toEqual([
      "curl",
      "-s",
      "http://x/a",
      "-H",
      "Authorization: Bearer t0k",
      "-d",
      '{"a":1,\n  "b":"c\\d"}',
      "-H",
      'Note: "t0k" costs $1',
    ]);
    expect(command?.line).toBe(2);
    expect(command?.comments).toEqual([]);
    expect(scope.H).toBe("Authorization: Bearer t0k");
  });

  it("keeps the whole-line comments under a command, but not after a blank line", () => {
    const commands = shellCommands('curl a\n# {"x":\n#  1}\n\n# prose\ncurl b\n');
    expect(commands.map((command) => command.comments)).toEqual([['{"x":', " 1}"], []]);
  });
});

describe("curlRequest", () => {
  it("sends -d as a form POST unless told otherwise, --data-urlencode encoding the value only", () => {
    expect(
      curlRequest(["curl", "localhost:8787/parse", "--data-urlencode", "text=3 pm & more", "-d", "tz=UTC"]),
    ).toEqual({
      method: "POST",
      url: "http://localhost:8787/parse",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "text=3%20pm%20%26%20more&tz=UTC",
    });
    expect(
      curlRequest([
        "curl",
        "-s",
        "-X",
        "PUT",
        "http://a/b",
        "-H",
        "Content-Type: application/json",
        "-d",
        "{}",
      ]),
    ).toEqual({
      method: "PUT",
      url: "http://a/b",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(curlRequest(["curl", "http://a/health"])).toEqual({
      method: "GET",
      url: "http://a/health",
      headers: {},
    });
  });

  it("refuses what it would not send as curl does", () => {
    expect(() => curlRequest(["curl", "-k", "http://a"])).toThrow("curl option -k is not supported here");
    expect(() => curlRequest(["curl", "-H", "nocolon", "http://a"])).toThrow('"Name: value"');
    expect(() => curlRequest(["curl", "-s"])).toThrow("without a URL");
  });
});

describe("documentedRequests", () => {
  it("takes a json block as the answer of the shell block's last curl, only right after it", () => {
    const markdown = [
      "```sh",
      "curl -s http://h/one",
      "curl -s http://h/two",
      "```",
      "",
      "```json",
      '{"two": true}',
      "```",
      "```sh",
      "curl -s http://h/three",
      '# {"three": true}',
      "```",
      "Some prose.",
      "```json",
      '{"not": "an answer"}',
      "```",
    ].join("\n");
    expect(
      documentedRequests(markdown).map(({ line, request, answer }) => [line, request.url, answer]),
    ).toEqual([
      [2, "http://h/one", undefined],
      [3, "http://h/two", { two: true }],
      [10, "http://h/three", { three: true }],
    ]);
  });
});
