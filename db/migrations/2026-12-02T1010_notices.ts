// Frozen in time: never import the app's types here, and never edit after it has shipped.
// Write a new migration instead.
//
// A member's notices: messages inside the app (a place, a change, a reminder). `params` is a small
// JSON object of ids, times and enums only, never text a member typed. A deleted activity leaves its
// notices without a link (set null), so the page can still say that something changed.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("notices")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("member_id", "text", (c) => c.notNull().references("members.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("activity_id", "text", (c) => c.references("activities.id").onDelete("set null"))
    .addColumn("params", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("read_at", "text")
    .execute();
  await db.schema
    .createIndex("notices_member_created_idx")
    .on("notices")
    .columns(["member_id", "created_at"])
    .execute();
  await db.schema.createIndex("notices_member_unread_idx").on("notices").columns(["member_id", "read_at"]).execute();
  await db.schema.createIndex("notices_activity_idx").on("notices").column("activity_id").execute();
  await db.schema.createIndex("notices_created_idx").on("notices").column("created_at").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("notices").execute();
}
