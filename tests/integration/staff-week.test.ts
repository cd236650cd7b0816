import { loader as weekLoader } from "~/routes/staff.week";
import { loadStaffWeek } from "~/features/week/staff-week.server";
import { useTestDatabase } from "../setup/db";
import { createActivity, createChapter, createGroup, createMember, createRsvp, createStaff } from "../factories";
import { call, staffCookie } from "./support/staff";

const database = useTestDatabase();
const coordinatorScope = (chapterIds: string[]) => ({ role: "coordinator" as const, chapterIds });
const NOW = new Date("2026-12-16T10:00:00.000Z"); // Wednesday of week 51, 2026

async function world() {
  const db = database().db;
  const bergen = await createChapter(db, { name: "Bergen" });
  const oslo = await createChapter(db, { name: "Oslo" });
  const gutta = await createGroup(db, { chapter_id: bergen.id, name: "Gutta" });
  const kvinner = await createGroup(db, { chapter_id: bergen.id, name: "Kvinnegruppa" });
  return { db, bergen, oslo, gutta, kvinner };
}

describe("the staff week", () => {
  it("holds the activities that start from Monday 00:00 to Sunday 23:59 in Oslo, not by UTC days", async () => {
    const { db, bergen } = await world();
    // Monday 14 December 00:00 in Oslo is Sunday 23:00 UTC; Monday 21 December 00:00 is 23:00 UTC on the 20th.
    const firstMinute = await createActivity(db, { chapter_id: bergen.id, starts_at: "2026-12-13T23:00:00.000Z" });
    const lastMinute = await createActivity(db, { chapter_id: bergen.id, starts_at: "2026-12-20T22:59:00.000Z" });
    await createActivity(db, { chapter_id: bergen.id, starts_at: "2026-12-13T22:59:00.000Z" });
    await createActivity(db, { chapter_id: bergen.id, starts_at: "2026-12-20T23:00:00.000Z" });
    const week = await loadStaffWeek(db, coordinatorScope([bergen.id]), { weekKey: "2026-W51" });
    expect(week.activities.map((a) => a.id)).toEqual([firstMinute.id, lastMinute.id]);
    expect(week.activities.map((a) => a.day)).toEqual(["2026-12-14", "2026-12-20"]);
    expect(week.days[0]).toBe("2026-12-14");
  });

  it("shows week 53 of 2026 across New Year, and its neighbours are week 52 and week 1 of 2027", async () => {
    const { db, bergen } = await world();
    const newYearsEve = await createActivity(db, { chapter_id: bergen.id, starts_at: "2026-12-31T17:00:00.000Z" });
    const newYearsDay = await createActivity(db, { chapter_id: bergen.id, starts_at: "2027-01-01T12:00:00.000Z" });
    await createActivity(db, { chapter_id: bergen.id, starts_at: "2027-01-04T12:00:00.000Z" });
    const week = await loadStaffWeek(db, coordinatorScope([bergen.id]), { weekKey: "2026-W53" });
    expect(week.activities.map((a) => a.id)).toEqual([newYearsEve.id, newYearsDay.id]);
    expect(week.previousWeekKey).toBe("2026-W52");
    expect(week.nextWeekKey).toBe("2027-W01");
  });

  it("without a readable week key shows the week that now falls in", async () => {
    const { db, bergen } = await world();
    for (const weekKey of [null, "2027-W53", "junk"]) {
      const week = await loadStaffWeek(db, coordinatorScope([bergen.id]), { weekKey }, NOW);
      expect(week.weekKey).toBe("2026-W51");
    }
  });

  it("shows a coordinator only her chapters, even when she asks for another chapter", async () => {
    const { db, bergen, oslo } = await world();
    const mine = await createActivity(db, { chapter_id: bergen.id, starts_at: "2026-12-15T17:00:00.000Z" });
    await createActivity(db, { chapter_id: oslo.id, starts_at: "2026-12-15T17:00:00.000Z" });
    await createActivity(db, { chapter_id: null, starts_at: "2026-12-15T17:00:00.000Z" });
    const scope = coordinatorScope([bergen.id]);
    expect((await loadStaffWeek(db, scope, { weekKey: "2026-W51" })).activities.map((a) => a.id)).toEqual([mine.id]);
    const asked = await loadStaffWeek(db, scope, { weekKey: "2026-W51", chapterId: oslo.id });
    expect(asked.activities.map((a) => a.id)).toEqual([mine.id]);
    expect(asked.chapters.map((c) => c.name)).toEqual(["Bergen"]);
    const admin = await loadStaffWeek(db, { role: "admin", chapterIds: [] }, { weekKey: "2026-W51" });
    expect(admin.activities).toHaveLength(3);
  });

  it("filters by chapter and by group", async () => {
    const { db, bergen, oslo, gutta, kvinner } = await world();
    const forGutta = await createActivity(db, {
      chapter_id: bergen.id,
      group_id: gutta.id,
      starts_at: "2026-12-15T17:00:00.000Z",
    });
    await createActivity(db, { chapter_id: bergen.id, group_id: kvinner.id, starts_at: "2026-12-15T17:00:00.000Z" });
    const inOslo = await createActivity(db, { chapter_id: oslo.id, starts_at: "2026-12-16T17:00:00.000Z" });
    const admin = { role: "admin" as const, chapterIds: [] };
    const byGroup = await loadStaffWeek(db, admin, { weekKey: "2026-W51", groupId: gutta.id });
    expect(byGroup.activities.map((a) => a.id)).toEqual([forGutta.id]);
    const byChapter = await loadStaffWeek(db, admin, { weekKey: "2026-W51", chapterId: oslo.id });
    expect(byChapter.activities.map((a) => a.id)).toEqual([inOslo.id]);
  });

  it("counts going, the waitlist and unread notes, and lists who asked to be met with who meets her", async () => {
    const { db, bergen } = await world();
    const staff = await createStaff(db, { chapterIds: [bergen.id], display_name: "Kari Nordmann" });
    const activity = await createActivity(db, {
      chapter_id: bergen.id,
      capacity: 2,
      starts_at: "2026-12-17T17:00:00.000Z",
    });
    const [a, b, c, d] = await Promise.all(
      ["Fjellrev", "Måke", "Ørn", "Rype"].map((pseudonym) => createMember(db, { chapter_id: bergen.id, pseudonym })),
    );
    await createRsvp(db, { activity_id: activity.id, member_id: a!.id, note: "Kan noen møte meg?" });
    await createRsvp(db, { activity_id: activity.id, member_id: b!.id });
    await createRsvp(db, { activity_id: activity.id, member_id: c!.id, status: "waitlisted", note: "Hei" });
    await createRsvp(db, { activity_id: activity.id, member_id: d!.id, status: "not_going" });
    await db
      .updateTable("rsvps")
      .set({ meet_at_door: 1, meet_place: "ved bussholdeplassen", meet_staff_id: staff.id })
      .where("member_id", "=", a!.id)
      .execute();
    await db.updateTable("rsvps").set({ meet_at_door: 1 }).where("member_id", "=", b!.id).execute();
    // A waitlisted member is not coming yet: nobody needs to meet her.
    await db.updateTable("rsvps").set({ meet_at_door: 1 }).where("member_id", "=", c!.id).execute();
    await db.updateTable("rsvps").set({ note_seen_at: NOW.toISOString() }).where("member_id", "=", c!.id).execute();

    const [shown] = (await loadStaffWeek(db, coordinatorScope([bergen.id]), { weekKey: "2026-W51" })).activities;
    expect(shown).toMatchObject({ goingCount: 2, waitlistCount: 1, offerCount: 0, unreadNotes: 1, capacity: 2 });
    // A place freed and offered to the one waiting: the week shows it is held for her.
    await db
      .updateTable("rsvps")
      .set({ offer_expires_at: "2026-12-16T12:00:00.000Z" })
      .where("member_id", "=", c!.id)
      .execute();
    const [offered] = (await loadStaffWeek(db, coordinatorScope([bergen.id]), { weekKey: "2026-W51" })).activities;
    expect(offered).toMatchObject({ waitlistCount: 1, offerCount: 1 });
    expect(shown!.doorRequests).toEqual([
      {
        activityId: activity.id,
        memberId: a!.id,
        pseudonym: "Fjellrev",
        place: "ved bussholdeplassen",
        meetStaffName: "Kari Nordmann",
      },
      { activityId: activity.id, memberId: b!.id, pseudonym: "Måke", place: null, meetStaffName: null },
    ]);
  });

  it("is a page with the week number, the days in the reader's language and links that keep the filters", async () => {
    const { db, bergen, gutta } = await world();
    const staff = await createStaff(db, { chapterIds: [bergen.id] });
    await createActivity(db, {
      chapter_id: bergen.id,
      group_id: gutta.id,
      title: "Middag sammen",
      starts_at: "2026-12-15T17:00:00.000Z",
    });
    const res = await call(weekLoader, `/staff/week?week=2026-W51&group=${gutta.id}`, {
      cookie: `${await staffCookie(db, staff.id)}; lang=nb`,
    });
    expect(res.status).toBe(200);
    expect(res.data.week).toEqual({ year: 2026, week: 51 });
    expect(res.data.days[0].label).toBe("mandag 14. desember");
    expect(res.data.activities[0]).toMatchObject({ title: "Middag sammen", time: "18:00–20:00", day: "2026-12-15" });
    expect(res.data.links.previous).toBe(`/staff/week?week=2026-W50&group=${gutta.id}`);
    expect(res.data.links.next).toBe(`/staff/week?week=2026-W52&group=${gutta.id}`);
    expect(res.data.filterLabel).toBe("Gutta");
  });

  it("sends someone signed out to the staff sign-in", async () => {
    const res = await call(weekLoader, "/staff/week");
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toMatch(/^\/staff\/login/);
  });
});
