// `npm run keys -- …`: creates, lists and revokes client keys (tools/keys/cli.ts; `--help` says how). Exit
// codes: 0 done, 1 failed (the message says why), 2 a mistake in the command line (the usage follows).
import { main, USAGE, UsageError } from "./keys/cli.js";

try {
  process.exitCode = await main(process.argv.slice(2), process.env);
} catch (error) {
  const usage =
    error instanceof UsageError || String((error as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS");
  process.stderr.write(`keys: ${(error as Error).message}\n${usage ? `\n${USAGE}` : ""}`);
  process.exitCode = usage ? 2 : 1;
}
