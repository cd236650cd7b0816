// Frozen in time: never import the app's types here, and never edit after it has shipped.
// Write a new migration instead.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // Who came, marked at the door. A row is a fact ("came"); "did not come" is derived, never stored.
  await db.schema
    .createTable("check_ins")
    .addColumn("activity_id", "text", (c) => c.notNull().references("activities.id").onDelete("cascade"))
    .addColumn("member_id", "text", (c) => c.notNull().references("members.id").onDelete("cascade"))
    .addColumn("checked_in_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("check_ins_pk", ["activity_id", "member_id"])
    .execute();
  await db.schema.createIndex("check_ins_member").on("check_ins").columns(["member_id", "activity_id"]).execute();

  // People without an account who came, as a number per activity: nobody is named.
  await db.schema
    .createTable("walk_in_counts")
    .addColumn("activity_id", "text", (c) => c.primaryKey().references("activities.id").onDelete("cascade"))
    .addColumn("count", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  // Check-ins of deleted accounts, counted like their "going" answers: no link to who they were.
  await db.schema
    .alterTable("anonymous_attendance")
    .addColumn("came_count", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable("anonymous_attendance")
    .addColumn("came_of_going_count", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("anonymous_attendance").dropColumn("came_of_going_count").execute();
  await db.schema.alterTable("anonymous_attendance").dropColumn("came_count").execute();
  await db.schema.dropTable("walk_in_counts").execute();
  await db.schema.dropTable("check_ins").execute();
}
