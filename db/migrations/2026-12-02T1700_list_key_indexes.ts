// Frozen in time: never import the app's types here, and never edit after it has shipped.
// Lists are paged by keys (decision 039): each list's order, including its tie-break on id, is an
// index, so a page reads only its own rows and never sorts in a temporary B-tree.
// - the member's activity list: (starts_at, id), which replaces the index on starts_at alone, and
//   (group_id, starts_at, id) for the list of one group, replacing (group_id, starts_at);
// - a chapter's members for staff: (chapter_id, pseudonym, id);
// - a chapter's invites for staff, newest first: (chapter_id, created_at, id), replacing
//   (chapter_id, created_at).
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("activities_start_id_idx").on("activities").columns(["starts_at", "id"]).execute();
  await db.schema.dropIndex("activities_start_idx").execute();
  await db.schema
    .createIndex("activities_group_start_id_idx")
    .on("activities")
    .columns(["group_id", "starts_at", "id"])
    .execute();
  await db.schema.dropIndex("activities_group_start_idx").execute();
  await db.schema
    .createIndex("members_chapter_pseudonym_idx")
    .on("members")
    .columns(["chapter_id", "pseudonym", "id"])
    .execute();
  await db.schema
    .createIndex("invites_chapter_created_id_idx")
    .on("invites")
    .columns(["chapter_id", "created_at", "id"])
    .execute();
  await db.schema.dropIndex("invites_chapter_idx").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("invites_chapter_idx").on("invites").columns(["chapter_id", "created_at"]).execute();
  await db.schema.dropIndex("invites_chapter_created_id_idx").execute();
  await db.schema.dropIndex("members_chapter_pseudonym_idx").execute();
  await db.schema
    .createIndex("activities_group_start_idx")
    .on("activities")
    .columns(["group_id", "starts_at"])
    .execute();
  await db.schema.dropIndex("activities_group_start_id_idx").execute();
  await db.schema.createIndex("activities_start_idx").on("activities").column("starts_at").execute();
  await db.schema.dropIndex("activities_start_id_idx").execute();
}
