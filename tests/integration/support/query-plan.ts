// Which queries a piece of code sends, and how the database plans them: for tests that every list
// query is served by an index (no full scan, no sort in a temporary B-tree) and that the number of
// queries does not grow with the rows.
//
// The plan is asked of the database the queries ran against. SQLite answers EXPLAIN QUERY PLAN;
// for PostgreSQL add a branch to `planProblems` (EXPLAIN (FORMAT JSON), refusing "Seq Scan" on the
// listed tables and a "Sort" node) once it is supported: the tests stay the same.
import { Kysely, SqliteDialect, type CompiledQuery } from "kysely";
import type SQLite from "better-sqlite3";
import type { Database } from "../../../db/schema";

export interface RecordingDatabase {
  db: Kysely<Database>;
  /** every query sent since the last reset, in order */
  queries: CompiledQuery[];
  reset(): void;
}

/** The same SQLite database through a Kysely instance that records the queries it sends. */
export function recordingDatabase(sqlite: SQLite.Database): RecordingDatabase {
  const queries: CompiledQuery[] = [];
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (event) => {
      if (event.level === "query") queries.push(event.query);
    },
  });
  return { db, queries, reset: () => queries.splice(0) };
}

/**
 * What is wrong with a query's plan: each full scan of a table and each temporary B-tree (a sort
 * or DISTINCT no index serves), as the database's own plan line. Empty when every table is read
 * through an index. `tinyTables` may be scanned (a handful of rows, such as the viewer's groups).
 */
export function planProblems(
  sqlite: SQLite.Database,
  query: CompiledQuery,
  { tinyTables = [] }: { tinyTables?: string[] } = {},
): string[] {
  const plan = sqlite.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...(query.parameters as unknown[])) as Array<{
    detail: string;
  }>;
  return plan
    .map((row) => row.detail)
    .filter((detail) => {
      if (/USE TEMP B-TREE/.test(detail)) return true;
      const scan = /^SCAN (\w+)(?: AS (\w+))?(.*)$/.exec(detail);
      if (!scan) return false;
      // A SCAN reads the whole table or the whole of an index (SEARCH reads a range of one): both
      // grow with the data.
      const [, table = "", alias, rest = ""] = scan;
      if (/CONSTANT ROW/.test(rest)) return false;
      return !tinyTables.includes(table) && !tinyTables.includes(alias ?? "");
    });
}
