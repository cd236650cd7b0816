// Frozen in time: never import the app's types here, and never edit after it has shipped.
// Write a new migration instead.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("chapters")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("region", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("groups")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("chapter_id", "text", (c) => c.references("chapters.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("audience", "text", (c) => c.notNull().check(sql`audience in ('women', 'men', 'everyone')`))
    .addColumn("join_policy", "text", (c) =>
      c
        .notNull()
        .defaultTo("approval")
        .check(sql`join_policy in ('open', 'approval')`),
    )
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("groups_chapter_idx").on("groups").column("chapter_id").execute();

  await db.schema
    .createTable("staff_users")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('admin', 'coordinator')`))
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("totp_secret", "text")
    .addColumn("totp_last_step", "integer")
    .addColumn("deactivated_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("staff_chapters")
    .addColumn("staff_id", "text", (c) => c.notNull().references("staff_users.id").onDelete("cascade"))
    .addColumn("chapter_id", "text", (c) => c.notNull().references("chapters.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("staff_chapters_pk", ["staff_id", "chapter_id"])
    .execute();
  await db.schema.createIndex("staff_chapters_chapter_idx").on("staff_chapters").column("chapter_id").execute();

  await db.schema
    .createTable("members")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("pseudonym", "text", (c) => c.notNull())
    .addColumn("pseudonym_key", "text", (c) => c.notNull().unique())
    .addColumn("passphrase_hash", "text", (c) => c.notNull())
    .addColumn("chapter_id", "text", (c) => c.notNull().references("chapters.id"))
    .addColumn("locale", "text")
    .addColumn("discreet_titles", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("feed_all_group_activities", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_active_on", "text")
    .addColumn("deactivated_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("members_chapter_idx").on("members").column("chapter_id").execute();

  await db.schema
    .createTable("group_memberships")
    .addColumn("member_id", "text", (c) => c.notNull().references("members.id").onDelete("cascade"))
    .addColumn("group_id", "text", (c) => c.notNull().references("groups.id").onDelete("cascade"))
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('active', 'requested')`))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("group_memberships_pk", ["member_id", "group_id"])
    .execute();
  await db.schema
    .createIndex("group_memberships_group_idx")
    .on("group_memberships")
    .columns(["group_id", "status"])
    .execute();

  await db.schema
    .createTable("invites")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("code_hash", "text", (c) => c.notNull().unique())
    .addColumn("chapter_id", "text", (c) => c.notNull().references("chapters.id").onDelete("cascade"))
    .addColumn("created_by_staff_id", "text", (c) => c.references("staff_users.id").onDelete("set null"))
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .addColumn("used_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("invites_chapter_idx").on("invites").columns(["chapter_id", "created_at"]).execute();

  await db.schema
    .createTable("invite_groups")
    .addColumn("invite_id", "text", (c) => c.notNull().references("invites.id").onDelete("cascade"))
    .addColumn("group_id", "text", (c) => c.notNull().references("groups.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("invite_groups_pk", ["invite_id", "group_id"])
    .execute();

  await db.schema
    .createTable("recovery_codes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("member_id", "text", (c) => c.references("members.id").onDelete("cascade"))
    .addColumn("staff_id", "text", (c) => c.references("staff_users.id").onDelete("cascade"))
    .addColumn("code_hash", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addCheckConstraint("recovery_codes_one_owner", sql`(member_id is null) <> (staff_id is null)`)
    .execute();
  await db.schema.createIndex("recovery_codes_member_idx").on("recovery_codes").column("member_id").execute();
  await db.schema.createIndex("recovery_codes_staff_idx").on("recovery_codes").column("staff_id").execute();

  await db.schema
    .createTable("reset_codes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("member_id", "text", (c) => c.notNull().references("members.id").onDelete("cascade"))
    .addColumn("code_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_by_staff_id", "text", (c) => c.references("staff_users.id").onDelete("set null"))
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("reset_codes_member_idx").on("reset_codes").column("member_id").execute();

  await db.schema
    .createTable("activities")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("chapter_id", "text", (c) => c.references("chapters.id").onDelete("cascade"))
    .addColumn("group_id", "text", (c) => c.references("groups.id").onDelete("cascade"))
    .addColumn("series_id", "text")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("ends_at", "text", (c) => c.notNull())
    .addColumn("area", "text", (c) => c.notNull())
    .addColumn("address", "text")
    .addColumn("capacity", "integer", (c) => c.check(sql`capacity is null or capacity > 0`))
    .addColumn("rsvp_deadline", "text")
    .addColumn("languages", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("interpreter_available", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("scheduled")
        .check(sql`status in ('scheduled', 'cancelled')`),
    )
    .addColumn("cancelled_at", "text")
    .addColumn("sequence", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_by_staff_id", "text", (c) => c.references("staff_users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint("activities_end_after_start", sql`ends_at > starts_at`)
    .execute();
  await db.schema
    .createIndex("activities_group_start_idx")
    .on("activities")
    .columns(["group_id", "starts_at"])
    .execute();
  await db.schema
    .createIndex("activities_chapter_start_idx")
    .on("activities")
    .columns(["chapter_id", "starts_at"])
    .execute();
  await db.schema.createIndex("activities_start_idx").on("activities").column("starts_at").execute();

  await db.schema
    .createTable("rsvps")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("activity_id", "text", (c) => c.notNull().references("activities.id").onDelete("cascade"))
    .addColumn("member_id", "text", (c) => c.notNull().references("members.id").onDelete("cascade"))
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('going', 'waitlisted', 'not_going')`))
    .addColumn("arrival", "integer", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("show_pseudonym", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("rsvps_one_per_member", ["activity_id", "member_id"])
    .execute();
  await db.schema
    .createIndex("rsvps_activity_status_idx")
    .on("rsvps")
    .columns(["activity_id", "status", "arrival"])
    .execute();
  await db.schema.createIndex("rsvps_member_idx").on("rsvps").columns(["member_id", "status"]).execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("id_hash", "text", (c) => c.notNull().unique())
    .addColumn("member_id", "text", (c) => c.references("members.id").onDelete("cascade"))
    .addColumn("staff_id", "text", (c) => c.references("staff_users.id").onDelete("cascade"))
    .addColumn("persistent", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("second_factor_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("idle_timeout_seconds", "integer", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addCheckConstraint("sessions_one_owner", sql`(member_id is null) <> (staff_id is null)`)
    .execute();
  await db.schema.createIndex("sessions_member_idx").on("sessions").column("member_id").execute();
  await db.schema.createIndex("sessions_staff_idx").on("sessions").column("staff_id").execute();

  await db.schema
    .createTable("feed_tokens")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("member_id", "text", (c) => c.references("members.id").onDelete("cascade"))
    .addColumn("staff_id", "text", (c) => c.references("staff_users.id").onDelete("cascade"))
    .addColumn("chapter_id", "text", (c) => c.references("chapters.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .addCheckConstraint("feed_tokens_one_owner", sql`(member_id is null) <> (staff_id is null)`)
    .execute();
  await db.schema.createIndex("feed_tokens_member_idx").on("feed_tokens").column("member_id").execute();
  await db.schema.createIndex("feed_tokens_staff_idx").on("feed_tokens").column("staff_id").execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor_staff_id", "text", (c) => c.references("staff_users.id").onDelete("set null"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("object_type", "text", (c) => c.notNull())
    .addColumn("object_id", "text")
    .addColumn("details", "text")
    .execute();
  await db.schema.createIndex("audit_log_at_idx").on("audit_log").column("at").execute();

  await db.schema
    .createTable("rate_limits")
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("window_start", "text", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("rate_limits_pk", ["key", "window_start"])
    .execute();
  await db.schema.createIndex("rate_limits_window_idx").on("rate_limits").column("window_start").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "rate_limits",
    "audit_log",
    "feed_tokens",
    "sessions",
    "rsvps",
    "activities",
    "reset_codes",
    "recovery_codes",
    "invite_groups",
    "invites",
    "group_memberships",
    "members",
    "staff_chapters",
    "staff_users",
    "groups",
    "chapters",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
