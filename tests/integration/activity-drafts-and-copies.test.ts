// Drafts stay with staff (not in members' lists, pages, answers or feeds) until published; staff
// preview them as a member would see them. Holiday dates, past starts, copies, whole-series answers.
import { feedCache } from "~/features/calendar/build-feed.server";
import { createFeedToken } from "~/features/calendar/feed-tokens.server";
import { loader as feedLoader } from "~/routes/calendar.$token[.ics]";
import { loader as homeLoader } from "~/routes/_index";
import { action as memberAction, loader as memberLoader } from "~/routes/activities.$activityId";
import { action as editAction, loader as editLoader } from "~/routes/staff.activities.$activityId._index";
import { loader as previewLoader } from "~/routes/staff.activities.$activityId.preview";
import { action as newAction } from "~/routes/staff.activities.new";
import { useTestDatabase } from "../setup/db";
import { createActivity, createChapter, createGroup, createMember, createRsvp, createStaff } from "../factories";
import { call, memberCookie, staffCookie } from "./support/staff";
import { formFields as form } from "./support/series";

const fields = {
  title: "Kafékveld i utkast",
  description: "",
  startDate: "2027-02-04",
  startTime: "18:00",
  endDate: "2027-02-04",
  endTime: "20:00",
  area: "Sentrum",
  address: "Hemmelig gate 3",
  capacity: "",
  deadlineDate: "",
  deadlineTime: "",
  languages: ["nb"],
};

