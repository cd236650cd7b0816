// Who is told what: places, offers, changes, cancelling and its undo, through the real workflows.
import type { AppDatabase } from "../../db/connection";
import { rsvpGoing, rsvpNotGoing } from "~/features/answers/answers.server";
import {
  cancelActivity,
  undoCancellation,
  updateActivity,
  type StaffActor,
} from "~/features/activities/staff-activities.server";
import { expireOffers, fillFreedPlaces } from "~/features/waitlist/waitlist.server";
import { listNoticesForMember } from "~/features/my-notices/my-notices.server";
import { leaveGroup } from "~/features/members/members.server";
import type { Activity } from "../../db/schema";
import { createActivity, createChapter, createGroup, createMember, createRsvp, createStaff } from "../factories";
import { createTestDatabase, type TestDatabase } from "../setup/db";

const HOUR = 60 * 60 * 1000;
const noDetails = { note: null, showPseudonym: false };
let database: TestDatabase;
afterEach(() => database.close());

async function world({ startsInHours = 72, capacity = 1 as number | null } = {}) {
  database = await createTestDatabase();
  const db = database.db;
  const chapter = await createChapter(db);
  const group = await createGroup(db, { chapter_id: chapter.id });
  const now = new Date();
  const startsAt = new Date(now.getTime() + startsInHours * HOUR);
  const activity = await createActivity(db, {
    chapter_id: chapter.id,
    group_id: group.id,
    capacity,
    starts_at: startsAt.toISOString(),
    ends_at: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
  });
  const people: Awaited<ReturnType<typeof createMember>>[] = [];
  for (let i = 0; i < 4; i++) people.push(await createMember(db, { chapter_id: chapter.id, groupIds: [group.id] }));
  const who = (i: number) => ({ id: people[i]!.id, chapterId: chapter.id });
  const coordinator = await createStaff(db, { chapterIds: [chapter.id] });
  const staff: StaffActor = { id: coordinator.id, role: coordinator.role, chapterIds: [chapter.id] };
  return { db, chapter, group, activity, people, who, staff, now };
}

function noticesOf(db: AppDatabase, memberId: string) {
  return db
    .selectFrom("notices")
    .select(["kind", "activity_id", "params", "read_at"])
    .where("member_id", "=", memberId)
    .orderBy("created_at")
    .execute();
}

function answers(db: AppDatabase, activityId: string) {
  return db
    .selectFrom("rsvps")
    .select(["member_id", "status", "arrival", "offer_expires_at"])
    .where("activity_id", "=", activityId)
    .orderBy("arrival")
    .execute();
}

function edited(
  activity: Activity,
  changes: Partial<Record<"startsAt" | "endsAt" | "area" | "address" | "title" | "description", string>> & {
    capacity?: number | null;
  },
) {
  return {
    activityId: activity.id,
    expectedSequence: activity.sequence,
    title: changes.title ?? activity.title,
    description: changes.description ?? activity.description,
    area: changes.area ?? activity.area,
    address: changes.address ?? activity.address,
    capacity: changes.capacity === undefined ? activity.capacity : changes.capacity,
    languages: activity.languages,
    interpreterAvailable: false,
    startsAt: changes.startsAt ?? activity.starts_at,
    endsAt: changes.endsAt ?? activity.ends_at,
    rsvpDeadline: activity.rsvp_deadline,
  };
}

