// Frozen in time: never import the app's types here, and never edit after it has shipped.
// The member's activity list asks, per group (or for "no group"), what has not ended yet
// (group_id = ? and ends_at > now). With (group_id, ends_at) SQLite reads only upcoming rows
// instead of every activity the group or chapter ever held.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("activities_group_ends_idx").on("activities").columns(["group_id", "ends_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("activities_group_ends_idx").execute();
}