describe("drafts, holidays, past starts, copies and whole-series answers", () => {
  const testDb = useTestDatabase();
  beforeEach(() => feedCache.clear());

  async function setUp() {
    const db = testDb().db;
    const bergen = await createChapter(db, { name: "Bergen" });
    const oslo = await createChapter(db, { name: "Oslo" });
    const group = await createGroup(db, { chapter_id: bergen.id });
    const coordinator = await createStaff(db, { chapterIds: [bergen.id] });
    const osloCoordinator = await createStaff(db, { chapterIds: [oslo.id] });
    const member = await createMember(db, { chapter_id: bergen.id, groupIds: [group.id] });
    await db.updateTable("members").set({ feed_all_group_activities: 1 }).where("id", "=", member.id).execute();
    return {
      db,
      group,
      member,
      cookie: await staffCookie(db, coordinator.id),
      osloCookie: await staffCookie(db, osloCoordinator.id),
      memberCookie: await memberCookie(db, member.id),
    };
  }

  const publish = (cookie: string, more: Record<string, string | string[]>) =>
    call(newAction, "/staff/activities/new", { fields: form({ ...fields, ...more }), cookie });
  const idFrom = (location: string | null) => location!.match(/activities\/([^?]+)/)![1]!;

  async function feedBody(memberId: string) {
    const { token } = await createFeedToken(testDb().db, { memberId });
    const request = new Request(`http://localhost/calendar/${token}.ics`);
    const res = (await feedLoader({
      request,
      params: { token },
      context: { clientAddress: "192.0.2.1" },
    } as any)) as Response;
    expect(res.status).toBe(200);
    return res.text();
  }

  it("keeps a draft from members' list, page, answers and feed, shows it to staff in preview, and publishes it", async () => {
    const { db, group, member, cookie, osloCookie, memberCookie: mc } = await setUp();
    const res = await publish(cookie, { target: `group:${group.id}`, intent: "draft" });
    expect(res.status).toBe(303);
    const id = idFrom(res.headers.get("Location"));
    expect(
      (await db.selectFrom("activities").select("draft").where("id", "=", id).executeTakeFirstOrThrow()).draft,
    ).toBe(1);

    const home = await call(homeLoader, "/", { cookie: mc });
    expect(JSON.stringify(home.data)).not.toContain("Kafékveld i utkast");
    expect((await call(memberLoader, `/activities/${id}`, { cookie: mc, params: { activityId: id } })).status).toBe(
      404,
    );
    const answer = await call(memberAction, `/activities/${id}`, {
      fields: [["intent", "going"]],
      cookie: mc,
      params: { activityId: id },
    });
    expect(answer.status).toBe(404);
    expect(await db.selectFrom("rsvps").selectAll().execute()).toEqual([]);
    expect(await feedBody(member.id)).not.toContain("Kafékveld i utkast");

    const preview = await call(previewLoader, `/staff/activities/${id}/preview`, {
      cookie,
      params: { activityId: id },
    });
    expect(preview.status).toBe(200);
    expect(preview.data).toMatchObject({ draft: true, activity: { title: "Kafékveld i utkast", address: null } });
    for (const c of [osloCookie, mc]) {
      const refused = await call(previewLoader, `/staff/activities/${id}/preview`, {
        cookie: c,
        params: { activityId: id },
      });
      expect([302, 303, 404]).toContain(refused.status);
      expect(refused.data).toBeUndefined();
    }

    const page = await call(editLoader, `/staff/activities/${id}`, { cookie, params: { activityId: id } });
    const published = await call(editAction, `/staff/activities/${id}`, {
      fields: [
        ["intent", "publish"],
        ["sequence", String(page.data.sequence)],
      ],
      cookie,
      params: { activityId: id },
    });
    expect(published.status).toBe(303);
    expect(await feedBody(member.id)).toContain("Kafékveld i utkast");
    expect((await call(memberLoader, `/activities/${id}`, { cookie: mc, params: { activityId: id } })).status).toBe(
      200,
    );
    const audit = await db.selectFrom("audit_log").select("action").orderBy("at").execute();
    expect(audit.map((a) => a.action)).toEqual(["activity.draft", "activity.publish"]);
  });

  it("warns about 24 and 31 December in a weekly series and skips them unless unticked", async () => {
    const { db, group, cookie } = await setUp();
    const series = {
      target: `group:${group.id}`,
      startDate: "2026-12-10",
      endDate: "2026-12-10",
      repeat: "weekly",
      repeatUntil: "2027-01-14",
    };
    const first = await publish(cookie, series);
    expect(first.status).toBe(200);
    expect(first.data.holidays.map((h: { date: string }) => h.date)).toEqual(["2026-12-24", "2026-12-31"]);
    expect(await db.selectFrom("activities").selectAll().execute()).toEqual([]);

    // The form comes back with both ticked; staff untick New Year's Eve.
    const second = await publish(cookie, {
      ...series,
      holidaysReviewed: ["2026-12-24", "2026-12-31"],
      skipDates: ["2026-12-24"],
    });
    expect(second.status).toBe(303);
    const rows = await db.selectFrom("activities").select("starts_at").orderBy("starts_at").execute();
    expect(rows.map((r) => r.starts_at.slice(0, 10))).toEqual([
      "2026-12-10",
      "2026-12-17",
      "2026-12-31",
      "2027-01-07",
      "2027-01-14",
    ]);
  });

  it("refuses a start in the past with a message on the date, and saves it once staff confirm it happened", async () => {
    const { db, group, cookie } = await setUp();
    const past = { target: `group:${group.id}`, startDate: "2026-11-03", endDate: "2026-11-03" };
    const refused = await publish(cookie, past);
    expect(refused.status).toBe(400);
    expect(refused.data.errors).toEqual({ startDate: "staffSeries.startInPast" });
    expect(refused.data.values.title).toBe("Kafékveld i utkast");
    expect(await db.selectFrom("activities").selectAll().execute()).toEqual([]);
    const confirmed = await publish(cookie, { ...past, pastConfirmed: "on" });
    expect(confirmed.status).toBe(303);
    expect(await db.selectFrom("activities").select("starts_at").execute()).toEqual([
      { starts_at: "2026-11-03T17:00:00.000Z" },
    ]);
  });

  it("copies an activity to next week and to a chosen date at the same Oslo clock time, without answers", async () => {
    const { db, group, member, cookie } = await setUp();
    // 18:00 on Thursday 25 March 2027 (winter time); a week later it is summer time.
    const original = await createActivity(db, {
      chapter_id: group.chapter_id,
      group_id: group.id,
      starts_at: "2027-03-25T17:00:00.000Z",
      ends_at: "2027-03-25T19:00:00.000Z",
    });
    await createRsvp(db, { activity_id: original.id, member_id: member.id });
    const copy = (f: Array<[string, string]>) =>
      call(editAction, `/staff/activities/${original.id}`, { fields: f, cookie, params: { activityId: original.id } });

    const nextWeek = await copy([["intent", "copyNextWeek"]]);
    expect(nextWeek.status).toBe(303);
    expect(nextWeek.headers.get("Location")).toContain("copied=1");
    const week = await db
      .selectFrom("activities")
      .selectAll()
      .where("id", "=", idFrom(nextWeek.headers.get("Location")))
      .executeTakeFirstOrThrow();
    expect(week).toMatchObject({
      starts_at: "2027-04-01T16:00:00.000Z",
      ends_at: "2027-04-01T18:00:00.000Z",
      series_id: null,
    });

    const sameDay = await copy([
      ["intent", "copyDate"],
      ["copyDate", "2027-03-25"],
    ]);
    expect(sameDay.status).toBe(400);
    expect(sameDay.data.errors).toEqual({ copyDate: "staffSeries.copySameDate" });

    // An empty, unreadable or impossible date is a field error, never a 500.
    for (const typed of ["", "abc", "2026-02-31"]) {
      const odd = await copy([
        ["intent", "copyDate"],
        ["copyDate", typed],
      ]);
      expect(odd.status, typed).toBe(400);
      expect(odd.data.errors, typed).toEqual({ copyDate: "staff.invalidDate" });
    }
    const noDate = await copy([["intent", "copyDate"]]);
    expect(noDate.status).toBe(400);

    const chosen = await copy([
      ["intent", "copyDate"],
      ["copyDate", "2027-05-06"],
    ]);
    expect(chosen.status).toBe(303);
    const may = await db
      .selectFrom("activities")
      .select("starts_at")
      .where("id", "=", idFrom(chosen.headers.get("Location")))
      .executeTakeFirstOrThrow();
    expect(may.starts_at).toBe("2027-05-06T16:00:00.000Z");
    expect(await db.selectFrom("rsvps").select("activity_id").execute()).toEqual([{ activity_id: original.id }]);
  });

  it("lets a member come to every date of a series at once, with a place where there is one and the waitlist where full", async () => {
    const { db, group, member, memberCookie: mc } = await setUp();
    const seriesId = "series-1";
    const dates = ["2027-02-04", "2027-02-11", "2027-02-18"];
    const rows = [];
    for (const day of dates) {
      rows.push(
        await createActivity(db, {
          chapter_id: group.chapter_id,
          group_id: group.id,
          series_id: seriesId,
          capacity: 1,
          starts_at: `${day}T17:00:00.000Z`,
        }),
      );
    }
    const other = await createMember(db, { chapter_id: group.chapter_id!, groupIds: [group.id] });
    await createRsvp(db, { activity_id: rows[1]!.id, member_id: other.id, status: "going" });

    const res = await call(memberAction, `/activities/${rows[0]!.id}`, {
      fields: [["series", "going"]],
      cookie: mc,
      params: { activityId: rows[0]!.id },
    });
    expect(res.status).toBe(303);
    const page = await call(memberLoader, `/activities/${rows[0]!.id}`, {
      cookie: mc,
      params: { activityId: rows[0]!.id },
    });
    expect(
      page.data.series.map((d: { status: string; waitlistPosition: number | null }) => [d.status, d.waitlistPosition]),
    ).toEqual([
      ["going", null],
      ["waitlisted", 1],
      ["going", null],
    ]);

    const left = await call(memberAction, `/activities/${rows[0]!.id}`, {
      fields: [["series", "leave"]],
      cookie: mc,
      params: { activityId: rows[0]!.id },
    });
    expect(left.status).toBe(303);
    const mine = await db.selectFrom("rsvps").select("status").where("member_id", "=", member.id).execute();
    expect(mine.map((r) => r.status)).toEqual(["not_going", "not_going", "not_going"]);
  });
});
