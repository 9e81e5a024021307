// Reads the shell the documentation shows (README code blocks) into commands, the way bash would split
// them: words with quotes removed and variables expanded, backslash-newline continuing a line, comments
// dropped from the words but kept beside the command they follow, so a `# {...}` answer written under a
// command can be read as that command's documented output. Enough for `curl` examples: no pipes, globs,
// command substitution or word splitting of expanded variables.

export interface ShellCommand {
  words: string[];
  /** 1-based line of the command's first word in the script. */
  line: number;
  /** Whole-line comments right after the command, without their "#" and one space. */
  comments: string[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=([\s\S]*)$/;

/**
 * The script's commands. `scope` holds the variables (unset names expand to ""); a command made only of
 * assignments (`H='Authorization: Bearer '$TOKEN`) sets them in `scope`, for the commands after it and
 * for later scripts read with the same scope, as in one shell session.
 */
export function shellCommands(script: string, scope: Record<string, string> = {}): ShellCommand[] {
  const commands: ShellCommand[] = [];
  let words: string[] = [];
  let word: string | null = null;
  let line = 1;
  let commandLine = 1;
  /** Whether the current line has a word yet: a comment alone on its line belongs to the command above. */
  let lineHasWords = false;
  let lineHasComment = false;
  /** A blank line since the last command: comments after it are prose, not that command's output. */
  let blank = false;

  const endWord = () => {
    if (word === null) return;
    if (words.length === 0) commandLine = line;
    words.push(word);
    word = null;
  };
  const endCommand = () => {
    endWord();
    if (words.length === 0) return;
    const assignments = words.map((entry) => ASSIGNMENT.exec(entry));
    if (assignments.every((match) => match !== null)) {
      for (const match of assignments) scope[match![1]!] = match![2]!;
    } else {
      commands.push({ words, line: commandLine, comments: [] });
      blank = false;
    }
    words = [];
  };
  const expand = (from: number): { value: string; next: number } => {
    const braced = script[from] === "{";
    const rest = script.slice(braced ? from + 1 : from);
    const name = NAME.exec(rest)?.[0];
    if (name === undefined) return { value: "$", next: from };
    return { value: scope[name] ?? "", next: from + name.length + (braced ? 2 : 0) };
  };

  for (let index = 0; index < script.length; ) {
    const character = script[index]!;
    if (character === "\\" && script[index + 1] === "\n") {
      index += 2;
      line += 1;
    } else if (character === "\n") {
      endCommand();
      if (!lineHasWords && !lineHasComment) blank = true;
      index += 1;
      line += 1;
      lineHasWords = false;
      lineHasComment = false;
    } else if (character === " " || character === "\t") {
      endWord();
      index += 1;
    } else if (character === "#" && word === null) {
      const end = script.indexOf("\n", index);
      const comment = script.slice(index + 1, end === -1 ? script.length : end);
      if (!lineHasWords && !blank) commands.at(-1)?.comments.push(comment.replace(/^ /, ""));
      lineHasComment = true;
      index = end === -1 ? script.length : end;
    } else if (character === "'") {
      const end = script.indexOf("'", index + 1);
      if (end === -1) throw new Error(`line ${line}: unterminated single quote`);
      const quoted = script.slice(index + 1, end);
      word = (word ?? "") + quoted;
      line += quoted.split("\n").length - 1;
      lineHasWords = true;
      index = end + 1;
    } else if (character === '"') {
      let value = "";
      index += 1;
      while (index < script.length && script[index] !== '"') {
        const inside = script[index]!;
        if (inside === "\\" && '"\\$`'.includes(script[index + 1] ?? "")) {
          value += script[index + 1];
          index += 2;
        } else if (inside === "$") {
          const expanded = expand(index + 1);
          value += expanded.value;
          index = expanded.next;
        } else {
          if (inside === "\n") line += 1;
          value += inside;
          index += 1;
        }
      }
      if (index >= script.length) throw new Error(`line ${line}: unterminated double quote`);
      word = (word ?? "") + value;
      lineHasWords = true;
      index += 1;
    } else if (character === "$") {
      const expanded = expand(index + 1);
      word = (word ?? "") + expanded.value;
      lineHasWords = true;
      index = expanded.next;
    } else if (character === "\\") {
      word = (word ?? "") + (script[index + 1] ?? "");
      lineHasWords = true;
      index += 2;
    } else {
      word = (word ?? "") + character;
      lineHasWords = true;
      index += 1;
    }
  }
  endCommand();
  return commands;
}
