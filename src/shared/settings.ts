// REDIS_URL, read at the Node entry: unset (or blank) keeps the embedded shared state; set, it must be a
// redis:// or rediss:// URL. A bad value is refused naming the variable, never echoing it (it may carry a
// password).
export class SharedSettingsError extends Error {}

export function readRedisUrl(environment: Record<string, string | undefined>): string | null {
  const text = environment.REDIS_URL?.trim() ?? "";
  if (text === "") return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new SharedSettingsError("REDIS_URL: must be a URL such as redis://127.0.0.1:6379");
  }
  if (url.protocol !== "redis:" && url.protocol !== "rediss:")
    throw new SharedSettingsError("REDIS_URL: must start with redis:// or rediss://");
  try {
    // The driver decodes them too, and would fail with a bare "URI malformed".
    decodeURIComponent(url.username);
    decodeURIComponent(url.password);
  } catch {
    throw new SharedSettingsError(
      "REDIS_URL: the user or password has a malformed percent-encoding (write % as %25)",
    );
  }
  return text;
}
