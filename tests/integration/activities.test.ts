import {
  findActivityForMember,
  findActivityForStaff,
  listActiveGroupsForMember,
  listGoingPseudonyms,
  listUpcomingActivitiesForMember,
  listUpcomingRsvpsForMember,
} from "~/features/activities/member-activities.server";
import { createActivity, createChapter, createGroup, createMember, createRsvp } from "../factories";
import { createTestDatabase, onPostgres, openAnotherConnection, type TestDatabase } from "../setup/db";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const now = new Date("2026-12-02T09:00:00.000Z");
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs).toISOString();

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(() => database.close());

/** Oslo with two groups, Bergen with one, a national group, and a member of Oslo's women's group. */
async function world() {
  const db = database.db;
  const oslo = await createChapter(db, { name: "Oslo" });
  const bergen = await createChapter(db, { name: "Bergen" });
  const women = await createGroup(db, { chapter_id: oslo.id, name: "Kvinnegruppa", audience: "women" });
  const men = await createGroup(db, { chapter_id: oslo.id, name: "Mannsgruppa", audience: "men" });
  const bergenGroup = await createGroup(db, { chapter_id: bergen.id, name: "Bergen kafé" });
  const onlineGroup = await createGroup(db, { chapter_id: null, name: "Nettgruppa" });
  const member = await createMember(db, { chapter_id: oslo.id, groupIds: [women.id] });
  // Asked to join the men's group, not yet approved.
  await db
    .insertInto("group_memberships")
    .values({ member_id: member.id, group_id: men.id, status: "requested", created_at: at(0) })
    .execute();
  const viewer = { id: member.id, chapterId: oslo.id };
  return { db, oslo, bergen, women, men, bergenGroup, onlineGroup, member, viewer };
}

describe("which activities a member sees", () => {
  test("their groups' activities, their chapter's open ones and national ones — nothing else", async () => {
    const w = await world();
    const ownGroup = await createActivity(w.db, {
      chapter_id: w.oslo.id,
      group_id: w.women.id,
      starts_at: at(3 * DAY),
    });
    const chapterWide = await createActivity(w.db, { chapter_id: w.oslo.id, starts_at: at(1 * DAY) });
    const national = await createActivity(w.db, { chapter_id: null, starts_at: at(2 * DAY) });
    await createActivity(w.db, {
      chapter_id: w.oslo.id,
      group_id: w.men.id,
      title: "requested group",
      starts_at: at(DAY),
    });
    await createActivity(w.db, { chapter_id: w.bergen.id, title: "other chapter", starts_at: at(DAY) });
    await createActivity(w.db, {
      chapter_id: w.bergen.id,
      group_id: w.bergenGroup.id,
      title: "other chapter's group",
      starts_at: at(DAY),
    });
    await createActivity(w.db, {
      chapter_id: null,
      group_id: w.onlineGroup.id,
      title: "national group, not a member",
      starts_at: at(DAY),
    });

    const list = await listUpcomingActivitiesForMember(w.db, w.viewer, { now });
    expect(list.map((a) => a.id)).toEqual([chapterWide.id, national.id, ownGroup.id]);
    expect(list.map((a) => a.scope)).toEqual(["chapter", "national", "group"]);
    expect(list[2]?.groupName).toBe("Kvinnegruppa");
  });

  test("an activity they may not see cannot be found, just like one that does not exist", async () => {
    const w = await world();
    const hidden = [
      await createActivity(w.db, { chapter_id: w.oslo.id, group_id: w.men.id }),
      await createActivity(w.db, { chapter_id: w.bergen.id }),
      await createActivity(w.db, { chapter_id: w.bergen.id, group_id: w.bergenGroup.id }),
      await createActivity(w.db, { chapter_id: null, group_id: w.onlineGroup.id }),
    ];
    for (const activity of hidden) {
      expect(await findActivityForMember(w.db, w.viewer, { activityId: activity.id })).toBeUndefined();
    }
    expect(await findActivityForMember(w.db, w.viewer, { activityId: "no-such-id" })).toBeUndefined();
    const own = await createActivity(w.db, { chapter_id: w.oslo.id, group_id: w.women.id });
    expect((await findActivityForMember(w.db, w.viewer, { activityId: own.id }))?.id).toBe(own.id);
  });

  test("a deactivated member sees nothing at all", async () => {
    const w = await world();
    const own = await createActivity(w.db, { chapter_id: w.oslo.id, group_id: w.women.id });
    await createActivity(w.db, { chapter_id: null });
    await w.db
      .updateTable("members")
      .set({ deactivated_at: at(0) })
      .where("id", "=", w.member.id)
      .execute();
    expect(await listUpcomingActivitiesForMember(w.db, w.viewer, { now })).toEqual([]);
    expect(await findActivityForMember(w.db, w.viewer, { activityId: own.id })).toBeUndefined();
  });

  test("leaving a group (or the membership going back to a request) hides its activities", async () => {
    const w = await world();
    const own = await createActivity(w.db, { chapter_id: w.oslo.id, group_id: w.women.id });
    await w.db
      .updateTable("group_memberships")
      .set({ status: "requested" })
      .where("member_id", "=", w.member.id)
      .execute();
    expect(await findActivityForMember(w.db, w.viewer, { activityId: own.id })).toBeUndefined();
    expect(await listUpcomingActivitiesForMember(w.db, w.viewer, { now })).toEqual([]);
  });

  test("a chapter the caller claims but the member is not in shows nothing", async () => {
    const w = await world();
    const bergenWide = await createActivity(w.db, { chapter_id: w.bergen.id });
    expect(
      await findActivityForMember(w.db, { id: w.member.id, chapterId: w.bergen.id }, { activityId: bergenWide.id }),
    ).toBeUndefined();
  });

  test("ended activities drop out; ongoing and cancelled upcoming ones stay, soonest first", async () => {
    const w = await world();
    await createActivity(w.db, { chapter_id: w.oslo.id, starts_at: at(-3 * HOUR), ends_at: at(-HOUR), title: "ended" });
    const ongoing = await createActivity(w.db, { chapter_id: w.oslo.id, starts_at: at(-HOUR), ends_at: at(HOUR) });
    const cancelled = await createActivity(w.db, {
      chapter_id: w.oslo.id,
      starts_at: at(DAY),
      status: "cancelled",
      cancelled_at: at(0),
    });
    await createActivity(w.db, {
      chapter_id: w.oslo.id,
      starts_at: at(-DAY),
      status: "cancelled",
      title: "cancelled, ended",
    });
    const list = await listUpcomingActivitiesForMember(w.db, w.viewer, { now });
    expect(list.map((a) => [a.id, a.status])).toEqual([
      [ongoing.id, "scheduled"],
      [cancelled.id, "cancelled"],
    ]);
  });
});

