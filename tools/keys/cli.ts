// `npm run keys -- create|list|revoke` (tools/keys.ts runs it): client keys (issue 16, item 1) from the command line. By default on
// the SQLite database the Node server uses (DATABASE_PATH, as `npm start` reads it); with --url, through a
// running Cita's admin API with ADMIN_TOKEN from the environment (a Workers/D1 deployment). A key's secret
// is printed once, at creation; nothing keeps it but its SHA-256.
import { parseArgs } from "node:util";
import type { ClientKey } from "../../src/calendars/types.js";
import { isLoopbackHost } from "../../src/config/edge.js";
import { readConfig } from "../../src/config.js";
import { issueKey } from "../../src/http/issue-key.js";
import { type NewKeyInput, NewKeySchema } from "../../src/http/schemas/keys.js";
import { formatAtOffset } from "../../src/temporal/zone.js";
import { type KeyClient, localClient, remoteClient } from "./clients.js";

export const USAGE = `Usage: npm run keys -- <command> [options]

Commands:
  create --name <name> --scope <scope> [--scope <scope>…] [--rate <action>=<per minute>…]
         scopes: parse, book, calendars, admin (a comma-separated list also works)
         actions: parse, duckling, booking
  list   every key, revoked ones too (never a secret)
  revoke <key id>

Options:
  --url <base>  act through a running Cita's admin API (https://cita.example), with ADMIN_TOKEN from the
                environment; without it, act on the local SQLite database (DATABASE_PATH, as npm start).
  --help        this text
`;

/** A mistake in the command line: the usage is shown and the exit code is 2. */
export class UsageError extends Error {}

export async function main(argv: string[], environment: NodeJS.ProcessEnv): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: "string" },
      scope: { type: "string", multiple: true },
      rate: { type: "string", multiple: true },
      url: { type: "string" },
      help: { type: "boolean" },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || command === undefined) {
    process.stdout.write(USAGE);
    return values.help ? 0 : 2;
  }
  const client = await clientFor(values.url, environment);
  try {
    if (command === "create") {
      const issued = await client.create(newKeyInput(values.name, values.scope ?? [], values.rate ?? []));
      process.stdout.write(
        `Created ${describe(issued.key)}\n` +
          "Secret, shown this once (Cita keeps only its SHA-256); send it as Authorization: Bearer:\n" +
          `${issued.secret}\n`,
      );
      return 0;
    }
    if (command === "list") {
      const keys = await client.list();
      process.stdout.write(
        keys.length === 0 ? "No client keys.\n" : keys.map((key) => `${describe(key)}\n`).join(""),
      );
      return 0;
    }
    if (command === "revoke") {
      if (rest.length !== 1)
        throw new UsageError("revoke takes one key id (npm run keys -- list shows them)");
      const key = await client.revoke(rest[0] as string);
      process.stdout.write(`Revoked ${describe(key)}\n`);
      return 0;
    }
    throw new UsageError(`unknown command "${command}"`);
  } finally {
    await client.close();
  }
}

async function clientFor(url: string | undefined, environment: NodeJS.ProcessEnv): Promise<KeyClient> {
  if (url !== undefined) {
    checkRemote(url);
    const token = environment.ADMIN_TOKEN?.trim();
    if (!token) throw new UsageError("--url needs ADMIN_TOKEN in the environment");
    return remoteClient(url, token);
  }
  const now = () => formatAtOffset(Date.now(), 0);
  return localClient(
    readConfig(environment).databasePath,
    (store, input) => issueKey(store, input, now()),
    now,
  );
}

/** The flag that sets each field of the admin API's body. */
const FLAGS: Record<string, string> = { name: "name", scopes: "scope", ratePerMinute: "rate" };

/** The flags as the admin API's body, validated by the same schema. */
function newKeyInput(name: string | undefined, scopes: string[], rates: string[]): NewKeyInput {
  const ratePerMinute: Record<string, number> = {};
  for (const rate of rates) {
    const match = /^([a-z]+)=(\d+)$/.exec(rate.trim());
    if (match === null)
      throw new UsageError(`--rate ${rate}: write it as <action>=<per minute>, e.g. parse=600`);
    ratePerMinute[match[1] as string] = Number(match[2]);
  }
  const parsed = NewKeySchema.safeParse({
    name,
    scopes: scopes.flatMap((scope) => scope.split(",")).map((scope) => scope.trim()),
    ...(rates.length > 0 ? { ratePerMinute } : {}),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? "name");
    throw new UsageError(`--${FLAGS[field] ?? field}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}

function describe(key: ClientKey): string {
  const rates = Object.entries(key.ratePerMinute).map(([action, rate]) => `${action}=${rate}/min`);
  return [
    key.id,
    JSON.stringify(key.name),
    `scopes ${key.scopes.join(",")}`,
    ...(rates.length > 0 ? [`rates ${rates.join(",")}`] : []),
    `created ${key.createdAt}`,
    ...(key.revokedAt === null ? [] : [`revoked ${key.revokedAt}`]),
  ].join("  ");
}

/**
 * --url must be https, or http to this machine only: the request carries ADMIN_TOKEN, and the answer a new
 * key's secret, which must not cross a network in clear.
 */
function checkRemote(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`--url: "${url}" is not a URL such as https://cita.example`);
  }
  const local = parsed.protocol === "http:" && isLoopbackHost(parsed.hostname);
  if (parsed.protocol !== "https:" && !local) {
    throw new UsageError(
      `--url: use https:// (${parsed.protocol}// is allowed only to this machine): ADMIN_TOKEN and the new secret would cross the network in clear`,
    );
  }
}
