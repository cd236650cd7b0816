// Anything a request names as the next page goes through here before it reaches a Location header.
const BASE = "http://same-site.invalid";

/**
 * A redirect target we may follow: a path on this site, in the form a Location header can carry.
 * Refuses `//evil`, `/\evil`, absolute URLs and anything with control characters, and anything
 * the URL parser would turn into one of those (`/..//evil`). What is left is re-serialised by the
 * URL parser, so characters a header cannot hold (`/\u3000/`) come back percent-encoded.
 */
export function safeRedirectPath(target: unknown, fallback = "/"): string {
  if (typeof target !== "string" || target.length > 500) return fallback;
  if (!target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) return fallback;
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (/[\u0000-\u001f\u007f-\u009f\\]/.test(target)) return fallback;
  let url: URL;
  try {
    url = new URL(target, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = url.pathname + url.search + url.hash;
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return fallback;
  // Printable ASCII only: exactly what a header value takes without throwing.
  if (!/^[\u0021-\u007e]+$/.test(path) || path.length > 1500) return fallback;
  return path;
}
