// The production HTTP app: headers, request guards, compression, static files, request log,
// then Remix, and one answer for every error. It takes everything from the app out of the build
// (build.entry.module.serverHooks), so the process holds one copy of each module.
import path from "node:path";
import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import type { Duplex } from "node:stream";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import zlib from "node:zlib";
import { precompressed } from "./precompressed";
import express from "express";
import type { ServerHooks } from "~/server-hooks.server";
import { refuseCrossSiteWrites } from "./csrf";
import {
  ALLOWED_METHODS,
  allowOnlyOurMethods,
  answerErrors,
  limitRequestBodies,
  refuseUnreadablePaths,
} from "./guards";
import { remixHandler } from "./remix";
import { contentSecurityPolicy, fixedSecurityHeaders, securityHeaders } from "./security";
import { answerStorageFailuresWith503 } from "./storage-failure";

export interface AppOptions {
  build: ServerBuild;
  publicDir: string;
  hsts: boolean;
  trustProxy: number;
}

/** What app/entry.server.tsx exports for this server. */
export function serverHooksOf(build: ServerBuild): ServerHooks {
  const hooks = (build.entry.module as unknown as { serverHooks?: ServerHooks }).serverHooks;
  if (!hooks) throw new Error("The build exports no serverHooks: run `npm run build`.");
  return hooks;
}

export function createApp({ build, publicDir, hsts, trustProxy }: AppOptions) {
  const hooks = serverHooksOf(build);
  const { log, redactPath } = hooks;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", trustProxy);

  // One line per request, written when the response ends. No query strings, no secret segments,
  // no client address (it would identify members).
  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      log("request", {
        method: req.method,
        path: redactPath(req.originalUrl),
        status: res.statusCode,
        ms: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
      });
    });
    next();
  });

  app.use(securityHeaders({ hsts }));
  app.use(allowOnlyOurMethods());
  app.use(refuseUnreadablePaths());
  // Brotli quality 2 and gzip level 1 cost a third to a half of the defaults (quality 4, level 6)
  // for 3–8% more bytes on dynamic pages; bodies under 1 KiB are sent as they are. Build assets
  // are compressed once at build time at the highest levels and sent as they are (precompressed).
  app.use(
    compression({
      threshold: 1024,
      level: 1,
      brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 2 } },
    }),
  );
  app.use(refuseCrossSiteWrites(hooks));

  // Fingerprinted build output: cached for a year and never revalidated.
  app.use("/build", precompressed(path.join(publicDir, "build")));
  app.use("/build", express.static(path.join(publicDir, "build"), { immutable: true, maxAge: "1y", index: false }));
  app.use(
    express.static(publicDir, {
      maxAge: "1h",
      index: false,
      dotfiles: "ignore",
      // The service worker is checked for updates on every registration and push: never a stale copy.
      setHeaders: (res, file) => {
        if (path.basename(file) === "sw.js") res.setHeader("Cache-Control", "no-cache");
      },
    }),
  );

  app.use(limitRequestBodies());
  app.use(
    remixHandler(answerStorageFailuresWith503(build, hooks), (req, res) => ({
      cspNonce: String(res.locals.cspNonce),
      // req.ip honours "trust proxy" (TRUST_PROXY); only rate limits may use it, as a keyed hash.
      clientAddress: req.ip ?? "",
    })),
  );
  app.use(answerErrors(log));
  return app;
}

/**
 * What never reaches Express gets the same answers, with the security headers: CONNECT (Node
 * hands it to the "connect" event) and methods Node cannot parse (TRACK) get 405; a request Node
 * cannot read gets 400, or 431 for headers over its 16 KiB limit.
 */
export function answerOutsideExpress(server: Server, hsts: boolean) {
  const fixed = { ...fixedSecurityHeaders({ hsts }), "Content-Length": "0", Connection: "close" };
  const answer = (socket: Duplex, status: string, extra: Record<string, string> = {}) => {
    if (!socket.writable) return void socket.destroy();
    const csp = contentSecurityPolicy(randomBytes(16).toString("base64"));
    const headers = Object.entries({ "Content-Security-Policy": csp, ...fixed, ...extra }).map(
      ([k, v]) => `${k}: ${v}\r\n`,
    );
    socket.end(`HTTP/1.1 ${status}\r\n${headers.join("")}\r\n`);
  };
  server.on("connect", (_req, socket: Duplex) => {
    socket.on("error", () => socket.destroy());
    answer(socket, "405 Method Not Allowed", { Allow: ALLOWED_METHODS });
  });
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === "ECONNRESET") socket.destroy();
    else if (error.code === "HPE_INVALID_METHOD") answer(socket, "405 Method Not Allowed", { Allow: ALLOWED_METHODS });
    else if (error.code === "HPE_HEADER_OVERFLOW") answer(socket, "431 Request Header Fields Too Large");
    else answer(socket, "400 Bad Request");
  });
}
