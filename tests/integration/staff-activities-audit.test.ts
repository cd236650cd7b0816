// Every staff change and its audit row are one: when the audit row cannot be written, the change
// is not kept either. A trigger refuses audit inserts, standing in for any failure between the two.
import { action as editAction } from "~/routes/staff.activities.$activityId._index";
import { action as answersAction } from "~/routes/staff.activities.$activityId.answers";
import { action as newAction } from "~/routes/staff.activities.new";
import { action as staffCalendarAction } from "~/routes/staff.calendar";
import { useTestDatabase } from "../setup/db";
import { makeTableRefuse } from "../setup/refusing-table";
import { createActivity, createChapter, createGroup, createMember, createRsvp, createStaff } from "../factories";
import { call, staffCookie } from "./support/staff";

describe("a staff change whose audit row cannot be written", () => {
  const testDb = useTestDatabase();

  async function setUp() {
    const db = testDb().db;
    const bergen = await createChapter(db, { name: "Bergen" });
    const gutta = await createGroup(db, { chapter_id: bergen.id });
    const coordinator = await createStaff(db, { chapterIds: [bergen.id] });
    const activity = await createActivity(db, { chapter_id: bergen.id, group_id: gutta.id, capacity: 1 });
    const going = await createMember(db, { chapter_id: bergen.id, groupIds: [gutta.id] });
    const waiting = await createMember(db, { chapter_id: bergen.id, groupIds: [gutta.id] });
    await createRsvp(db, { activity_id: activity.id, member_id: going.id, status: "going" });
    await createRsvp(db, { activity_id: activity.id, member_id: waiting.id, status: "waitlisted" });
    await makeTableRefuse(db, { table: "audit_log", on: "insert", message: "audit refused" });
    return { db, bergen, gutta, activity, going, waiting, cookie: await staffCookie(db, coordinator.id) };
  }

  const post = (
    fn: Parameters<typeof call>[0],
    path: string,
    cookie: string,
    fields: Array<[string, string]>,
    params: Record<string, string> = {},
  ) => call(fn, path, { fields, cookie, params });

  async function snapshot(db: ReturnType<typeof testDb>["db"]) {
    return {
      activities: await db.selectFrom("activities").selectAll().orderBy("id").execute(),
      rsvps: await db.selectFrom("rsvps").select(["member_id", "status"]).orderBy("arrival").execute(),
      feedTokens: await db.selectFrom("feed_tokens").selectAll().execute(),
      audit: await db.selectFrom("audit_log").selectAll().execute(),
    };
  }

  it("publishes no activity", async () => {
    const { db, gutta, cookie } = await setUp();
    const before = await snapshot(db);
    const fields: Array<[string, string]> = [
      ["target", `group:${gutta.id}`],
      ["title", "Middag"],
      ["description", ""],
      ["startDate", "2027-01-14"],
      ["startTime", "18:00"],
      ["endDate", "2027-01-14"],
      ["endTime", "20:00"],
      ["area", "Sentrum"],
      ["address", ""],
      ["capacity", ""],
      ["deadlineDate", ""],
      ["deadlineTime", ""],
      ["languages", "nb"],
    ];
    await expect(post(newAction, "/staff/activities/new", cookie, fields)).rejects.toThrow(/audit refused/);
    expect(await snapshot(db)).toEqual(before);
  });

  it("keeps the activity as it was when an edit is saved", async () => {
    const { db, activity, cookie } = await setUp();
    const before = await snapshot(db);
    const fields: Array<[string, string]> = [
      ["sequence", "0"],
      ["title", "Nytt navn"],
      ["description", ""],
      ["startDate", "2027-01-14"],
      ["startTime", "18:00"],
      ["endDate", "2027-01-14"],
      ["endTime", "20:00"],
      ["area", "Sentrum"],
      ["address", ""],
      // A larger capacity would promote the waitlisted member: that must not stay either.
      ["capacity", "5"],
      ["deadlineDate", ""],
      ["deadlineTime", ""],
      ["languages", "nb"],
    ];
    await expect(
      post(editAction, `/staff/activities/${activity.id}`, cookie, fields, { activityId: activity.id }),
    ).rejects.toThrow(/audit refused/);
    expect(await snapshot(db)).toEqual(before);
  });

  it("does not cancel the activity", async () => {
    const { db, activity, cookie } = await setUp();
    const before = await snapshot(db);
    await expect(
      post(
        editAction,
        `/staff/activities/${activity.id}`,
        cookie,
        [
          ["intent", "cancel"],
          ["reason", "Beklager, lederen er syk"],
          ["confirm", "yes"],
          ["sequence", "0"],
        ],
        {
          activityId: activity.id,
        },
      ),
    ).rejects.toThrow(/audit refused/);
    expect(await snapshot(db)).toEqual(before);
  });

  it("neither takes anyone off the activity nor moves anyone up from the waitlist", async () => {
    const { db, activity, going, waiting, cookie } = await setUp();
    const before = await snapshot(db);
    const path = `/staff/activities/${activity.id}/answers`;
    const params = { activityId: activity.id };
    await expect(
      post(
        answersAction,
        path,
        cookie,
        [
          ["intent", "remove"],
          ["memberId", going.id],
          ["reason", "member_asked"],
        ],
        params,
      ),
    ).rejects.toThrow(/audit refused/);
    await expect(
      post(
        answersAction,
        path,
        cookie,
        [
          ["intent", "promote"],
          ["memberId", waiting.id],
          ["reason", "extra_place"],
        ],
        params,
      ),
    ).rejects.toThrow(/audit refused/);
    expect(await snapshot(db)).toEqual(before);
  });

  it("makes no new chapter calendar link", async () => {
    const { db, bergen, cookie } = await setUp();
    const before = await snapshot(db);
    await expect(
      post(staffCalendarAction, "/staff/calendar", cookie, [
        ["intent", "link"],
        ["chapterId", bergen.id],
      ]),
    ).rejects.toThrow(/audit refused/);
    expect(await snapshot(db)).toEqual(before);
  });
});
