import { action as editAction, loader as editLoader } from "~/routes/staff.activities.$activityId._index";
import { action as answersAction, loader as answersLoader } from "~/routes/staff.activities.$activityId.answers";
import { action as newAction } from "~/routes/staff.activities.new";
import { useTestDatabase } from "../setup/db";
import { createActivity, createChapter, createGroup, createMember, createRsvp, createStaff } from "../factories";
import { call, staffCookie } from "./support/staff";
import { formFields as form } from "./support/series";

const activityFields = {
  title: "Middag for gutta",
  description: "Vi lager mat sammen.",
  startDate: "2027-01-14",
  startTime: "18:00",
  endDate: "2027-01-14",
  endTime: "20:30",
  area: "Sentrum",
  address: "Eksempelsmauet 5",
  capacity: "12",
  deadlineDate: "",
  deadlineTime: "",
  languages: ["nb", "ar"],
};

describe("staff activities", () => {
  const testDb = useTestDatabase();

  async function setUp() {
    const db = testDb().db;
    const bergen = await createChapter(db, { name: "Bergen" });
    const oslo = await createChapter(db, { name: "Oslo" });
    const gutta = await createGroup(db, { chapter_id: bergen.id, audience: "men" });
    const osloGroup = await createGroup(db, { chapter_id: oslo.id });
    const coordinator = await createStaff(db, { chapterIds: [bergen.id] });
    return { db, bergen, oslo, gutta, osloGroup, coordinator, cookie: await staffCookie(db, coordinator.id) };
  }

  async function publish(cookie: string, fields: Record<string, string | string[]>) {
    return call(newAction, "/staff/activities/new", { fields: form({ ...activityFields, ...fields }), cookie });
  }

  async function activityRow(id: string) {
    return testDb().db.selectFrom("activities").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  }

  it("publishes an activity for a group, in UTC, with an audit entry that holds its title but no other text", async () => {
    const { gutta, bergen, cookie, coordinator } = await setUp();
    const res = await publish(cookie, { target: `group:${gutta.id}`, title: "Middag <b>for</b>\r\ngutta" });
    expect(res.status).toBe(303);
    const id = res.headers.get("Location")!.match(/activities\/([^?]+)/)![1]!;
    const row = await activityRow(id);
    expect(row).toMatchObject({
      chapter_id: bergen.id,
      group_id: gutta.id,
      title: "Middag <b>for</b> gutta",
      starts_at: "2027-01-14T17:00:00.000Z",
      ends_at: "2027-01-14T19:30:00.000Z",
      capacity: 12,
      languages: "nb,ar",
      sequence: 0,
      created_by_staff_id: coordinator.id,
    });
    const audit = await testDb().db.selectFrom("audit_log").selectAll().execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "activity.create", object_id: id, actor_staff_id: coordinator.id });
    // The title lets the log say which activity (decision 033); the description and address stay out.
    expect(JSON.parse(audit[0]!.details!).title).toBe("Middag <b>for</b> gutta");
    expect(audit[0]!.details).not.toContain("Vi lager mat");
    expect(audit[0]!.details).not.toContain("Eksempelsmauet");
  });

  it("does not save twice when the submit button is clicked twice", async () => {
    const { gutta, cookie } = await setUp();
    const first = await publish(cookie, { target: `group:${gutta.id}` });
    const second = await publish(cookie, { target: `group:${gutta.id}` });
    expect(second.headers.get("Location")).toBe(first.headers.get("Location"));
    expect(await testDb().db.selectFrom("activities").select("id").execute()).toHaveLength(1);
  });

  it("answers 404 when a coordinator targets a chapter or group they do not cover, or the whole country", async () => {
    const { oslo, osloGroup, cookie } = await setUp();
    for (const target of [`chapter:${oslo.id}`, `group:${osloGroup.id}`, "group:does-not-exist", "national"]) {
      expect((await publish(cookie, { target })).status).toBe(404);
    }
    expect(await testDb().db.selectFrom("activities").select("id").execute()).toHaveLength(0);
  });

  it("answers bad input with errors next to the fields, never a 500, and saves nothing", async () => {
    const { gutta, cookie } = await setUp();
    const cases: Array<[Record<string, string | string[]>, Record<string, string>]> = [
      [{ endTime: "17:00" }, { endTime: "staff.endBeforeStart" }],
      [{ startDate: "2027-02-30" }, { startDate: "staff.invalidDate" }],
      [
        { startDate: "2027-03-28", endDate: "2027-03-28", startTime: "02:30", endTime: "04:00" },
        { startTime: "staff.nonexistentTime" },
      ],
      [
        { startDate: "2027-10-31", endDate: "2027-10-31", startTime: "02:30", endTime: "04:00" },
        { startTime: "staff.ambiguousTime" },
      ],
      [{ capacity: "0" }, { capacity: "staff.capacityTooSmall" }],
      [{ capacity: "-3" }, { capacity: "staff.capacityTooSmall" }],
      [{ capacity: "999999" }, { capacity: "staff.capacityTooLarge" }],
      [{ title: "\r\n" }, { title: "required" }],
      [{ languages: [] }, { languages: "staff.languagesRequired" }],
      [{ target: "'; drop table activities; --" }, { target: "staff.targetRequired" }],
    ];
    for (const [fields, errors] of cases) {
      const res = await publish(cookie, { target: `group:${gutta.id}`, ...fields });
      expect(res.status, JSON.stringify(fields)).toBe(400);
      expect(res.data.errors).toEqual(errors);
      expect(res.data.values.area).toBe("Sentrum");
    }
    expect(await testDb().db.selectFrom("activities").select("id").execute()).toHaveLength(0);
  });

  it("resolves an ambiguous autumn time with the choice made in the form", async () => {
    const { gutta, cookie } = await setUp();
    const res = await publish(cookie, {
      target: `group:${gutta.id}`,
      startDate: "2027-10-31",
      endDate: "2027-10-31",
      startTime: "02:30",
      startFold: "later",
      endTime: "04:00",
    });
    const id = res.headers.get("Location")!.match(/activities\/([^?]+)/)![1]!;
    expect((await activityRow(id)).starts_at).toBe("2027-10-31T01:30:00.000Z");
  });

  it("creates a weekly series as separate occurrences sharing a series id, each editable alone", async () => {
    const { gutta, cookie } = await setUp();
    const res = await publish(cookie, { target: `group:${gutta.id}`, repeat: "weekly", repeatUntil: "2027-02-04" });
    expect(res.headers.get("Location")).toMatch(/\?created=4$/);
    const rows = await testDb().db.selectFrom("activities").selectAll().orderBy("starts_at").execute();
    expect(rows.map((r) => r.starts_at.slice(0, 10))).toEqual(["2027-01-14", "2027-01-21", "2027-01-28", "2027-02-04"]);
    expect(new Set(rows.map((r) => r.series_id)).size).toBe(1);
    expect(rows[0]!.series_id).not.toBeNull();

    const second = rows[1]!;
    const cancel = await call(editAction, `/staff/activities/${second.id}`, {
      fields: [
        ["intent", "cancel"],
        ["reason", "Beklager, lederen er syk"],
        ["confirm", "yes"],
        ["sequence", "0"],
      ],
      cookie,
      params: { activityId: second.id },
    });
    expect(cancel.status).toBe(303);
    const after = await testDb().db.selectFrom("activities").select(["id", "status"]).orderBy("starts_at").execute();
    expect(after.map((r) => r.status)).toEqual(["scheduled", "cancelled", "scheduled", "scheduled"]);
  });

  async function edit(cookie: string, id: string, fields: Record<string, string | string[]>) {
    return call(editAction, `/staff/activities/${id}`, {
      fields: form({ ...activityFields, intent: "save", ...fields }),
      cookie,
      params: { activityId: id },
    });
  }

  it("raises the sequence on every change and refuses a save from a form opened before another save", async () => {
    const { db, bergen, gutta, cookie } = await setUp();
    const activity = await createActivity(db, { chapter_id: bergen.id, group_id: gutta.id });
    const opened = await call(editLoader, `/staff/activities/${activity.id}`, {
      cookie,
      params: { activityId: activity.id },
    });
    expect(opened.data.sequence).toBe(0);

    expect((await edit(cookie, activity.id, { sequence: "0", title: "Første lagring" })).status).toBe(303);
    expect(await activityRow(activity.id)).toMatchObject({ sequence: 1, title: "Første lagring" });

    const stale = await edit(cookie, activity.id, { sequence: "0", title: "Andre lagring" });
    expect(stale.status).toBe(409);
    expect(stale.data.errors).toEqual({ form: "staff.changedSinceOpened" });
    expect(stale.data.values.title).toBe("Andre lagring");
    expect(await activityRow(activity.id)).toMatchObject({ sequence: 1, title: "Første lagring" });

    expect((await edit(cookie, activity.id, { sequence: "1", title: "Tredje lagring" })).status).toBe(303);
    const cancelled = await call(editAction, `/staff/activities/${activity.id}`, {
      fields: [
        ["intent", "cancel"],
        ["reason", "Beklager, lederen er syk"],
        ["confirm", "yes"],
        ["sequence", "2"],
      ],
      cookie,
      params: { activityId: activity.id },
    });
    expect(cancelled.status).toBe(303);
    const row = await activityRow(activity.id);
    expect(row).toMatchObject({ sequence: 3, status: "cancelled", title: "Tredje lagring" });
    expect(row.cancelled_at).not.toBeNull();
    expect(Date.parse(row.updated_at)).toBeGreaterThanOrEqual(Date.parse(activity.updated_at));
  });

  it("never lets a posted chapter, group or id move an activity", async () => {
    const { db, bergen, oslo, gutta, cookie } = await setUp();
    const activity = await createActivity(db, { chapter_id: bergen.id, group_id: gutta.id });
    const res = await edit(cookie, activity.id, {
      sequence: "0",
      chapter_id: oslo.id,
      group_id: "",
      id: "new-id",
      target: `chapter:${oslo.id}`,
    });
    expect(res.status).toBe(303);
    expect(await activityRow(activity.id)).toMatchObject({ chapter_id: bergen.id, group_id: gutta.id });
  });

  async function withAnswers() {
    const setup = await setUp();
    const { db, bergen, gutta } = setup;
    const activity = await createActivity(db, { chapter_id: bergen.id, group_id: gutta.id, capacity: 3 });
    const members = [];
    for (let i = 0; i < 6; i++) members.push(await createMember(db, { chapter_id: bergen.id, groupIds: [gutta.id] }));
    for (const [i, m] of members.entries()) {
      await createRsvp(db, {
        activity_id: activity.id,
        member_id: m.id,
        status: i < 3 ? "going" : "waitlisted",
        note: i === 0 ? "Kommer sent" : null,
      });
    }
    return { ...setup, activity, members };
  }

  const statuses = async (activityId: string) =>
    (
      await testDb()
        .db.selectFrom("rsvps")
        .select(["member_id", "status", "offer_expires_at"])
        .where("activity_id", "=", activityId)
        .orderBy("arrival")
        .execute()
    ).map((r) => (r.status === "waitlisted" && r.offer_expires_at !== null ? "offered" : r.status));

  it("offers the new places to the waitlist in order when capacity is raised, and keeps everyone going when it is lowered", async () => {
    const { activity, cookie } = await withAnswers();
    expect((await edit(cookie, activity.id, { sequence: "0", capacity: "5" })).status).toBe(303);
    expect(await statuses(activity.id)).toEqual(["going", "going", "going", "offered", "offered", "waitlisted"]);

    expect((await edit(cookie, activity.id, { sequence: "1", capacity: "2" })).status).toBe(303);
    expect(await statuses(activity.id)).toEqual(["going", "going", "going", "offered", "offered", "waitlisted"]);
    const page = await call(editLoader, `/staff/activities/${activity.id}`, {
      cookie,
      params: { activityId: activity.id },
    });
    expect(page.data.overflow).toBe(1);

    expect((await edit(cookie, activity.id, { sequence: "2", capacity: "" })).status).toBe(303);
    expect(await statuses(activity.id)).toEqual(["going", "going", "going", "going", "going", "going"]);
  });

  it("keeps the answers when an activity is cancelled", async () => {
    const { activity, cookie } = await withAnswers();
    await call(editAction, `/staff/activities/${activity.id}`, {
      fields: [
        ["intent", "cancel"],
        ["reason", "Beklager, lederen er syk"],
        ["confirm", "yes"],
        ["sequence", "0"],
      ],
      cookie,
      params: { activityId: activity.id },
    });
    expect(await statuses(activity.id)).toEqual(["going", "going", "going", "waitlisted", "waitlisted", "waitlisted"]);
  });

  it("shows staff the answers with notes and the waitlist in order, and records moves with a reason code", async () => {
    const { activity, members, cookie, coordinator } = await withAnswers();
    const page = await call(answersLoader, `/staff/activities/${activity.id}/answers`, {
      cookie,
      params: { activityId: activity.id },
    });
    expect(page.data.answers.map((a: { status: string }) => a.status)).toEqual([
      "going",
      "going",
      "going",
      "waitlisted",
      "waitlisted",
      "waitlisted",
    ]);
    expect(page.data.answers[0].note).toBe("Kommer sent");

    const post = (fields: Array<[string, string]>) =>
      call(answersAction, `/staff/activities/${activity.id}/answers`, {
        fields,
        cookie,
        params: { activityId: activity.id },
      });
    expect(
      (
        await post([
          ["intent", "remove"],
          ["memberId", members[0]!.id],
        ])
      ).status,
    ).toBe(400);
    expect(
      (
        await post([
          ["intent", "remove"],
          ["memberId", members[0]!.id],
          ["reason", "member_asked"],
        ])
      ).status,
    ).toBe(303);
    // The freed place is offered to the first on the waitlist (the activity is weeks away).
    expect(await statuses(activity.id)).toEqual(["not_going", "going", "going", "offered", "waitlisted", "waitlisted"]);
    expect(
      (
        await post([
          ["intent", "promote"],
          ["memberId", members[5]!.id],
          ["reason", "extra_place"],
        ])
      ).status,
    ).toBe(303);
    expect(await statuses(activity.id)).toEqual(["not_going", "going", "going", "offered", "waitlisted", "going"]);

    const audit = await testDb().db.selectFrom("audit_log").selectAll().orderBy("at").execute();
    expect(audit.map((a) => [a.action, a.actor_staff_id])).toEqual([
      ["rsvp.remove", coordinator.id],
      ["rsvp.promote", coordinator.id],
    ]);
    expect(JSON.parse(audit[0]!.details!)).toMatchObject({
      reason: "member_asked",
      promotedFromWaitlist: 0,
      offeredFromWaitlist: 1,
    });
    expect(audit.map((a) => a.details).join()).not.toContain("Kommer sent");
  });
});
