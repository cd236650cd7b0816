// A freshly migrated database per test. On SQLite (the `unit` project) in memory by default (fast,
// nothing to clean up); pass { file: true } when a test needs what only a file gives: WAL, or a
// second connection. On PostgreSQL (the `integration-pg` project, MOTEPLASS_TEST_DIALECT=postgres)
// every test gets a database of its own, copied from a migrated template
// (tests/setup/pg-global-setup.ts) and emptied after the test for the next one.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type SQLite from "better-sqlite3";
import pg from "pg";
import { inject } from "vitest";
import { Kysely, PostgresDialect, SqliteDialect, type LogEvent } from "kysely";
import { openDatabase, openPostgresDatabase, type AppDatabase } from "../../db/connection";
import type { Database } from "../../db/schema";
import { migrateToLatest } from "../../db/migrator";
import { useDatabase } from "~/platform/db.server";
import { adminQuery } from "../support/postgres-server";

export interface TestDatabase {
  db: AppDatabase;
  /** The raw SQLite handle. Only for tests of SQLite itself: those run in the `unit` project only. */
  readonly sqlite: SQLite.Database;
  /** ":memory:", the temporary file, or the PostgreSQL URL */
  filename: string;
  /** Closes the connection and removes the temporary file or database, if any. Safe to call twice. */
  close(): Promise<void>;
}

/** True in the integration-pg project. */
export const onPostgres = process.env.MOTEPLASS_TEST_DIALECT === "postgres";

/**
 * Databases this worker made and emptied again, ready for the next test. On globalThis: a worker
 * runs many test files, each with a fresh module registry.
 */
const shared = globalThis as { moteplassTestDatabases?: { made: number; emptied: string[]; tables?: string[] } };
const pool = (shared.moteplassTestDatabases ??= { made: 0, emptied: [] });

function urlOf(name: string): string {
  const url = new URL(inject("postgresAdminUrl"));
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Empties a test database for the next test: faster than copying the template anew (about 10 ms
 * against 150–800 ms on a busy machine). Foreign keys are not checked while it deletes
 * (session_replication_role), so the order of the tables does not matter.
 */
async function empty(name: string): Promise<void> {
  const client = new pg.Client({ connectionString: urlOf(name) });
  await client.connect();
  try {
    if (!pool.tables) {
      const { rows } = await client.query<{ tablename: string }>(
        "select tablename from pg_tables where schemaname = 'public' and tablename not like 'kysely_%'",
      );
      pool.tables = rows.map((r) => `"${r.tablename}"`);
    }
    const tables = pool.tables;
    // What a test added to the schema (a trigger that makes a table fail) goes too.
    const { rows: added } = await client.query<{ drop: string }>(
      `select format('drop trigger %I on %I', t.tgname, c.relname) as drop
         from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
        where not t.tgisinternal and n.nspname = 'public'
       union all
       select format('drop function %I', p.proname) from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'public'`,
    );
    for (const { drop } of added) await client.query(drop);
    await client.query(
      `begin; set local session_replication_role = replica; ${tables.map((t) => `delete from ${t};`).join(" ")} commit;`,
    );
  } finally {
    await client.end();
  }
}

async function createPostgresTestDatabase(): Promise<TestDatabase> {
  let name = pool.emptied.pop();
  if (!name) {
    // Named after the template, so the run's global teardown finds and drops them all.
    name = `${inject("postgresTemplate")}_${process.pid}_${++pool.made}`;
    await adminQuery(inject("postgresAdminUrl"), `create database ${name} template ${inject("postgresTemplate")}`);
  }
  const url = urlOf(name);
  const { db } = openPostgresDatabase(url, { poolSize: 10 });
  let closed = false;
  return {
    db,
    get sqlite(): SQLite.Database {
      throw new Error("This test uses SQLite's own handle: it belongs to the SQLite-only list in vitest.config.ts.");
    },
    filename: url,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
      await empty(name);
      pool.emptied.push(name);
    },
  };
}

export async function createTestDatabase({ file = false }: { file?: boolean } = {}): Promise<TestDatabase> {
  if (onPostgres) return createPostgresTestDatabase();
  const dir = file ? fs.mkdtempSync(path.join(os.tmpdir(), "moteplass-test-")) : undefined;
  const filename = dir ? path.join(dir, "test.sqlite") : ":memory:";
  const opened = openDatabase(filename);
  await migrateToLatest(opened.db);
  let closed = false;
  return {
    ...opened,
    filename,
    async close() {
      if (closed) return;
      closed = true;
      await opened.db.destroy();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * For tests of loaders, actions and models that use the app's own `db()`: each test gets a new
 * migrated database, installed as the app's database. Returns a getter for the current one.
 */
export function useTestDatabase(options?: { file?: boolean }): () => TestDatabase {
  let current: TestDatabase | undefined;
  beforeEach(async () => {
    current = await createTestDatabase(options);
    useDatabase(current);
  });
  afterEach(async () => {
    useDatabase(undefined);
    await current?.close();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error("useTestDatabase(): the database exists only inside a test");
    return current;
  };
}

/**
 * Another Kysely instance on the same test database: a second connection (a file or PostgreSQL
 * database only), optionally with a query log. Destroy it before the test ends.
 */
export function openAnotherConnection(database: TestDatabase, { log }: { log?: (event: LogEvent) => void } = {}) {
  if (onPostgres) {
    return new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.filename, max: 1 }) }),
      ...(log && { log }),
    });
  }
  if (database.filename === ":memory:") {
    // The same in-memory database is only reachable through its one handle.
    return new Kysely<Database>({ dialect: new SqliteDialect({ database: database.sqlite }), ...(log && { log }) });
  }
  return new Kysely<Database>({
    dialect: new SqliteDialect({ database: openDatabase(database.filename).sqlite }),
    ...(log && { log }),
  });
}
