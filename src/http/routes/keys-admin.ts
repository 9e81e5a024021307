// Client keys over the admin API (issue 16, item 1): POST /admin/keys creates one and answers its secret
// once, GET lists them without secrets, DELETE /admin/keys/:keyId revokes one. Behind the admin check
// (ADMIN_TOKEN or an `admin` key); keys live in the calendar store, so without one these answer 503.
import { type Context, Hono, type MiddlewareHandler } from "hono";
import type { CalendarStore } from "../../calendars/store.js";
import { formatAtOffset } from "../../temporal/zone.js";
import type { AppEnv } from "../env.js";
import { ApiError, methodNotAllowed } from "../errors.js";
import { issueKey } from "../issue-key.js";
import type { KeyRing } from "../key-ring.js";
import { KEY_ID, NewKeySchema } from "../schemas/keys.js";
import { readJsonBody, validate } from "../validation.js";
import { storeOf } from "./calendar-access.js";

export const KEYS_PATH = "/admin/keys";
export const KEY_PATH = "/admin/keys/:keyId";

export interface KeysAdminOptions {
  admin: MiddlewareHandler<AppEnv>;
  store: CalendarStore | undefined;
  /** Forgotten after every change, so this process sees it at once. */
  keys: KeyRing;
  clock?: () => number;
  onChange?: (change: string) => void;
}

export function keysAdminRoutes(options: KeysAdminOptions): Hono<AppEnv> {
  const { admin, keys } = options;
  const store = storeOf(options.store);
  const now = () => formatAtOffset((options.clock ?? Date.now)(), 0);
  const routes = new Hono<AppEnv>();

  routes.post(KEYS_PATH, admin, async (context) => {
    const input = validate(NewKeySchema, await readJsonBody(context.req.raw));
    const issued = await issueKey(store(), input, now());
    keys.forget();
    options.onChange?.(`created ${issued.key.id} (${issued.key.scopes.join(",")})`);
    return context.json(issued, 201);
  });

  routes.get(KEYS_PATH, admin, async (context) => context.json({ keys: await store().listClientKeys() }));

  routes.delete(KEY_PATH, admin, async (context) => {
    const key = await store().revokeClientKey(keyIdOf(context), now());
    if (key === null) throw new ApiError("not_found", "No such client key.");
    keys.forget();
    options.onChange?.(`revoked ${key.id}`);
    return context.json({ key });
  });

  routes.all(KEYS_PATH, methodNotAllowed("GET, POST"));
  routes.all(KEY_PATH, methodNotAllowed("DELETE"));
  return routes;
}

function keyIdOf(context: Context): string {
  const id = context.req.param("keyId") ?? "";
  if (!KEY_ID.test(id)) throw new ApiError("not_found", "No such client key.");
  return id;
}
