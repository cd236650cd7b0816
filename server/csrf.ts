// Cross-site state changes are refused before Remix runs. SameSite=Lax cookies already keep the
// session out of cross-site POSTs; this is the second lock, and it also covers requests that need
// no session (joining with an invite code, signing in).
//
// - `Sec-Fetch-Site` (sent by every current browser) must be `same-origin` (or `none`: the person
//   did it themselves). `cross-site` and `same-site` (a sibling subdomain) are refused.
// - An `Origin` header that names another origin is refused. `Origin: null` is not: with our
//   `Referrer-Policy: no-referrer`, browsers send `null` even for our own form posts, so it proves
//   nothing either way and `Sec-Fetch-Site` decides. Remix's own check would answer such a post
//   (every form sent without JavaScript) with a 500, so once this lock has let a request through,
//   the meaningless `Origin: null` is dropped before Remix sees it.
//
// The quick exit is let through whatever it carries: a forged request to it can at worst sign
// someone out, as a forged link to it already can (README "Quick exit").
import type { Request as ExpressRequest, RequestHandler } from "express";
import type { ServerHooks } from "~/server-hooks.server";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const ALLOWED_FETCH_SITES = new Set(["same-origin", "none"]);

export function refuseCrossSiteWrites({
  logSecurityEvent,
  redactPath,
}: Pick<ServerHooks, "logSecurityEvent" | "redactPath">): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    if (/^\/exit\/?$/i.test(req.path)) {
      // Remix's own origin check would refuse what this lock lets through on purpose.
      delete req.headers.origin;
      return next();
    }
    const fetchSite = req.get("sec-fetch-site");
    const origin = req.get("origin");
    const crossSite =
      (fetchSite !== undefined && !ALLOWED_FETCH_SITES.has(fetchSite)) ||
      (origin !== undefined && origin !== "null" && !ownOrigins(req).includes(origin));
    if (!crossSite) {
      if (origin === "null") delete req.headers.origin;
      return next();
    }
    logSecurityEvent("cross_site_refused", { method: req.method, path: redactPath(req.originalUrl) });
    res.status(403).set({ "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" }).send("Forbidden");
  };
}

/**
 * This site's origin as the browser sees it. Behind trusted proxies (TRUST_PROXY) Express takes
 * the scheme from X-Forwarded-Proto; the host is the Host header, or X-Forwarded-Host if a
 * trusted proxy rewrote it.
 */
function ownOrigins(req: ExpressRequest): string[] {
  const hosts = [req.get("host")];
  const forwardedHost = req.get("x-forwarded-host")?.split(",")[0]?.trim();
  const trusted = req.app.get("trust proxy fn") as (address: string | undefined, hop: number) => boolean;
  if (forwardedHost && trusted(req.socket.remoteAddress, 0)) hosts.push(forwardedHost);
  return hosts.filter((h): h is string => Boolean(h)).map((host) => `${req.protocol}://${host.toLowerCase()}`);
}