describe("what each listed activity says", () => {
  test("counts those going, shows the member's own answer and place on the waitlist", async () => {
    const w = await world();
    const others = await Promise.all([1, 2, 3].map(() => createMember(w.db, { chapter_id: w.oslo.id })));
    const full = await createActivity(w.db, {
      chapter_id: w.oslo.id,
      capacity: 2,
      starts_at: at(DAY),
      languages: "nb,ar",
      interpreter_available: 1,
    });
    await createRsvp(w.db, { activity_id: full.id, member_id: others[0]!.id, status: "going" });
    await createRsvp(w.db, { activity_id: full.id, member_id: others[1]!.id, status: "going" });
    await createRsvp(w.db, { activity_id: full.id, member_id: others[2]!.id, status: "waitlisted" });
    await createRsvp(w.db, { activity_id: full.id, member_id: w.member.id, status: "waitlisted" });
    const open = await createActivity(w.db, { chapter_id: w.oslo.id, starts_at: at(2 * DAY) });
    await createRsvp(w.db, { activity_id: open.id, member_id: w.member.id, status: "going" });
    await createRsvp(w.db, { activity_id: open.id, member_id: others[0]!.id, status: "not_going" });

    const [first, second] = await listUpcomingActivitiesForMember(w.db, w.viewer, { now });
    expect(first).toMatchObject({
      id: full.id,
      capacity: 2,
      goingCount: 2,
      myStatus: "waitlisted",
      waitlistPosition: 2,
      languages: ["nb", "ar"],
      interpreterAvailable: true,
    });
    expect(second).toMatchObject({
      id: open.id,
      capacity: null,
      goingCount: 1,
      myStatus: "going",
      waitlistPosition: null,
    });
  });

  test("the member's groups are offered as filters, and filters narrow the list by group and week", async () => {
    const w = await world();
    const second = await createGroup(w.db, { chapter_id: w.oslo.id, name: "Aktivitetsgruppa" });
    await w.db
      .insertInto("group_memberships")
      .values({ member_id: w.member.id, group_id: second.id, status: "active", created_at: at(0) })
      .execute();
    expect((await listActiveGroupsForMember(w.db, w.member)).map((g) => g.name)).toEqual([
      "Aktivitetsgruppa",
      "Kvinnegruppa",
    ]);

    const thisWeek = await createActivity(w.db, { chapter_id: w.oslo.id, group_id: w.women.id, starts_at: at(DAY) });
    const nextWeek = await createActivity(w.db, {
      chapter_id: w.oslo.id,
      group_id: w.women.id,
      starts_at: at(7 * DAY),
    });
    await createActivity(w.db, { chapter_id: w.oslo.id, group_id: second.id, starts_at: at(DAY) });
    await createActivity(w.db, { chapter_id: w.oslo.id, starts_at: at(DAY) });

    const byGroup = await listUpcomingActivitiesForMember(w.db, w.viewer, { now, groupId: w.women.id });
    expect(byGroup.map((a) => a.id)).toEqual([thisWeek.id, nextWeek.id]);
    const week = { start: new Date(at(6 * DAY)), end: new Date(at(8 * DAY)) };
    const byWeek = await listUpcomingActivitiesForMember(w.db, w.viewer, { now, week });
    expect(byWeek.map((a) => a.id)).toEqual([nextWeek.id]);
    // A group the member is not in filters down to nothing rather than opening that group up.
    expect(await listUpcomingActivitiesForMember(w.db, w.viewer, { now, groupId: w.men.id })).toEqual([]);
  });
});

