// Counts that are numbers on both databases. PostgreSQL's count(*) is a bigint, which `pg` hands
// over as a string; cast to integer it arrives as a JS number, as SQLite's always does. For counts
// used inside a query (a correlated subquery in a select list) where no Number() can reach them.
import { sql, type RawBuilder } from "kysely";

/** count(*) as an integer: a number in JavaScript on SQLite and PostgreSQL alike. */
export function countRows(): RawBuilder<number> {
  return sql<number>`cast(count(*) as integer)`;
}
