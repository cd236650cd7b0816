// The member's side of calendar feeds, as /me shows it: their link and their feed settings.
import type { AppDatabase } from "../../../db/connection";
import { log } from "~/platform/logger.server";
import type { CalendarSectionData } from "./calendar-section";
import { rotateFeedToken } from "./feed-tokens.server";

/** What the calendar section of /me needs. The link itself cannot be shown again: it is stored hashed. */
export async function loadCalendarSection(db: AppDatabase, member: { id: string }): Promise<CalendarSectionData> {
  const settings = await db
    .selectFrom("members")
    .select(["discreet_titles", "feed_all_group_activities"])
    .where("id", "=", member.id)
    .executeTakeFirstOrThrow();
  const link = await db
    .selectFrom("feed_tokens")
    .select("created_at")
    .where("member_id", "=", member.id)
    .where("revoked_at", "is", null)
    .orderBy("created_at", "desc")
    .executeTakeFirst();
  return {
    linkCreatedAt: link?.created_at ?? null,
    discreetTitles: settings.discreet_titles === 1,
    allActivities: settings.feed_all_group_activities === 1,
  };
}

/** Sets (not toggles) both feed settings, so a repeated submit changes nothing more. */
export async function updateFeedSettings(
  db: AppDatabase,
  member: { id: string },
  settings: { discreetTitles: boolean; allActivities: boolean },
  now: Date = new Date(),
) {
  await db
    .updateTable("members")
    .set({
      discreet_titles: settings.discreetTitles ? 1 : 0,
      feed_all_group_activities: settings.allActivities ? 1 : 0,
      updated_at: now.toISOString(),
    })
    .where("id", "=", member.id)
    .execute();
}

/** A new feed link for the member; the old one stops working at once. */
export async function replaceMemberFeedLink(db: AppDatabase, member: { id: string }, now: Date = new Date()) {
  const made = await rotateFeedToken(db, { memberId: member.id }, now);
  log("feed_link_made", { owner: "member" });
  return made;
}
