// A trigger that makes every insert or delete on a table fail with `message`: the stand-in for a
// failure between a change and its audit row, in each database's own trigger language. On
// PostgreSQL tests/setup/db.ts removes it after the test; call the returned function to remove it
// sooner.
import { sql } from "kysely";
import type { AppDatabase } from "../../db/connection";
import { onPostgres } from "./db";

export async function makeTableRefuse(
  db: AppDatabase,
  { table, on, message }: { table: string; on: "insert" | "delete"; message: string },
): Promise<() => Promise<void>> {
  const name = sql.id(`refuse_${on}_${table}`);
  const event = sql.raw(on);
  if (onPostgres) {
    await sql`create function ${name}() returns trigger language plpgsql as ${sql.lit(
      `begin raise exception '${message.replace(/'/g, "''")}'; end`,
    )}`.execute(db);
    await sql`create trigger ${name} before ${event} on ${sql.table(table)} for each row execute function ${name}()`.execute(
      db,
    );
    return async () => {
      await sql`drop trigger ${name} on ${sql.table(table)}`.execute(db);
      await sql`drop function ${name}()`.execute(db);
    };
  }
  await sql`create trigger ${name} before ${event} on ${sql.table(table)} begin select raise(abort, ${sql.lit(message)}); end`.execute(
    db,
  );
  return async () => {
    await sql`drop trigger ${name}`.execute(db);
  };
}