describe("one activity", () => {
  test("shows the address only to a member who is going", async () => {
    const w = await world();
    const activity = await createActivity(w.db, { chapter_id: w.oslo.id, address: "Storgata 1, 3. etasje" });
    const find = () => findActivityForMember(w.db, w.viewer, { activityId: activity.id });
    expect((await find())?.address).toBeNull();
    const rsvp = await createRsvp(w.db, { activity_id: activity.id, member_id: w.member.id, status: "waitlisted" });
    expect((await find())?.address).toBeNull();
    await w.db.updateTable("rsvps").set({ status: "not_going" }).where("id", "=", rsvp.id).execute();
    expect((await find())?.address).toBeNull();
    await w.db.updateTable("rsvps").set({ status: "going" }).where("id", "=", rsvp.id).execute();
    expect((await find())?.address).toBe("Storgata 1, 3. etasje");
  });

  test("lists only the pseudonyms of those going who chose to show them", async () => {
    const w = await world();
    const activity = await createActivity(w.db, { chapter_id: w.oslo.id });
    const shown = await createMember(w.db, { chapter_id: w.oslo.id, pseudonym: "Solsikke" });
    const hidden = await createMember(w.db, { chapter_id: w.oslo.id, pseudonym: "Skjult" });
    const waiting = await createMember(w.db, { chapter_id: w.oslo.id, pseudonym: "Venter" });
    const away = await createMember(w.db, { chapter_id: w.oslo.id, pseudonym: "Borte" });
    await createRsvp(w.db, { activity_id: activity.id, member_id: shown.id, status: "going" });
    await createRsvp(w.db, { activity_id: activity.id, member_id: hidden.id, status: "going" });
    await createRsvp(w.db, { activity_id: activity.id, member_id: waiting.id, status: "waitlisted" });
    await createRsvp(w.db, { activity_id: activity.id, member_id: away.id, status: "not_going" });
    await w.db
      .updateTable("rsvps")
      .set({ show_pseudonym: 1 })
      .where("member_id", "in", [shown.id, waiting.id, away.id])
      .execute();

    expect(await listGoingPseudonyms(w.db, { activityId: activity.id })).toEqual(["Solsikke"]);
    const detail = await findActivityForMember(w.db, w.viewer, { activityId: activity.id });
    expect(detail).toMatchObject({ goingCount: 2, waitlistCount: 1, shownPseudonyms: ["Solsikke"] });
  });

  test("staff see the address of activities in their chapters; admins see all", async () => {
    const w = await world();
    const osloActivity = await createActivity(w.db, { chapter_id: w.oslo.id, address: "Storgata 1" });
    const national = await createActivity(w.db, { chapter_id: null, address: "Nett" });
    const coordinator = { role: "coordinator" as const, chapterIds: [w.oslo.id] };
    const bergenCoordinator = { role: "coordinator" as const, chapterIds: [w.bergen.id] };
    const admin = { role: "admin" as const, chapterIds: [] };
    expect((await findActivityForStaff(w.db, coordinator, { activityId: osloActivity.id }))?.address).toBe(
      "Storgata 1",
    );
    expect(await findActivityForStaff(w.db, bergenCoordinator, { activityId: osloActivity.id })).toBeUndefined();
    expect(await findActivityForStaff(w.db, coordinator, { activityId: national.id })).toBeUndefined();
    expect((await findActivityForStaff(w.db, admin, { activityId: national.id }))?.address).toBe("Nett");
  });
});

