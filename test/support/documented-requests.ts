// The requests a Markdown document shows: every `curl` command of its sh code blocks, with the answer
// written beside it, either as `# {...}` comment lines under the command or as the ```json block right
// after the command's block (the answer of that block's last command).
import { type CurlRequest, curlRequest } from "./curl.js";
import { shellCommands } from "./shell.js";

export interface DocumentedRequest {
  /** 1-based line of the command in the document. */
  line: number;
  /** The command as documented, on one line. */
  command: string;
  request: CurlRequest;
  /** The documented answer, parsed; undefined when the document shows none. */
  answer?: unknown;
}

const FENCE = /^```([a-z]*)\n([\s\S]*?)^```$/gm;
const SHELL = new Set(["sh", "bash", "shell", "console"]);

export function documentedRequests(
  markdown: string,
  variables: Record<string, string> = {},
): DocumentedRequest[] {
  const fences = [...markdown.matchAll(FENCE)].map((fence) => ({
    language: fence[1]!,
    body: fence[2]!,
    start: fence.index,
    end: fence.index + fence[0].length,
    // The block's first line is the one after the opening fence.
    line: markdown.slice(0, fence.index).split("\n").length + 1,
  }));
  const found: DocumentedRequest[] = [];
  // One shell session for the whole document: a variable set in one block holds in the next.
  const scope = { ...variables };
  fences.forEach((fence, index) => {
    if (!SHELL.has(fence.language)) return;
    const requests = shellCommands(fence.body, scope)
      .filter((command) => command.words[0] === "curl")
      .map((command) => ({
        line: fence.line + command.line - 1,
        command: command.words.join(" "),
        request: curlRequest(command.words),
        ...answerOf(command.comments),
      }));
    const next = fences[index + 1];
    const last = requests.at(-1);
    if (
      last !== undefined &&
      last.answer === undefined &&
      next?.language === "json" &&
      markdown.slice(fence.end, next.start).trim() === ""
    ) {
      last.answer = JSON.parse(next.body);
    }
    found.push(...requests);
  });
  return found;
}

/** Comment lines that together are JSON are the command's answer; other comments are prose. */
function answerOf(comments: readonly string[]): { answer?: unknown } {
  const text = comments.join("\n").trim();
  if (!/^[[{]/.test(text)) return {};
  try {
    return { answer: JSON.parse(text) };
  } catch {
    return {};
  }
}
