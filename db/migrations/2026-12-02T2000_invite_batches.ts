// Frozen in time: never import the app's types here, and never edit after it has shipped.
// Invites are made in batches: a staff label ("Bergen, men's group, handed out at the café"),
// shown only on the staff list and never printed, and the one or two languages the slips of the
// batch were printed in (comma-joined codes). Invites made before this have no batch.
// Also: an activity's answers for staff are paged by keys (status, arrival, id) (decision 039), so
// that order is an index, replacing (activity_id, status, arrival).
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("invite_batches")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("chapter_id", "text", (c) => c.notNull().references("chapters.id").onDelete("cascade"))
    .addColumn("label", "text")
    .addColumn("languages", "text", (c) => c.notNull())
    .addColumn("created_by_staff_id", "text", (c) => c.references("staff_users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .alterTable("invites")
    .addColumn("batch_id", "text", (c) => c.references("invite_batches.id").onDelete("set null"))
    .execute();
  await db.schema.createIndex("invites_batch_idx").on("invites").column("batch_id").execute();
  await db.schema
    .createIndex("rsvps_activity_status_arrival_id_idx")
    .on("rsvps")
    .columns(["activity_id", "status", "arrival", "id"])
    .execute();
  await db.schema.dropIndex("rsvps_activity_status_idx").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("rsvps_activity_status_idx")
    .on("rsvps")
    .columns(["activity_id", "status", "arrival"])
    .execute();
  await db.schema.dropIndex("rsvps_activity_status_arrival_id_idx").execute();
  await db.schema.dropIndex("invites_batch_idx").execute();
  await db.schema.alterTable("invites").dropColumn("batch_id").execute();
  await db.schema.dropTable("invite_batches").execute();
}
