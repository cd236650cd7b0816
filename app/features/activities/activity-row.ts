// An activity row as the member views select it, and the one mapper from it to what pages show.
// Types come from db/schema.ts; this file has no database access, so components may import it.
import type { Activity, RsvpStatus } from "../../../db/schema";

/** Whose activity it is, for the label on a card. */
export type ActivityScope = "group" | "chapter" | "national";

/** The columns every member view of an activity selects, with its group's name and the going count. */
export type ActivitySummaryRow = Pick<
  Activity,
  | "id"
  | "title"
  | "chapter_id"
  | "group_id"
  | "starts_at"
  | "ends_at"
  | "area"
  | "capacity"
  | "languages"
  | "interpreter_available"
  | "status"
> & { group_name: string | null; going_count: number | null };

/** The stored fields the staff form is filled from. */
export type StoredActivityFields = Pick<
  Activity,
  | "title"
  | "description"
  | "starts_at"
  | "ends_at"
  | "area"
  | "address"
  | "capacity"
  | "rsvp_deadline"
  | "languages"
  | "interpreter_available"
>;

export function activityScope(row: Pick<Activity, "group_id" | "chapter_id">): ActivityScope {
  return row.group_id ? "group" : row.chapter_id ? "chapter" : "national";
}

/** "nb,en" as ["nb", "en"]. */
export function spokenLanguagesOf(languages: string): string[] {
  return languages
    .split(",")
    .map((l) => l.trim())
    .filter(Boolean);
}

export function toActivitySummary(row: ActivitySummaryRow) {
  return {
    id: row.id,
    title: row.title,
    scope: activityScope(row),
    groupName: row.group_name,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    area: row.area,
    capacity: row.capacity,
    goingCount: row.going_count ?? 0,
    status: row.status,
    languages: spokenLanguagesOf(row.languages),
    interpreterAvailable: row.interpreter_available === 1,
  };
}

export type ActivitySummary = ReturnType<typeof toActivitySummary>;

/** An activity in the member's list: the summary and their own answer. */
export interface MemberActivity extends ActivitySummary {
  myStatus: RsvpStatus | null;
  waitlistPosition: number | null;
}
