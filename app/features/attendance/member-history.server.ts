// A member's page for staff of her chapter: pseudonym, groups, status and attendance history.
// Never shown to other members. Out of scope, unknown and deleted are the same: undefined (404).
import type { AppDatabase } from "../../../db/connection";
import { chapterFilter, type StaffScope } from "~/features/staff/staff.server";
import { listAttendanceHistoryForStaff } from "./attendance.server";

export async function loadMemberForStaff(
  db: AppDatabase,
  staff: StaffScope,
  { chapterId, memberId }: { chapterId: string; memberId: string },
  now = new Date(),
) {
  const only = chapterFilter(staff);
  const member = await db
    .selectFrom("members")
    .select(["id", "pseudonym", "deactivated_at", "last_active_on"])
    .where("id", "=", memberId)
    .where("chapter_id", "=", chapterId)
    .$if(only !== null, (q) => q.where("chapter_id", "in", only!))
    .executeTakeFirst();
  if (!member) return undefined;
  const [groups, history] = await Promise.all([
    db
      .selectFrom("group_memberships")
      .innerJoin("groups", "groups.id", "group_memberships.group_id")
      .select(["groups.id", "groups.name"])
      .where("group_memberships.member_id", "=", member.id)
      .where("group_memberships.status", "=", "active")
      .orderBy("groups.name")
      .execute(),
    listAttendanceHistoryForStaff(db, staff, { memberId: member.id }, now),
  ]);
  return {
    id: member.id,
    pseudonym: member.pseudonym,
    deactivated: member.deactivated_at !== null,
    lastActiveOn: member.last_active_on,
    groups,
    history: history ?? [],
  };
}
