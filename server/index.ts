// Production entry: load the build, validate the environment, migrate, serve, and shut down
// cleanly on SIGTERM. Bundled by server/build.mjs into build/server.js and started with node;
// everything from the app comes out of the build (see app/server-hooks.server.ts).
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { answerOutsideExpress, createApp, serverHooksOf } from "./app";

// server/index.ts and build/server.js both sit one folder below the project root.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export async function startServer() {
  const build = (await import(pathToFileURL(path.join(root, "build", "index.js")).href)) as ServerBuild;
  const hooks = serverHooksOf(build);
  let env;
  try {
    env = hooks.parseEnv(process.env);
  } catch (error) {
    if (error instanceof hooks.EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const { log } = hooks;
  hooks.setLogSilent(env.LOG_FORMAT === "silent");

  await hooks.migrate();

  // Scheduled work (retention daily, pushes, …) from rows in the database, claimed with a lease,
  // so it runs once however many instances run (decision 030). Its timer never keeps us alive.
  const scheduler = hooks.startScheduler(env);

  const app = createApp({
    build,
    publicDir: path.join(root, "public"),
    hsts: env.SECURE_COOKIES,
    trustProxy: env.TRUST_PROXY,
  });

  const server = app.listen(env.PORT, env.HOST, () => {
    log("server_started", { url: `http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${env.PORT}` });
  });
  answerOutsideExpress(server, env.SECURE_COOKIES);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log("server_stopping", { signal });
    // No new job starts from now on; the one in hand finishes before the database closes.
    const schedulerStopped = scheduler.stop();
    server.close(async () => {
      await schedulerStopped;
      await hooks.closeDatabase();
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
