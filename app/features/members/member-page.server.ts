// A member's own page (/me): her coming answers, her groups, how many recovery codes she has left
// and her calendar link, each scoped to her.
import type { AppDatabase } from "../../../db/connection";
import { listUpcomingRsvpsForMember } from "~/features/activities/member-activities.server";
import { loadCalendarSection } from "~/features/calendar/member-calendar.server";
import type { MemberViewer } from "~/features/sessions/viewer.server";
import { readReminderChoice } from "~/features/notices/reminders.server";
import { countUnusedRecoveryCodes, listGroupsForMember } from "./members.server";

export async function loadMemberPage(db: AppDatabase, member: MemberViewer["member"], now = new Date()) {
  const [answers, groups, recoveryCodesLeft, calendar, reminder] = await Promise.all([
    listUpcomingRsvpsForMember(db, member, { now }),
    listGroupsForMember(db, member),
    countUnusedRecoveryCodes(db, member.id),
    loadCalendarSection(db, member),
    readReminderChoice(db, { memberId: member.id }),
  ]);
  return { pseudonym: member.pseudonym, answers, groups, recoveryCodesLeft, calendar, reminder };
}
