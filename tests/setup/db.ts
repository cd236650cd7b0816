// A freshly migrated database per test. In memory by default (fast, nothing to clean up); pass
// { file: true } when a test needs what only a file gives: WAL, or a second connection.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type OpenedDatabase } from "../../db/connection";
import { migrateToLatest } from "../../db/migrator";
import { useDatabase } from "~/platform/db.server";

export interface TestDatabase extends OpenedDatabase {
  /** ":memory:" or the temporary file */
  filename: string;
  /** Closes the connection and removes the temporary file, if any. Safe to call twice. */
  close(): Promise<void>;
}

export async function createTestDatabase({ file = false }: { file?: boolean } = {}): Promise<TestDatabase> {
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
