// The one place that opens the SQLite database. Everything else receives a Kysely instance.
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import type { Database } from "./schema";

export const DEFAULT_DATABASE_PATH = "data/moteplass.sqlite";

export type AppDatabase = Kysely<Database>;

export interface OpenedDatabase {
  db: AppDatabase;
  /** the raw handle, for backups and for transactions that must BEGIN IMMEDIATE */
  sqlite: SQLite.Database;
}

export function openDatabase(filename: string = DEFAULT_DATABASE_PATH): OpenedDatabase {
  if (filename !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(filename)), { recursive: true });
  const sqlite = new SQLite(filename);
  // WAL lets readers run while one writer writes; FULL makes a committed write survive power loss;
  // the busy timeout makes a second writer wait instead of failing with SQLITE_BUSY.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, sqlite };
}
