// The production HTTP app: headers, compression, static files, request log, then Remix.
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { log, redactPath } from "../app/utils/logger.server";
import { refuseCrossSiteWrites } from "./csrf";
import { securityHeaders } from "./security";
import { answerStorageFailuresWith503 } from "./storage-failure";

export interface AppOptions {
  build: ServerBuild;
  publicDir: string;
  hsts: boolean;
  trustProxy: number;
}

export function createApp({ build, publicDir, hsts, trustProxy }: AppOptions) {
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
  app.use(compression());
  app.use(refuseCrossSiteWrites());

  // Fingerprinted build output: cached for a year and never revalidated.
  app.use(
    "/build",
    express.static(path.join(publicDir, "build"), { immutable: true, maxAge: "1y", index: false }),
  );
  app.use(express.static(publicDir, { maxAge: "1h", index: false, dotfiles: "ignore" }));

  app.all(
    "*",
    createRequestHandler({
      build: answerStorageFailuresWith503(build),
      mode: build.mode,
      // req.ip honours "trust proxy" (TRUST_PROXY); only rate limits may use it, as a keyed hash.
      getLoadContext: (req, res) => ({ cspNonce: String(res.locals.cspNonce), clientAddress: req.ip ?? "" }),
    }),
  );
  return app;
}
