// Frozen in time: never import the app's types here, and never edit after it has shipped.
// staff_messages: what staff wrote to everyone going to an activity. Stored once; each member's
// notice points to it by id. It goes with the activity (cascade) and retention deletes it with the
// notices that point to it.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("staff_messages")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("activity_id", "text", (c) => c.notNull().references("activities.id").onDelete("cascade"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("sent_by", "text", (c) => c.references("staff_users.id").onDelete("set null"))
    .addColumn("include_waitlist", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("staff_messages_activity_idx")
    .on("staff_messages")
    .columns(["activity_id", "created_at"])
    .execute();
  await db.schema.createIndex("staff_messages_created_idx").on("staff_messages").column("created_at").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("staff_messages").execute();
}
