// Production entry: validate the environment, migrate, serve, and shut down cleanly on SIGTERM.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { migrateToLatest } from "../db/migrator";
import { retentionPolicyFromEnv, runRetention } from "../db/retention";
import { EnvError, parseEnv } from "../app/utils/env.server";
import { log, setLogSilent } from "../app/utils/logger.server";
import { createApp } from "./app";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export async function startServer() {
  let env;
  try {
    env = parseEnv(process.env);
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  setLogSilent(env.LOG_FORMAT === "silent");

  const { db, closeDatabase } = await import("../app/utils/db.server");
  await migrateToLatest(db());

  // Retention (DATA.md): once now, then daily. unref: the timer never keeps the process alive.
  const retention = async () => {
    try {
      log("retention", { ...(await runRetention(db(), retentionPolicyFromEnv(env))) });
    } catch (error) {
      log("retention_failed", { message: error instanceof Error ? error.message.slice(0, 300) : String(error) });
    }
  };
  await retention();
  setInterval(() => void retention(), 24 * 60 * 60 * 1000).unref();

  const buildPath = path.join(root, "build", "index.js");
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
  const app = createApp({
    build,
    publicDir: path.join(root, "public"),
    hsts: env.SECURE_COOKIES,
    trustProxy: env.TRUST_PROXY,
  });

  const server = app.listen(env.PORT, env.HOST, () => {
    log("server_started", { url: `http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${env.PORT}` });
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log("server_stopping", { signal });
    server.close(async () => {
      await closeDatabase();
      log("server_stopped");
      process.exit(0);
    });
    // Keep-alive connections would hold close() open; end idle ones now, and give busy ones 10 s.
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  return server;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await startServer();
}
