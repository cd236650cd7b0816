// Frozen in time: never import the app's types here, and never edit after it has shipped.
// The staff week view and its parts:
// - activities_starts_idx: the week view and the dashboard ask for one week's range of starts_at,
//   so the cost stays flat however many activities a chapter has held.
// - rsvps: "meet me at the door" (a flag, an optional short place the member typed, and which staff
//   member will meet her) and when staff last read her note (unread notes are counted per activity).
// - audit_log.chapter_id and (at, id): the log filters by chapter and pages by keys.
// - answer_replies: staff replies to a member's note; they go with her answer (cascade) and are
//   cleared with her note by retention.
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("activities_starts_idx").on("activities").columns(["starts_at"]).execute();
  await db.schema
    .alterTable("rsvps")
    .addColumn("meet_at_door", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable("rsvps").addColumn("meet_place", "text").execute();
  await db.schema
    .alterTable("rsvps")
    .addColumn("meet_staff_id", "text", (c) => c.references("staff_users.id").onDelete("set null"))
    .execute();
  await db.schema.alterTable("rsvps").addColumn("note_seen_at", "text").execute();
  await db.schema
    .createTable("answer_replies")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("rsvp_id", "text", (c) => c.notNull().references("rsvps.id").onDelete("cascade"))
    .addColumn("staff_id", "text", (c) => c.references("staff_users.id").onDelete("set null"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("answer_replies_rsvp_idx")
    .on("answer_replies")
    .columns(["rsvp_id", "created_at"])
    .execute();
  // The audit log filters by chapter; no foreign key, so entries outlive a deleted chapter.
  await db.schema.alterTable("audit_log").addColumn("chapter_id", "text").execute();
  await db.schema.createIndex("audit_log_at_id_idx").on("audit_log").columns(["at", "id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("audit_log_at_id_idx").execute();
  await db.schema.alterTable("audit_log").dropColumn("chapter_id").execute();
  await db.schema.dropTable("answer_replies").execute();
  await db.schema.alterTable("rsvps").dropColumn("note_seen_at").execute();
  await db.schema.alterTable("rsvps").dropColumn("meet_staff_id").execute();
  await db.schema.alterTable("rsvps").dropColumn("meet_place").execute();
  await db.schema.alterTable("rsvps").dropColumn("meet_at_door").execute();
  await db.schema.dropIndex("activities_starts_idx").execute();
}