describe("the member's own upcoming answers", () => {
  test("lists their answers to activities that have not ended, with the waitlist place", async () => {
    const w = await world();
    const other = await createMember(w.db, { chapter_id: w.oslo.id });
    const soon = await createActivity(w.db, {
      chapter_id: w.oslo.id,
      capacity: 1,
      starts_at: at(DAY),
      title: "Middag",
    });
    const later = await createActivity(w.db, { chapter_id: null, starts_at: at(5 * DAY), title: "Tur" });
    const ended = await createActivity(w.db, { chapter_id: w.oslo.id, starts_at: at(-3 * HOUR), ends_at: at(-HOUR) });
    const hidden = await createActivity(w.db, { chapter_id: w.bergen.id, starts_at: at(DAY) });
    await createRsvp(w.db, { activity_id: soon.id, member_id: other.id, status: "going" });
    await createRsvp(w.db, { activity_id: soon.id, member_id: w.member.id, status: "waitlisted" });
    await createRsvp(w.db, { activity_id: later.id, member_id: w.member.id, status: "going" });
    await createRsvp(w.db, { activity_id: ended.id, member_id: w.member.id, status: "going" });
    await createRsvp(w.db, { activity_id: hidden.id, member_id: w.member.id, status: "going" });

    expect(await listUpcomingRsvpsForMember(w.db, w.member, { now })).toEqual([
      {
        activityId: soon.id,
        title: "Middag",
        startsAt: soon.starts_at,
        activityStatus: "scheduled",
        status: "waitlisted",
        waitlistPosition: 1,
      },
      {
        activityId: later.id,
        title: "Tur",
        startsAt: later.starts_at,
        activityStatus: "scheduled",
        status: "going",
        waitlistPosition: null,
      },
    ]);
  });
});

describe("speed", () => {
  /** The same database, through a Kysely instance that counts the queries it sends. */
  function countingDb() {
    const counter = { queries: 0 };
    const db = openAnotherConnection(database, {
      log: (event) => {
        if (event.level === "query") counter.queries++;
      },
    });
    return { db, counter };
  }

  async function fill(w: Awaited<ReturnType<typeof world>>, activities: number) {
    const others = await Promise.all([1, 2, 3].map(() => createMember(w.db, { chapter_id: w.oslo.id })));
    const groups = [w.women.id, null];
    let last = "";
    for (let i = 0; i < activities; i++) {
      const activity = await createActivity(w.db, {
        chapter_id: w.oslo.id,
        group_id: groups[i % 2] ?? null,
        capacity: 2,
        starts_at: at((i + 1) * HOUR),
      });
      for (const other of others)
        await createRsvp(w.db, { activity_id: activity.id, member_id: other.id, status: "going" });
      await createRsvp(w.db, { activity_id: activity.id, member_id: w.member.id, status: "waitlisted" });
      await w.db.updateTable("rsvps").set({ show_pseudonym: 1 }).where("activity_id", "=", activity.id).execute();
      last = activity.id;
    }
    return last;
  }

  async function queriesFor(activities: number) {
    const w = await world();
    const lastId = await fill(w, activities);
    const { db, counter } = countingDb();
    const list = await listUpcomingActivitiesForMember(db, w.viewer, { now });
    await listActiveGroupsForMember(db, w.member);
    const listQueries = counter.queries;
    counter.queries = 0;
    const detail = await findActivityForMember(db, w.viewer, { activityId: lastId });
    const detailQueries = counter.queries;
    if (onPostgres) await db.destroy(); // its own pool; on SQLite it shares the test's one handle
    expect(list).toHaveLength(activities);
    expect(detail?.shownPseudonyms).toHaveLength(3);
    return { listQueries, detailQueries };
  }

  test("the list and the detail page take the same few queries for 3 or 30 activities", async () => {
    const few = await queriesFor(3);
    await database.close();
    database = await createTestDatabase();
    const many = await queriesFor(30);
    expect(many).toEqual(few);
    expect(few.listQueries).toBe(2);
    expect(few.detailQueries).toBe(2);
  });
});
