// A write transaction that decides safely. On SQLite a plain BEGIN reads first and upgrades later,
// so two writers could both read "one place left"; BEGIN IMMEDIATE makes the second wait
// (busy_timeout) until the first commits. On PostgreSQL it is a READ COMMITTED transaction, and
// the code that decides on a row (an activity's places, an invite's one use) locks that row first
// with lockRowsForDecision (db/dialect.ts): docs/decisions/036-postgresql-row-locks.md.
import { sql, type Kysely } from "kysely";
import { rawHandleOf } from "./connection";
import { dialectOf } from "./dialect";
import type { Database } from "./schema";

const insideWrite = new WeakSet<Kysely<Database>>();

export async function writeTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  // Nested calls join the transaction they are already in.
  if (db.isTransaction || insideWrite.has(db)) return work(db);
  const begin = dialectOf(db) === "postgres" ? sql`begin isolation level read committed` : sql`begin immediate`;
  return db.connection().execute(async (conn) => {
    insideWrite.add(conn);
    await begin.execute(conn);
    try {
      const result = await work(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      // SQLite rolls back by itself after some errors (SQLITE_FULL, SQLITE_IOERR, …); a second
      // rollback would then fail with "no transaction is active" and hide the real error.
      if (rawHandleOf(db)?.inTransaction ?? true) {
        await sql`rollback`.execute(conn).catch(() => undefined);
      }
      throw error;
    }
  });
}
