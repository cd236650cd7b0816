// Frozen in time: never import the app's types here, and never edit after it has shipped.
// Write a new migration instead.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // Secrets the app makes for itself when the environment gives none (e.g. the rate-limit key),
  // so a demo runs without configuration and several instances on one database agree.
  await db.schema
    .createTable("app_secrets")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  // "Going" answers of deleted accounts, counted per activity without any link to the person,
  // so attendance statistics stay true after an account is deleted.
  await db.schema
    .createTable("anonymous_attendance")
    .addColumn("activity_id", "text", (c) => c.primaryKey().references("activities.id").onDelete("cascade"))
    .addColumn("going_count", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("anonymous_attendance").execute();
  await db.schema.dropTable("app_secrets").execute();
}