async function current(db: AppDatabase, id: string) {
  return db.selectFrom("activities").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

describe("waitlist offers", () => {
  test("a place freed days before the start is offered to the first in line for 12 hours, and she is told", async () => {
    const { db, activity, people, who, now } = await world();
    for (const i of [0, 1, 2]) await rsvpGoing(db, who(i), { activityId: activity.id, ...noDetails }, now);
    await rsvpNotGoing(db, who(0), { activityId: activity.id, note: null }, now);
    const rows = await answers(db, activity.id);
    expect(rows.map((r) => [r.member_id, r.status, r.offer_expires_at])).toEqual([
      [people[0]!.id, "not_going", null],
      [people[1]!.id, "waitlisted", new Date(now.getTime() + 12 * HOUR).toISOString()],
      [people[2]!.id, "waitlisted", null],
    ]);
    expect((await noticesOf(db, people[1]!.id)).map((n) => n.kind)).toEqual(["offered"]);
    expect(await noticesOf(db, people[2]!.id)).toEqual([]);
  });

  test("an offered place is held: a newcomer joins the waitlist instead of taking it", async () => {
    const { db, activity, who, now } = await world();
    for (const i of [0, 1]) await rsvpGoing(db, who(i), { activityId: activity.id, ...noDetails }, now);
    await rsvpNotGoing(db, who(0), { activityId: activity.id, note: null }, now);
    expect(await rsvpGoing(db, who(2), { activityId: activity.id, ...noDetails }, now)).toMatchObject({
      status: "waitlisted",
    });
  });

  test("accepting takes the place; declining passes the offer to the next in line", async () => {
    const { db, activity, people, who, now } = await world({ capacity: 2 });
    for (const i of [0, 1, 2, 3]) await rsvpGoing(db, who(i), { activityId: activity.id, ...noDetails }, now);
    await rsvpNotGoing(db, who(0), { activityId: activity.id, note: null }, now);
    await rsvpNotGoing(db, who(2), { activityId: activity.id, note: null }, now);
    expect(await rsvpGoing(db, who(2), { activityId: activity.id, ...noDetails }, now)).toMatchObject({
      status: "waitlisted",
    });
    const offered = (await answers(db, activity.id)).find((r) => r.offer_expires_at !== null);
    expect(offered?.member_id).toBe(people[3]!.id);
    expect(await rsvpGoing(db, who(3), { activityId: activity.id, ...noDetails }, now)).toMatchObject({
      status: "going",
    });
    const after = await answers(db, activity.id);
    expect(after.find((r) => r.member_id === people[3]!.id)).toMatchObject({ status: "going", offer_expires_at: null });
    // She (people[2]) came back at the back of the queue; the next place would be hers.
    expect(after.find((r) => r.member_id === people[2]!.id)).toMatchObject({ status: "waitlisted" });
  });

  test("declining an offer offers the place to the next", async () => {
    const { db, activity, people, who, now } = await world();
    for (const i of [0, 1, 2]) await rsvpGoing(db, who(i), { activityId: activity.id, ...noDetails }, now);
    await rsvpNotGoing(db, who(0), { activityId: activity.id, note: null }, now);
    await rsvpNotGoing(db, who(1), { activityId: activity.id, note: null }, now);
    const rows = await answers(db, activity.id);
    expect(rows.find((r) => r.member_id === people[1]!.id)).toMatchObject({
      status: "not_going",
      offer_expires_at: null,
    });
    expect(rows.find((r) => r.member_id === people[2]!.id)?.offer_expires_at).not.toBeNull();
    expect((await noticesOf(db, people[2]!.id)).map((n) => n.kind)).toEqual(["offered"]);
  });

  test("an offer that runs out passes to the next, once, however often expiry runs", async () => {
    const { db, activity, people, who, now } = await world();
    for (const i of [0, 1, 2]) await rsvpGoing(db, who(i), { activityId: activity.id, ...noDetails }, now);
    await rsvpNotGoing(db, who(0), { activityId: activity.id, note: null }, now);
    const later = new Date(now.getTime() + 12 * HOUR + 1);
    expect(await expireOffers(db, { now: new Date(now.getTime() + 11 * HOUR) })).toBe(0);
    const [first, second] = await Promise.all([expireOffers(db, { now: later }), expireOffers(db, { now: later })]);
    expect(first + second).toBe(1);
    expect(await expireOffers(db, { now: later })).toBe(0);
    const rows = await answers(db, activity.id);
    expect(rows.find((r) => r.member_id === people[1]!.id)).toMatchObject({ status: "not_going" });
    expect(rows.find((r) => r.member_id === people[2]!.id)?.offer_expires_at).toBe(
      new Date(later.getTime() + 12 * HOUR).toISOString(),
    );
    expect((await noticesOf(db, people[1]!.id)).map((n) => n.kind)).toEqual(["offered", "offer_expired"]);
    expect((await noticesOf(db, people[2]!.id)).map((n) => n.kind)).toEqual(["offered"]);
  });

  test("an offer never runs past the start, and close to the start the first in line gets the place at once", async () => {
    const { db, activity, people, who, now } = await world({ startsInHours: 30 });
    for (const i of [0, 1, 2]) await rsvpGoing(db, who(i), { activityId: activity.id, ...noDetails }, now);
    await rsvpNotGoing(db, who(0), { activityId: activity.id, note: null }, now);
    const offer = (await answers(db, activity.id)).find((r) => r.member_id === people[1]!.id)!.offer_expires_at!;
    expect(Date.parse(offer)).toBeLessThanOrEqual(Date.parse(activity.starts_at));
    // The offer runs out 18 hours before the start: the next gets the place at once.
    await expireOffers(db, { now: new Date(offer) });
    const rows = await answers(db, activity.id);
    expect(rows.find((r) => r.member_id === people[2]!.id)).toMatchObject({ status: "going", offer_expires_at: null });
    expect((await noticesOf(db, people[2]!.id)).map((n) => n.kind)).toEqual(["promoted"]);
  });

  test("nothing is offered or given after the start", async () => {
    const { db, activity, people, who, now } = await world();
    for (const i of [0, 1]) await rsvpGoing(db, who(i), { activityId: activity.id, ...noDetails }, now);
    await db.updateTable("rsvps").set({ status: "not_going" }).where("member_id", "=", people[0]!.id).execute();
    expect(
      await fillFreedPlaces(db, { activityId: activity.id }, new Date(Date.parse(activity.starts_at) + 1)),
    ).toEqual({
      promoted: [],
      offered: [],
    });
    expect(await noticesOf(db, people[1]!.id)).toEqual([]);
  });

  test("many answers at once never hold more places than there are, offers included", async () => {
    const { db, activity, who, now } = await world({ capacity: 2 });
    await Promise.all([0, 1, 2, 3].map((i) => rsvpGoing(db, who(i), { activityId: activity.id, ...noDetails }, now)));
    await Promise.all([
      rsvpNotGoing(db, who(0), { activityId: activity.id, note: null }, now),
      rsvpNotGoing(db, who(1), { activityId: activity.id, note: null }, now),
    ]);
    const rows = await answers(db, activity.id);
    const held = rows.filter((r) => r.status === "going" || r.offer_expires_at !== null);
    expect(held).toHaveLength(2);
  });
});

describe("change notices", () => {
  test("a new time tells those going, offered and waitlisted, and nobody else", async () => {
    const { db, activity, people, who, staff, now } = await world();
    for (const i of [0, 1, 2]) await rsvpGoing(db, who(i), { activityId: activity.id, ...noDetails }, now);
    await rsvpNotGoing(db, who(3), { activityId: activity.id, note: null }, now);
    const later = new Date(Date.parse(activity.starts_at) + HOUR);
    await updateActivity(
      db,
      staff,
      edited(activity, { startsAt: later.toISOString(), endsAt: new Date(later.getTime() + 2 * HOUR).toISOString() }),
      now,
    );
    for (const i of [0, 1, 2]) expect((await noticesOf(db, people[i]!.id)).map((n) => n.kind)).toEqual(["changed"]);
    expect(await noticesOf(db, people[3]!.id)).toEqual([]);
  });

  test("text, title and capacity edits create no notice", async () => {
    const { db, activity, people, who, staff, now } = await world({ capacity: 5 });
    await rsvpGoing(db, who(0), { activityId: activity.id, ...noDetails }, now);
    await updateActivity(
      db,
      staff,
      edited(activity, { title: "Middag (rettet)", description: "Ny tekst", capacity: 6 }),
      now,
    );
    expect(await noticesOf(db, people[0]!.id)).toEqual([]);
  });

  test("several edits in a row give one unread notice, which names everything that changed", async () => {
    const { db, activity, people, who, staff, now } = await world({ capacity: 5 });
    await rsvpGoing(db, who(0), { activityId: activity.id, ...noDetails }, now);
    await updateActivity(db, staff, edited(activity, { area: "Sentrum nord" }), now);
    const later = new Date(Date.parse(activity.starts_at) + HOUR);
    await updateActivity(
      db,
      staff,
      edited(await current(db, activity.id), {
        startsAt: later.toISOString(),
        endsAt: new Date(later.getTime() + 2 * HOUR).toISOString(),
      }),
      now,
    );
    const notices = await noticesOf(db, people[0]!.id);
    expect(notices).toHaveLength(1);
    expect(JSON.parse(notices[0]!.params)).toEqual({ changed: ["place", "time"] });
  });

  test("a notice about an activity she can no longer see says only that something changed", async () => {
    const { db, group, activity, people, who, staff, now } = await world({ capacity: 5 });
    await rsvpGoing(db, who(0), { activityId: activity.id, ...noDetails }, now);
    await updateActivity(db, staff, edited(activity, { area: "Et annet sted" }), now);
    const seen = await listNoticesForMember(db, who(0));
    expect(seen[0]!.activity).toMatchObject({ id: activity.id, title: activity.title });
    await leaveGroup(db, { id: people[0]!.id }, { groupId: group.id });
    const hidden = await listNoticesForMember(db, who(0));
    expect(hidden).toHaveLength(1);
    expect(hidden[0]!.activity).toBeNull();
  });
});

describe("cancelling with care", () => {
  test("cancelling tells everyone concerned with the reason, and an undo restores every answer exactly", async () => {
    const { db, activity, people, who, staff, now } = await world({ capacity: 1 });
    for (const i of [0, 1, 2]) await rsvpGoing(db, who(i), { activityId: activity.id, ...noDetails }, now);
    await rsvpNotGoing(db, who(0), { activityId: activity.id, note: null }, now);
    await rsvpGoing(db, who(3), { activityId: activity.id, ...noDetails }, now);
    const before = await answers(db, activity.id);
    expect(before.some((r) => r.offer_expires_at !== null)).toBe(true);
    const cancelled = await cancelActivity(
      db,
      staff,
      { activityId: activity.id, expectedSequence: activity.sequence, reason: "Beklager, lederen er syk" },
      now,
    );
    expect(cancelled.ok).toBe(true);
    // Meanwhile staff move someone: the undo puts it back as it was.
    await db
      .updateTable("rsvps")
      .set({ status: "not_going", arrival: 99 })
      .where("member_id", "=", people[2]!.id)
      .execute();
    const list = await listNoticesForMember(db, who(1));
    expect(list.find((n) => n.kind === "cancelled")).toMatchObject({
      activity: { cancelReason: "Beklager, lederen er syk" },
    });
    expect(await noticesOf(db, people[0]!.id)).toEqual([]);

    const undone = await undoCancellation(db, staff, { activityId: activity.id }, new Date(now.getTime() + HOUR));
    expect(undone.ok).toBe(true);
    expect(await answers(db, activity.id)).toEqual(before);
    expect((await current(db, activity.id)).status).toBe("scheduled");
    for (const i of [1, 2, 3])
      expect((await noticesOf(db, people[i]!.id)).map((n) => n.kind).slice(-2)).toEqual(["cancelled", "restored"]);
    const audit = await db.selectFrom("audit_log").select("action").orderBy("at").execute();
    expect(audit.map((a) => a.action)).toEqual(["activity.cancel", "activity.restore"]);
  });

  test("an undo is refused after 24 hours and after the start", async () => {
    const { db, activity, staff, now } = await world({ startsInHours: 72 });
    await cancelActivity(db, staff, { activityId: activity.id, expectedSequence: 0, reason: "Syk" }, now);
    expect(await undoCancellation(db, staff, { activityId: activity.id }, new Date(now.getTime() + 24 * HOUR))).toEqual(
      {
        ok: false,
        error: "tooLate",
      },
    );
    const soon = await world({ startsInHours: 2 });
    await cancelActivity(
      soon.db,
      soon.staff,
      { activityId: soon.activity.id, expectedSequence: 0, reason: "Syk" },
      soon.now,
    );
    expect(
      await undoCancellation(
        soon.db,
        soon.staff,
        { activityId: soon.activity.id },
        new Date(soon.now.getTime() + 3 * HOUR),
      ),
    ).toEqual({ ok: false, error: "tooLate" });
  });

  test("staff giving a place by hand tells the member", async () => {
    const { db, activity, people, now } = await world();
    await createRsvp(db, { activity_id: activity.id, member_id: people[0]!.id, status: "waitlisted" });
    const { changeAnswer } = await import("~/features/answers/staff-answers.server");
    const { staff } = await (async () => {
      const coordinator = await createStaff(db, { chapterIds: [activity.chapter_id!] });
      return { staff: { id: coordinator.id, role: coordinator.role, chapterIds: [activity.chapter_id!] } };
    })();
    await changeAnswer(
      db,
      staff,
      { activityId: activity.id, memberId: people[0]!.id, change: "promote", reason: "extra_place" },
      now,
    );
    expect((await noticesOf(db, people[0]!.id)).map((n) => n.kind)).toEqual(["promoted"]);
  });
});
