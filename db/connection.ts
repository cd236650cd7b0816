// The one place that opens the database: SQLite (a file, the embedded default) or PostgreSQL
// (DATABASE_URL). Everything else receives a Kysely instance.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import SQLite from "better-sqlite3";
import type pgModule from "pg";
import {
  Kysely,
  PostgresDialect,
  SqliteDialect,
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
} from "kysely";
import type { Database } from "./schema";
import { noteWriteFailed, noteWriteSaved, storageFailureCode } from "./write-health";

export const DEFAULT_DATABASE_PATH = "data/moteplass.sqlite";

export type AppDatabase = Kysely<Database>;

export interface OpenedDatabase {
  db: AppDatabase;
  /** the raw SQLite handle, for backups and tests of SQLite itself; absent on PostgreSQL */
  sqlite?: SQLite.Database;
}

/** A SQLite database, with its raw handle. */
export interface OpenedSqliteDatabase extends OpenedDatabase {
  sqlite: SQLite.Database;
}

export const DEFAULT_POOL_SIZE = 10;

/** Where the database lives: a PostgreSQL URL if one is given, the SQLite file otherwise. */
export interface DatabaseLocation {
  url?: string | undefined;
  path?: string | undefined;
  poolSize?: number | undefined;
}

/** The one switch between the two: DATABASE_URL set means PostgreSQL. */
export function openConfiguredDatabase(location: DatabaseLocation): OpenedDatabase {
  if (location.url) return openPostgresDatabase(location.url, { poolSize: location.poolSize });
  return openDatabase(location.path ?? DEFAULT_DATABASE_PATH);
}

/**
 * The database the command-line scripts use: DATABASE_URL (PostgreSQL) or DATABASE_PATH (SQLite),
 * as the server reads them (the server validates them in app/platform/env.server.ts).
 */
export function locationFromEnvironment(source: Record<string, string | undefined>): DatabaseLocation {
  const url = source.DATABASE_URL || undefined;
  if (url && !isPostgresUrl(url))
    throw new Error("DATABASE_URL: must be a postgres:// or postgresql:// URL with a host");
  const poolSize = source.DATABASE_POOL_SIZE ? Number(source.DATABASE_POOL_SIZE) : undefined;
  return { url, path: source.DATABASE_PATH || DEFAULT_DATABASE_PATH, poolSize };
}

/** A name for the database fit for a terminal or a log: the file, or the server and database without the password. */
export function describeLocation(location: DatabaseLocation): string {
  if (!location.url) return location.path ?? DEFAULT_DATABASE_PATH;
  const url = new URL(location.url);
  return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`;
}

/** True for the URLs `pg` understands as a PostgreSQL server. */
export function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "postgres:" || url.protocol === "postgresql:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/**
 * A pool of `poolSize` connections to PostgreSQL. Counts (bigint) and sums (numeric) come back as
 * strings from `pg`; the app wraps them in Number() where it reads them.
 */
export function openPostgresDatabase(
  url: string,
  { poolSize = DEFAULT_POOL_SIZE }: { poolSize?: number | undefined } = {},
): OpenedDatabase {
  // `pg` is loaded only when PostgreSQL is used: the SQLite default does not pay for it at start-up.
  const pg = createRequire(import.meta.url)("pg") as typeof pgModule;
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection the server drops (a restart, a fail-over) must not crash the process; the
  // pool makes a new one for the next query.
  pool.on("error", () => undefined);
  return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }) };
}

const rawHandles = new WeakMap<object, SQLite.Database>();

/** The better-sqlite3 handle behind a Kysely instance opened here, to ask it about its state. */
export function rawHandleOf(db: object): SQLite.Database | undefined {
  return rawHandles.get(db);
}

export function openDatabase(filename: string = DEFAULT_DATABASE_PATH): OpenedSqliteDatabase {
  if (filename !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(filename)), { recursive: true });
  const sqlite = new SQLite(filename);
  // WAL lets readers run while one writer writes; FULL makes a committed write survive power loss;
  // the busy timeout makes a second writer wait instead of failing with SQLITE_BUSY.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = new Kysely<Database>({ dialect: watchingWrites(new SqliteDialect({ database: sqlite }), sqlite) });
  rawHandles.set(db, sqlite);
  return { db, sqlite };
}

/**
 * The SQLite dialect, telling db/write-health.ts how writes go: a statement that fails because the
 * storage is full or failing, and a write that is saved (a commit, or a write outside a
 * transaction). Errors pass through unchanged.
 */
function watchingWrites(dialect: Dialect, sqlite: SQLite.Database): Dialect {
  const watch = (connection: DatabaseConnection): DatabaseConnection => ({
    async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      try {
        const result = await connection.executeQuery<R>(query);
        // numAffectedRows is set for statements that return no rows: writes, BEGIN, COMMIT, ROLLBACK.
        if (result.numAffectedRows !== undefined && !sqlite.inTransaction && !/^\s*rollback/i.test(query.sql))
          noteWriteSaved();
        return result;
      } catch (error) {
        const code = storageFailureCode(error);
        if (code) noteWriteFailed(code);
        throw error;
      }
    },
    streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize),
  });
  return {
    createAdapter: () => dialect.createAdapter(),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createDriver(): Driver {
      const driver = dialect.createDriver();
      const watched = new WeakMap<DatabaseConnection, DatabaseConnection>();
      return {
        init: () => driver.init(),
        async acquireConnection() {
          const connection = await driver.acquireConnection();
          let wrapped = watched.get(connection);
          if (!wrapped) watched.set(connection, (wrapped = watch(connection)));
          return wrapped;
        },
        beginTransaction: (connection, settings) => driver.beginTransaction(connection, settings),
        commitTransaction: (connection) => driver.commitTransaction(connection),
        rollbackTransaction: (connection) => driver.rollbackTransaction(connection),
        savepoint: driver.savepoint?.bind(driver),
        rollbackToSavepoint: driver.rollbackToSavepoint?.bind(driver),
        releaseSavepoint: driver.releaseSavepoint?.bind(driver),
        releaseConnection: (connection) => driver.releaseConnection(connection),
        destroy: () => driver.destroy(),
      };
    },
  };
}
