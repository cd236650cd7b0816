// What a request must be before Remix sees it, and the answer to every error outside Remix.
// Nothing a visitor sends may reach Express's default error handler: it prints the path (a feed
// token lives in one) and a stack trace, and drops the security headers.
import type { ErrorRequestHandler, RequestHandler, Response } from "express";
import type { ServerHooks } from "~/server-hooks.server";

/** The methods this site takes, on every path. Our forms only GET and POST. */
export const ALLOWED_METHODS = "GET, HEAD, POST, OPTIONS";

/**
 * The largest request body read: 256 KiB. The largest form (an activity: about 4,600 characters
 * at most, every one percent-encoded to 9 bytes in the worst case) is about 42 KB; the margin lets
 * a text that is several times too long still get "too long" next to its field.
 */
export const MAX_BODY_BYTES = 256 * 1024;

/** A short, neutral answer that keeps the security headers already set. */
export function plainAnswer(res: Response, status: number, text: string) {
  res.status(status).set({ "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" }).send(text);
}

/**
 * TRACE, TRACK, PUT, DELETE, … get 405 with `Allow`. OPTIONS gets 204 with `Allow` and nothing
 * else: it asks a fair question (RFC 9110 §9.3.7), and without CORS headers a cross-site
 * preflight still fails as it should.
 */
export function allowOnlyOurMethods(): RequestHandler {
  return (req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "POST") return next();
    res.setHeader("Allow", ALLOWED_METHODS);
    if (req.method === "OPTIONS") return void res.status(204).set("Cache-Control", "no-store").end();
    plainAnswer(res, 405, "Method not allowed");
  };
}

/**
 * A path must be origin-form (`/…`), decode, and hold no control characters once decoded
 * (`/calendar/<token>.ics%`, `/%09/a/%2e%2e`, `GET http://elsewhere/`): 400 otherwise.
 */
export function refuseUnreadablePaths(): RequestHandler {
  return (req, res, next) => {
    const path = req.originalUrl.split("?", 1)[0] ?? "";
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return plainAnswer(res, 400, "Bad request");
    }
    // eslint-disable-next-line no-control-regex
    if (!path.startsWith("/") || /[\u0000-\u001f\u007f]/.test(decoded)) return plainAnswer(res, 400, "Bad request");
    next();
  };
}

/**
 * Reads the body into `req.body` (a Buffer), counting bytes as they come, so a 50 MB post
 * (declared or chunked) is answered 413 at once and never read in full.
 */
export function limitRequestBodies(maxBytes = MAX_BODY_BYTES): RequestHandler {
  return (req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD") return next();
    if (Number(req.get("content-length") ?? 0) > maxBytes) return tooLarge(res);
    if (req.readableEnded) {
      req.body = Buffer.alloc(0);
      return next();
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off("data", onData).off("end", onEnd).off("error", onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      stop();
      req.pause();
      tooLarge(res);
    };
    const onEnd = () => {
      stop();
      req.body = Buffer.concat(chunks);
      next();
    };
    // The client went away mid-body: nobody is left to answer.
    const onError = () => {
      stop();
      res.destroy();
    };
    req.on("data", onData).on("end", onEnd).on("error", onError);
  };
}

function tooLarge(res: Response) {
  // Closing the connection is what stops the rest of the body from being read.
  res.set("Connection", "close");
  res
    .status(413)
    .set({ "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" })
    .send(
      '<!doctype html><meta charset="utf-8"><title>413</title><p>For mye på én gang. / Too much at once.</p><p><a href="/">←</a></p>',
    );
}

/**
 * The last handler: one JSON line (the error's name and the status, never its message, which
 * may hold the path, and never a stack), a 4xx for what the client got wrong, 500 otherwise.
 */
export function answerErrors(log: ServerHooks["log"]): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    const given =
      (error as { status?: unknown; statusCode?: unknown } | null)?.status ??
      (error as { statusCode?: unknown } | null)?.statusCode;
    const status = typeof given === "number" && given >= 400 && given < 500 ? given : 500;
    log("error", { name: error instanceof Error ? error.name : typeof error, status });
    if (res.headersSent) return void res.destroy();
    plainAnswer(res, status, status === 500 ? "Server error" : "Bad request");
  };
}
