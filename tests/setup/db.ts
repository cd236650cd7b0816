// A freshly migrated database per test. On SQLite (the `unit` project) in memory by default (fast,
// nothing to clean up); pass { file: true } when a test needs what only a file gives: WAL, or a
// second connection. On PostgreSQL (the `integration-pg` project, MOTEPLASS_TEST_DIALECT=postgres)
// every test gets its own database, copied from a migrated template (tests/setup/pg-global-setup.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type SQLite from "better-sqlite3";
import { inject } from "vitest";
import { openDatabase, openPostgresDatabase, type AppDatabase } from "../../db/connection";
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

let databaseCount = 0;

async function createPostgresTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject("postgresAdminUrl");
  const name = `test_${process.pid}_${++databaseCount}`;
  await adminQuery(adminUrl, `create database ${name} template ${inject("postgresTemplate")}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const { db } = openPostgresDatabase(url.toString(), { poolSize: 10 });
  let closed = false;
  return {
    db,
    get sqlite(): SQLite.Database {
      throw new Error("This test uses SQLite's own handle: it belongs to the SQLite-only list in vitest.config.ts.");
    },
    filename: url.toString(),
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
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
