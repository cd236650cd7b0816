// Remix behind Express. @remix-run/express would hand Remix the request as a stream it reads
// itself; here the body has already been read, within the limit (guards.ts), so Remix gets it
// whole and nobody can make the server read more than the limit.
import { createRequestHandler, writeReadableStreamToWritable, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";
import { plainAnswer } from "./guards";

export function remixHandler(
  build: ServerBuild,
  getLoadContext: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext,
): RequestHandler {
  const handleRequest = createRequestHandler(build, build.mode);
  return async (req, res, next) => {
    const url = requestUrl(req);
    // A Host header no URL can be made of (`Host: a b`) is the client's mistake.
    if (!url) return plainAnswer(res, 400, "Bad request");
    try {
      const controller = new AbortController();
      // The person left before the answer was written: stop the loaders and actions.
      res.on("close", () => res.writableFinished || controller.abort());
      const request = new Request(url, {
        method: req.method,
        headers: remixHeaders(req),
        body: req.method === "GET" || req.method === "HEAD" ? undefined : (req.body as BodyInit),
        signal: controller.signal,
      });
      const response = await handleRequest(request, getLoadContext(req, res));
      res.statusMessage = response.statusText;
      res.status(response.status);
      for (const [name, value] of response.headers) res.append(name, value);
      if (response.body) await writeReadableStreamToWritable(response.body, res);
      else res.end();
    } catch (error) {
      next(error);
    }
  };
}

/** The URL as the browser sees it; "trust proxy" (TRUST_PROXY) decides X-Forwarded-* as in Express. */
function requestUrl(req: ExpressRequest): string | undefined {
  const port = /:(\d+)$/.exec(req.get("x-forwarded-host") ?? req.get("host") ?? "")?.[1];
  try {
    return new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`).href;
  } catch {
    return undefined;
  }
}

function remixHeaders(req: ExpressRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one);
  }
  return headers;
}
