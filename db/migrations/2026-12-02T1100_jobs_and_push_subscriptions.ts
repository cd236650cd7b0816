// Frozen in time: never import the app's types here, and never edit after it has shipped.
// Scheduled work as rows claimed with a lease (decision 030), and the devices a member chose to
// receive push notifications on (decision 031).
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("jobs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    // Enqueueing the same key twice makes one job: idempotent producers, one run per recurring slot.
    .addColumn("key", "text", (c) => c.notNull().unique())
    .addColumn("run_at", "text", (c) => c.notNull())
    // JSON of ids only: never a text a person typed, never a secret.
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("lease_owner", "text")
    .addColumn("lease_until", "text")
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("done_at", "text")
    // An error code (a name), never a message: messages can carry addresses or what people typed.
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("jobs_due").on("jobs").columns(["done_at", "run_at"]).execute();

  await db.schema
    .createTable("push_subscriptions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("member_id", "text", (c) => c.notNull().references("members.id").onDelete("cascade"))
    // The push service's address for one browser on one device, and its keys: as secret as a token.
    .addColumn("endpoint", "text", (c) => c.notNull().unique())
    .addColumn("p256dh", "text", (c) => c.notNull())
    .addColumn("auth", "text", (c) => c.notNull())
    .addColumn("show_details", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    // The last time the device's own page confirmed it still holds this subscription.
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("push_subscriptions_member").on("push_subscriptions").column("member_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("push_subscriptions").execute();
  await db.schema.dropTable("jobs").execute();
}
