// Frozen in time: never import the app's types here, and never edit after it has shipped.
// A weekly programme: occurrences of a series are found by their series id in date order, and an
// activity can be a draft (saved, not published: members and feeds do not see it).
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("activities")
    .addColumn("draft", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex("activities_series_idx").on("activities").columns(["series_id", "starts_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("activities_series_idx").execute();
  await db.schema.alterTable("activities").dropColumn("draft").execute();
}
