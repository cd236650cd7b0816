import type { AppDatabase } from "../../db/connection";
import { runRetention } from "~/features/retention/retention.server";
import { deleteMemberAccount } from "~/features/members/member-data.server";
import { deactivateMember } from "~/features/members/staff-members.server";
import { leaveGroup } from "~/features/members/members.server";
import { rsvpGoing } from "~/features/answers/answers.server";
import { createActivity, createChapter, createGroup, createMember, createStaff } from "../factories";
import { createTestDatabase, type TestDatabase } from "../setup/db";

const HOUR = 60 * 60 * 1000;
const soon = () => new Date(Date.now() + 20 * HOUR).toISOString();
const noDetails = { note: null, showPseudonym: false };
let database: TestDatabase;
afterEach(() => database.close());

/** One group activity with one place, taken by the first member; the second waits. */
async function setup() {
  database = await createTestDatabase();
  const db = database.db;
  const chapter = await createChapter(db);
  const group = await createGroup(db, { chapter_id: chapter.id });
  const other = await createGroup(db, { chapter_id: chapter.id });
  // Under a day away, so a freed place is given at once rather than offered.
  const activity = await createActivity(db, {
    chapter_id: chapter.id,
    group_id: group.id,
    capacity: 1,
    starts_at: soon(),
  });
  const holder = await createMember(db, { chapter_id: chapter.id, groupIds: [group.id, other.id] });
  const waiting = await createMember(db, { chapter_id: chapter.id, groupIds: [group.id, other.id] });
  const answer = (activityId: string, memberId: string) =>
    rsvpGoing(db, { id: memberId, chapterId: chapter.id }, { activityId, ...noDetails });
  await answer(activity.id, holder.id);
  await answer(activity.id, waiting.id);
  const coordinator = await createStaff(db, { chapterIds: [chapter.id] });
  const staff = { id: coordinator.id, role: coordinator.role, chapterIds: [chapter.id] };
  return { db, chapter, group, other, activity, holder, waiting, answer, staff };
}

function answersTo(db: AppDatabase, activityId: string) {
  return db
    .selectFrom("rsvps")
    .select(["member_id", "status"])
    .where("activity_id", "=", activityId)
    .orderBy("arrival")
    .execute();
}

describe("a member who leaves a group", () => {
  test("gives up her place in the group's coming activities, and the first on the waitlist gets it", async () => {
    const { db, group, activity, holder, waiting } = await setup();
    await leaveGroup(db, holder, { groupId: group.id });
    expect(await answersTo(db, activity.id)).toEqual([{ member_id: waiting.id, status: "going" }]);
  });

  test("keeps her answers to activities of her other groups and of the whole chapter", async () => {
    const { db, chapter, group, other, holder, answer } = await setup();
    const ofOther = await createActivity(db, { chapter_id: chapter.id, group_id: other.id });
    const ofChapter = await createActivity(db, { chapter_id: chapter.id, group_id: null });
    await answer(ofOther.id, holder.id);
    await answer(ofChapter.id, holder.id);
    await leaveGroup(db, holder, { groupId: group.id });
    expect(await answersTo(db, ofOther.id)).toEqual([{ member_id: holder.id, status: "going" }]);
    expect(await answersTo(db, ofChapter.id)).toEqual([{ member_id: holder.id, status: "going" }]);
  });

  test("keeps her answers to the group's activities that have already ended", async () => {
    const { db, chapter, group, holder } = await setup();
    const ended = await createActivity(db, {
      chapter_id: chapter.id,
      group_id: group.id,
      starts_at: new Date(Date.now() - 5 * HOUR).toISOString(),
      ends_at: new Date(Date.now() - 3 * HOUR).toISOString(),
    });
    await db
      .insertInto("rsvps")
      .values({
        id: "past-answer",
        activity_id: ended.id,
        member_id: holder.id,
        status: "going",
        arrival: 1,
        note: null,
        created_at: ended.created_at,
        updated_at: ended.created_at,
      })
      .execute();
    await leaveGroup(db, holder, { groupId: group.id });
    expect(await answersTo(db, ended.id)).toEqual([{ member_id: holder.id, status: "going" }]);
  });

  test("who only asked to join and takes the request back changes no answers", async () => {
    const { db, chapter, activity, holder, waiting } = await setup();
    const pending = await createGroup(db, { chapter_id: chapter.id, join_policy: "approval" });
    await db
      .insertInto("group_memberships")
      .values({ member_id: holder.id, group_id: pending.id, status: "requested", created_at: new Date().toISOString() })
      .execute();
    await leaveGroup(db, holder, { groupId: pending.id });
    expect(await answersTo(db, activity.id)).toEqual([
      { member_id: holder.id, status: "going" },
      { member_id: waiting.id, status: "waitlisted" },
    ]);
  });
});

describe("a member whom staff deactivate", () => {
  test("gives up every place in coming activities at once, and the waitlist moves up", async () => {
    const { db, chapter, other, activity, holder, waiting, answer, staff } = await setup();
    const ofChapter = await createActivity(db, {
      chapter_id: chapter.id,
      group_id: null,
      capacity: 1,
      starts_at: soon(),
    });
    const ofOther = await createActivity(db, { chapter_id: chapter.id, group_id: other.id });
    await answer(ofChapter.id, holder.id);
    await answer(ofChapter.id, waiting.id);
    await answer(ofOther.id, holder.id);
    await expect(deactivateMember(db, staff, { chapterId: chapter.id, memberId: holder.id })).resolves.toBe(true);
    expect(await answersTo(db, activity.id)).toEqual([{ member_id: waiting.id, status: "going" }]);
    expect(await answersTo(db, ofChapter.id)).toEqual([{ member_id: waiting.id, status: "going" }]);
    expect(await answersTo(db, ofOther.id)).toEqual([]);
  });

  test("is then deleted by retention like an account deleted by its owner, keeping the anonymous count", async () => {
    const { db, chapter, group, holder, staff } = await setup();
    const ended = await createActivity(db, {
      chapter_id: chapter.id,
      group_id: group.id,
      starts_at: new Date(Date.now() - 5 * HOUR).toISOString(),
      ends_at: new Date(Date.now() - 3 * HOUR).toISOString(),
    });
    await db
      .insertInto("rsvps")
      .values({
        id: "past-answer",
        activity_id: ended.id,
        member_id: holder.id,
        status: "going",
        arrival: 1,
        note: null,
        created_at: ended.created_at,
        updated_at: ended.created_at,
      })
      .execute();
    await deactivateMember(db, staff, { chapterId: chapter.id, memberId: holder.id });
    const report = await runRetention(db, {
      now: new Date(Date.now() + 100 * 24 * HOUR),
      notesAfterDays: 30,
      addressesAfterDays: 30,
      deactivatedAfterDays: 90,
      auditAfterDays: 365,
    });
    expect(report.membersDeleted).toBe(1);
    const count = await db
      .selectFrom("anonymous_attendance")
      .select("going_count")
      .where("activity_id", "=", ended.id)
      .executeTakeFirst();
    expect(count?.going_count).toBe(1);
  });
});

describe("a member who deletes her account", () => {
  test("frees her coming places for the waitlist", async () => {
    const { db, activity, holder, waiting } = await setup();
    await deleteMemberAccount(db, holder.id);
    expect(await answersTo(db, activity.id)).toEqual([{ member_id: waiting.id, status: "going" }]);
  });
});
