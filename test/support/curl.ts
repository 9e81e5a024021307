// A documented `curl` command as the request curl would send: method, URL, headers and body, for the
// options the documentation uses (-s, -X, -H, -d, --data-urlencode). Any other option throws, so an
// example written with a new one is noticed rather than sent differently.

export interface CurlRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export function curlRequest(words: readonly string[]): CurlRequest {
  if (words[0] !== "curl") throw new Error(`not a curl command: ${words.join(" ")}`);
  let method: string | undefined;
  let url: string | undefined;
  const headers: Record<string, string> = {};
  const data: string[] = [];
  for (let index = 1; index < words.length; index++) {
    const word = words[index]!;
    const value = () => {
      const next = words[++index];
      if (next === undefined) throw new Error(`curl ${word} needs a value`);
      return next;
    };
    if (word === "-s" || word === "--silent") continue;
    if (word === "-X" || word === "--request") method = value();
    else if (word === "-H" || word === "--header") {
      const header = value();
      const colon = header.indexOf(":");
      if (colon < 1) throw new Error(`curl -H takes "Name: value", got "${header}"`);
      headers[header.slice(0, colon).trim().toLowerCase()] = header.slice(colon + 1).trim();
    } else if (word === "-d" || word === "--data") data.push(value());
    else if (word === "--data-urlencode") data.push(urlEncoded(value()));
    else if (word.startsWith("-")) throw new Error(`curl option ${word} is not supported here`);
    else if (url === undefined) url = /^[a-z]+:\/\//.test(word) ? word : `http://${word}`;
    else throw new Error(`curl: a second URL "${word}"`);
  }
  if (url === undefined) throw new Error(`curl without a URL: ${words.join(" ")}`);
  if (data.length === 0) return { method: method ?? "GET", url, headers };
  // As curl: data pieces joined with "&", form-encoded unless a Content-Type says otherwise.
  headers["content-type"] ??= "application/x-www-form-urlencoded";
  return { method: method ?? "POST", url, headers, body: data.join("&") };
}

/** curl's --data-urlencode "name=content": the content percent-encoded, the name kept as written. */
function urlEncoded(argument: string): string {
  const equals = argument.indexOf("=");
  if (equals === -1) return encodeURIComponent(argument);
  return `${argument.slice(0, equals + 1)}${encodeURIComponent(argument.slice(equals + 1))}`;
}
