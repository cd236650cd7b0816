// Check-in at the door: marking who came and undoing it, walk-ins by pseudonym (own chapter only)
// and without an account, the derived "did not come", scope, audit rows without names, and the
// counts that stay when a member deletes her account.
import { action, loader } from "~/routes/staff.activities.$activityId.check-in";
import { findCheckInList, listAttendanceHistoryForStaff } from "~/features/attendance/attendance.server";
import { deleteMemberAccount } from "~/features/members/member-data.server";
import { loadReportForStaff } from "~/features/reports/reports.server";
import { useTestDatabase } from "../setup/db";
import { createActivity, createChapter, createGroup, createMember, createRsvp, createStaff } from "../factories";
import { call, staffCookie } from "./support/staff";

const HOUR = 60 * 60 * 1000;

describe("check-in at the door", () => {
  const testDb = useTestDatabase();

  async function setUp({ startsInHours = -1 } = {}) {
    const db = testDb().db;
    const bergen = await createChapter(db, { name: "Bergen" });
    const oslo = await createChapter(db, { name: "Oslo" });
    const group = await createGroup(db, { chapter_id: bergen.id });
    const coordinator = { ...(await createStaff(db, { chapterIds: [bergen.id] })), chapterIds: [bergen.id] };
    const osloCoordinator = { ...(await createStaff(db, { chapterIds: [oslo.id] })), chapterIds: [oslo.id] };
    const startsAt = new Date(Date.now() + startsInHours * HOUR);
    const activity = await createActivity(db, {
      chapter_id: bergen.id,
      group_id: group.id,
      starts_at: startsAt.toISOString(),
      ends_at: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
    });
    const members = [];
    for (const pseudonym of ["Solsikke", "Nordlys", "Havbris"]) {
      members.push(await createMember(db, { chapter_id: bergen.id, pseudonym, groupIds: [group.id] }));
    }
    const [a, b, c] = members as [(typeof members)[0], (typeof members)[0], (typeof members)[0]];
    await createRsvp(db, { activity_id: activity.id, member_id: a.id, status: "going" });
    await createRsvp(db, { activity_id: activity.id, member_id: b.id, status: "going" });
    await createRsvp(db, { activity_id: activity.id, member_id: c.id, status: "waitlisted" });
    const cookie = await staffCookie(db, coordinator.id);
    const path = `/staff/activities/${activity.id}/check-in`;
    const post = (fields: Array<[string, string]>, as = cookie) =>
      call(action, path, { fields, cookie: as, params: { activityId: activity.id } });
    return { db, bergen, oslo, group, coordinator, osloCoordinator, activity, a, b, c, cookie, path, post };
  }

  it("lists those going, then the waitlist, to staff of the chapter", async () => {
    const { path, cookie, activity, a, b, c } = await setUp();
    const page = await call(loader, path, { cookie, params: { activityId: activity.id } });
    expect(page.status).toBe(200);
    expect(page.data.people.map((p: { memberId: string; place: string }) => [p.memberId, p.place])).toEqual([
      [a.id, "going"],
      [b.id, "going"],
      [c.id, "waitlisted"],
    ]);
  });

  it("marks a member as came with one tap and undoes it with the next", async () => {
    const { db, post, activity, a } = await setUp();
    expect(
      (
        await post([
          ["intent", "came"],
          ["memberId", a.id],
        ])
      ).status,
    ).toBe(303);
    expect(await db.selectFrom("check_ins").select("member_id").execute()).toEqual([{ member_id: a.id }]);
    await post([
      ["intent", "came"],
      ["memberId", a.id],
    ]);
    expect(await db.selectFrom("check_ins").selectAll().execute()).toHaveLength(1);
    expect(
      (
        await post([
          ["intent", "undo"],
          ["memberId", a.id],
        ])
      ).status,
    ).toBe(303);
    expect(await db.selectFrom("check_ins").selectAll().where("activity_id", "=", activity.id).execute()).toEqual([]);
  });

  it("adds a walk-in of the chapter by pseudonym, whatever the case", async () => {
    const { db, bergen, post } = await setUp();
    const walkIn = await createMember(db, { chapter_id: bergen.id, pseudonym: "Fjellrose" });
    expect(
      (
        await post([
          ["intent", "walkIn"],
          ["pseudonym", "fjellROSE"],
        ])
      ).status,
    ).toBe(303);
    expect(await db.selectFrom("check_ins").select("member_id").execute()).toEqual([{ member_id: walkIn.id }]);
  });

  it("does not find a member of another chapter by pseudonym, and says only that nobody in this chapter has it", async () => {
    const { db, oslo, post } = await setUp();
    await createMember(db, { chapter_id: oslo.id, pseudonym: "Osloblomst" });
    const other = await post([
      ["intent", "walkIn"],
      ["pseudonym", "Osloblomst"],
    ]);
    const nobody = await post([
      ["intent", "walkIn"],
      ["pseudonym", "Finnesikke"],
    ]);
    expect(other.status).toBe(400);
    expect(other.data).toEqual({ error: "notFound" });
    expect(nobody.data).toEqual(other.data);
    expect(await db.selectFrom("check_ins").selectAll().execute()).toEqual([]);
  });

  it("refuses an empty pseudonym with a message, and saves nothing", async () => {
    const { db, post } = await setUp();
    const result = await post([
      ["intent", "walkIn"],
      ["pseudonym", "  "],
    ]);
    expect(result).toMatchObject({ status: 400, data: { error: "pseudonymRequired" } });
    expect(await db.selectFrom("check_ins").selectAll().execute()).toEqual([]);
  });

  it("counts people without an account up and down, never below zero", async () => {
    const { db, post, activity } = await setUp();
    await post([["intent", "walkInMore"]]);
    await post([["intent", "walkInMore"]]);
    await post([["intent", "walkInFewer"]]);
    const count = () =>
      db.selectFrom("walk_in_counts").select("count").where("activity_id", "=", activity.id).executeTakeFirst();
    expect(await count()).toEqual({ count: 1 });
    await post([["intent", "walkInFewer"]]);
    await post([["intent", "walkInFewer"]]);
    expect(await count()).toEqual({ count: 0 });
  });

  it("does not mark someone who neither answered nor was added as a walk-in", async () => {
    const { db, bergen, post } = await setUp();
    const stranger = await createMember(db, { chapter_id: bergen.id });
    expect(
      (
        await post([
          ["intent", "came"],
          ["memberId", stranger.id],
        ])
      ).status,
    ).toBe(400);
    expect(await db.selectFrom("check_ins").selectAll().execute()).toEqual([]);
  });

  it("is a 404 for staff of another chapter, for the list and for every tap", async () => {
    const { db, path, activity, a, osloCoordinator, post } = await setUp();
    const osloCookie = await staffCookie(db, osloCoordinator.id);
    expect((await call(loader, path, { cookie: osloCookie, params: { activityId: activity.id } })).status).toBe(404);
    expect(
      (
        await post(
          [
            ["intent", "came"],
            ["memberId", a.id],
          ],
          osloCookie,
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await post(
          [
            ["intent", "walkIn"],
            ["pseudonym", "Solsikke"],
          ],
          osloCookie,
        )
      ).status,
    ).toBe(404);
    expect(await db.selectFrom("check_ins").selectAll().execute()).toEqual([]);
  });

  it("derives 'did not come' after the end for those going who were not marked, and stores no such fact", async () => {
    const { db, post, coordinator, activity, a, b, c } = await setUp({ startsInHours: -5 });
    await post([
      ["intent", "came"],
      ["memberId", a.id],
    ]);
    const list = await findCheckInList(db, coordinator, { activityId: activity.id });
    const byId = new Map(list!.people.map((p) => [p.memberId, p]));
    expect(byId.get(a.id)).toMatchObject({ came: true, didNotCome: false });
    expect(byId.get(b.id)).toMatchObject({ came: false, didNotCome: true });
    expect(byId.get(c.id)).toMatchObject({ came: false, didNotCome: false });
    expect(list!.didNotComeCount).toBe(1);
    expect(await db.selectFrom("check_ins").selectAll().execute()).toHaveLength(1);
  });

  it("does not call anyone a no-show before the activity has ended", async () => {
    const { db, coordinator, activity } = await setUp({ startsInHours: -1 });
    const list = await findCheckInList(db, coordinator, { activityId: activity.id });
    expect(list!.ended).toBe(false);
    expect(list!.people.some((p) => p.didNotCome)).toBe(false);
  });

  it("writes audit rows with counts, never who came", async () => {
    const { db, post, a, b } = await setUp();
    await post([
      ["intent", "came"],
      ["memberId", a.id],
    ]);
    await post([
      ["intent", "came"],
      ["memberId", b.id],
    ]);
    await post([["intent", "walkInMore"]]);
    const audit = await db.selectFrom("audit_log").select(["action", "details"]).orderBy("at").execute();
    expect(audit.map((r) => r.action)).toEqual([
      "attendance.check_in",
      "attendance.check_in",
      "attendance.walk_in_count",
    ]);
    expect(JSON.parse(audit[2]!.details!)).toMatchObject({ members: 2, withoutAccount: 1 });
    expect(Object.keys(JSON.parse(audit[2]!.details!)).sort()).toEqual([
      "members",
      "startsAt",
      "title",
      "withoutAccount",
    ]);
    expect(JSON.stringify(audit)).not.toContain(a.id);
    expect(JSON.stringify(audit)).not.toContain(b.id);
  });

  it("shows a member's attendance history to staff of her chapter only", async () => {
    const { db, post, coordinator, osloCoordinator, activity, a, b } = await setUp({ startsInHours: -5 });
    await post([
      ["intent", "came"],
      ["memberId", a.id],
    ]);
    expect(await listAttendanceHistoryForStaff(db, coordinator, { memberId: a.id })).toEqual([
      { activityId: activity.id, title: activity.title, startsAt: activity.starts_at, outcome: "came" },
    ]);
    expect(await listAttendanceHistoryForStaff(db, coordinator, { memberId: b.id })).toMatchObject([
      { outcome: "didNotCome" },
    ]);
    expect(await listAttendanceHistoryForStaff(db, osloCoordinator, { memberId: a.id })).toBeUndefined();
  });

  it("leaves out of a coordinator's view the activities only admins may open (national ones)", async () => {
    const { db, coordinator, a } = await setUp({ startsInHours: -5 });
    const national = await createActivity(db, {
      chapter_id: null as unknown as string,
      title: "Nasjonal samling",
      starts_at: new Date(Date.now() - 48 * 3600_000).toISOString(),
      ends_at: new Date(Date.now() - 46 * 3600_000).toISOString(),
    });
    await createRsvp(db, { activity_id: national.id, member_id: a.id, status: "going" });
    const admin = { role: "admin" as const, chapterIds: [] };
    const titles = async (scope: Parameters<typeof listAttendanceHistoryForStaff>[1]) =>
      (await listAttendanceHistoryForStaff(db, scope, { memberId: a.id }))?.map((r) => r.title);
    expect(await titles(coordinator)).not.toContain("Nasjonal samling");
    expect(await titles(admin)).toContain("Nasjonal samling");
  });

  it("keeps attendances and the share who came in the report after a member deletes her account", async () => {
    const { db, post, coordinator, a, b } = await setUp({ startsInHours: -5 });
    await post([
      ["intent", "came"],
      ["memberId", a.id],
    ]);
    await post([["intent", "walkInMore"]]);
    const params = new URLSearchParams({ period: "dates", from: "2000-01-01", to: "2100-01-01" });
    const before = await loadReportForStaff(db, coordinator, { params, threshold: 1 });
    await deleteMemberAccount(db, a.id);
    await deleteMemberAccount(db, b.id);
    const after = await loadReportForStaff(db, coordinator, { params, threshold: 1 });
    expect(before.report.total.attendances).toEqual({ kind: "shown", value: 2 });
    expect(after.report.total.attendances).toEqual({ kind: "shown", value: 2 });
    expect(before.report.total.shareWhoCame).toEqual({ kind: "shown", value: 50 });
    expect(after.report.total.shareWhoCame).toEqual({ kind: "shown", value: 50 });
    expect(await db.selectFrom("check_ins").selectAll().execute()).toEqual([]);
  });
});
