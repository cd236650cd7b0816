// One line of JSON per event. Values are strings or numbers we choose; JSON.stringify escapes
// line breaks, so nothing a person types can forge a log line. Never pass secrets here.
type Field = string | number | boolean | null | undefined;

let sink: (line: string) => void = (line) => process.stdout.write(line + "\n");
let silent = false;

export function setLogSink(next: (line: string) => void) {
  sink = next;
}

export function setLogSilent(value: boolean) {
  silent = value;
}

export function log(event: string, fields: Record<string, Field> = {}) {
  if (silent) return;
  sink(JSON.stringify({ time: new Date().toISOString(), event, ...fields }));
}

/**
 * Something a security review wants to find: refused requests, rate limits hit, sessions ended.
 * One event name, so `grep '"event":"security"'` finds them all. Same rule: never secrets, never
 * a client address, never what a person typed.
 */
export function logSecurityEvent(
  kind: "cross_site_refused" | "rate_limited" | "access_refused" | "sessions_ended" | "account_deleted",
  fields: Record<string, Field> = {},
) {
  log("security", { kind, ...fields });
}

// Path segments that are secrets. Feed tokens live in paths; nothing else may.
// Routing ignores case and trailing slashes, so match loosely and drop everything after the prefix.
// Percent-encoded slashes are matched too, so no spelling of a feed URL reaches the log.
const SECRET_PATHS: Array<[RegExp, string]> = [[/^\/+calendar(\/|%2f)/i, "/calendar/[token]"]];

/** The path to log: no query string, secret segments replaced. */
export function redactPath(url: string): string {
  // An absolute-form request target (`GET http://host/calendar/…`) is judged by its path.
  const path = (url.split(/[?#]/, 1)[0] ?? "").replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "");
  for (const [pattern, replacement] of SECRET_PATHS) if (pattern.test(path)) return replacement;
  return path.length > 200 ? path.slice(0, 200) + "…" : path;
}
