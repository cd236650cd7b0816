// Where SQLite and PostgreSQL must be spoken differently: one small helper per difference, named
// for what it does. Nothing outside db/ asks which database it talks to.
import type { Database } from "./schema";
import { PostgresAdapter, sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from "kysely";

export type DialectName = "sqlite" | "postgres";

/** Which database a Kysely instance (or transaction) talks to. */
export function dialectOf<DB>(db: Kysely<DB>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}

/**
 * True if `error` is a unique violation of `table.column`: SQLite says "UNIQUE constraint failed:
 * table.column"; PostgreSQL gives SQLSTATE 23505 and the constraint's name, which Kysely's
 * `.unique()` makes `table_column_key` and our unique indexes spell `table_column_idx`.
 */
export function isUniqueViolation(error: unknown, tableColumn: `${string}.${string}`): boolean {
  if (!(error instanceof Error)) return false;
  const e = error as Error & { code?: unknown; constraint?: unknown };
  if (e.code === "23505") {
    const prefix = tableColumn.replace(".", "_");
    return e.constraint === `${prefix}_key` || e.constraint === `${prefix}_idx`;
  }
  return (
    typeof e.code === "string" &&
    e.code.startsWith("SQLITE_CONSTRAINT") &&
    new RegExp(`UNIQUE constraint failed: (.*, )?${tableColumn.replace(".", "\\.")}(,|$)`).test(e.message)
  );
}

/** The values of `text` over a group, sorted and joined by `separator` (group_concat / string_agg). */
export function joinedInOrder<DB>(db: Kysely<DB>, text: Expression<string>, separator: string): RawBuilder<string> {
  return dialectOf(db) === "postgres"
    ? sql<string>`string_agg(${text}, ${separator} order by ${text})`
    : sql<string>`group_concat(${text}, ${separator} order by ${text})`;
}

/**
 * A value that changes whenever anything is written to the database, by this process or any other:
 * SQLite's data_version (writes by other connections) with total_changes() (this one); on
 * PostgreSQL the WAL insert position, which every write and every commit moves forward.
 */
export async function databaseGeneration<DB>(db: Kysely<DB>): Promise<string> {
  if (dialectOf(db) === "postgres") {
    const { rows } = await sql<{ lsn: string }>`select pg_current_wal_insert_lsn()::text as lsn`.execute(db);
    return rows[0]!.lsn;
  }
  const { rows } = await sql<{ changes: number; version: number }>`
    select total_changes() as changes, (select data_version from pragma_data_version) as version`.execute(db);
  return `${rows[0]!.version}:${rows[0]!.changes}`;
}

/**
 * Locks the rows a write transaction is about to decide on (an activity's places, an invite's one
 * use) until it commits: SELECT … FOR UPDATE on PostgreSQL. On SQLite the whole database is already
 * locked by BEGIN IMMEDIATE, so nothing more is needed.
 */
export async function lockRowsForDecision(
  trx: Kysely<Database>,
  table: "activities" | "invites" | "members",
  ids: string[],
): Promise<void> {
  if (ids.length === 0 || dialectOf(trx) !== "postgres") return;
  await trx.selectFrom(table).select("id").where("id", "in", ids).orderBy("id").forUpdate().execute();
}

/** True where `needle` occurs in `haystack`, exactly (case and all; no wildcards): instr / strpos. */
export function containsText<DB>(db: Kysely<DB>, haystack: Expression<string>, needle: string): RawBuilder<SqlBool> {
  return dialectOf(db) === "postgres"
    ? sql<SqlBool>`strpos(${haystack}, ${needle}) > 0`
    : sql<SqlBool>`instr(${haystack}, ${needle}) > 0`;
}
