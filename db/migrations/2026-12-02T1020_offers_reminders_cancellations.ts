// Frozen in time: never import the app's types here, and never edit after it has shipped.
// Write a new migration instead.
//
// Waitlist offers (a freed place held for the first in line until `offer_expires_at`), each
// member's reminder choice, the one-reminder-per-activity-and-member key, and what cancelling
// keeps so an undo can restore every answer exactly as it was.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("rsvps").addColumn("offer_expires_at", "text").execute();
  await db.schema.createIndex("rsvps_offer_expires_idx").on("rsvps").column("offer_expires_at").execute();
  await db.schema
    .alterTable("members")
    .addColumn("reminder", "text", (c) => c.notNull().defaultTo("day_before"))
    .execute();
  await db.schema.alterTable("activities").addColumn("cancel_reason", "text").execute();
  await db.schema
    .createTable("reminder_sends")
    .addColumn("activity_id", "text", (c) => c.notNull().references("activities.id").onDelete("cascade"))
    .addColumn("member_id", "text", (c) => c.notNull().references("members.id").onDelete("cascade"))
    .addColumn("sent_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("reminder_sends_pk", ["activity_id", "member_id"])
    .execute();
  await db.schema.createIndex("reminder_sends_member_idx").on("reminder_sends").column("member_id").execute();
  await db.schema
    .createTable("cancellation_snapshots")
    .addColumn("activity_id", "text", (c) => c.primaryKey().references("activities.id").onDelete("cascade"))
    .addColumn("cancelled_at", "text", (c) => c.notNull())
    .addColumn("cancelled_by_staff_id", "text", (c) => c.references("staff_users.id").onDelete("set null"))
    .addColumn("answers", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("cancellation_snapshots").execute();
  await db.schema.dropTable("reminder_sends").execute();
  await db.schema.alterTable("activities").dropColumn("cancel_reason").execute();
  await db.schema.alterTable("members").dropColumn("reminder").execute();
  await db.schema.dropIndex("rsvps_offer_expires_idx").execute();
  await db.schema.alterTable("rsvps").dropColumn("offer_expires_at").execute();
}
