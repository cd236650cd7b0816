// Remix behind Express. @remix-run/express would hand Remix the request as a stream it reads
// itself; here the body has already been read, within the limit (guards.ts), so Remix gets it
// whole and nobody can make the server read more than the limit.
import {
  createRequestHandler,
  writeReadableStreamToWritable,
  type AppLoadContext,
  type ServerBuild,
} from "@remix-run/node";
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
      // Pages and data requests stream (React renders as it goes). Other answers (health, feeds,
      // the manifest, files) are whole already: sent in one piece with their length, so
      // compression can leave tiny ones alone.
      const type = response.headers.get("Content-Type") ?? "";
      if (!response.body) res.end();
      else if (/^text\/(html|x-script)/.test(type)) await writeReadableStreamToWritable(response.body, res);
      else res.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      next(error);
    }
  };
}

/** The URL as the browser sees it; X-Forwarded-* count only from a trusted proxy (TRUST_PROXY). */
function requestUrl(req: ExpressRequest): string | undefined {
  const trusted = req.app.get("trust proxy fn") as (address: string | undefined, hop: number) => boolean;
  const forwarded = trusted(req.socket.remoteAddress, 0)
    ? req.get("x-forwarded-host")?.split(",")[0]?.trim()
    : undefined;
  const host = forwarded || req.get("host");
  if (!host) return undefined;
  try {
    // A host must be a host: "", "a/b", "a?b", "u@a" would move the path or the origin.
    const origin = new URL(`${req.protocol}://${host}`);
    if (origin.pathname !== "/" || origin.search || origin.hash || origin.username || origin.password) return undefined;
    return new URL(origin.origin + req.originalUrl).href;
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
