// Frozen in time: never import the app's types here, and never edit after it has shipped.
// Write a new migration instead.
//
// A join that went through but whose answer never reached the person (the phone locked, the page
// was left) can be repeated for a day: the same code, pseudonym and passphrase sign her in to the
// account the code made. This is the only link between an invite and the member it made, and
// retention deletes it when it expires (README "Joining can be repeated for a day").
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("join_receipts")
    .addColumn("invite_id", "text", (c) => c.primaryKey().references("invites.id").onDelete("cascade"))
    .addColumn("member_id", "text", (c) => c.notNull().references("members.id").onDelete("cascade"))
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("join_receipts_expires_idx").on("join_receipts").column("expires_at").execute();
  await db.schema.createIndex("join_receipts_member_idx").on("join_receipts").column("member_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("join_receipts").execute();
}
