// Notices, reminders, offers and push wired together through the scheduler's real job list
// (app/scheduled-jobs.server.ts), with a clock the test moves and msw standing in for the push
// service; each push is decrypted as the phone would, to read exactly what its lock screen shows.
import { rsvpGoing, rsvpNotGoing } from "~/features/answers/answers.server";
import { updateActivity, type StaffActor } from "~/features/activities/staff-activities.server";
import { Scheduler } from "~/features/jobs/scheduler.server";
import { detailFor } from "~/features/my-notices/push-detail.server";
import { addNotice, addNoticeToMembers } from "~/features/notices/notices.server";
import { subscribeDevice } from "~/features/push/subscriptions.server";
import { pushKey } from "~/features/push/push-job.server";
import { parseEnv } from "~/platform/env.server";
import { scheduledJobs } from "~/scheduled-jobs.server";
import type { AppDatabase } from "../../db/connection";
import { writeTransaction } from "../../db/transaction";
import { createActivity, createChapter, createGroup, createMember, createRsvp, createStaff } from "../factories";
import { createTestDevice, pushServiceHandlers, type ReceivedPush, type TestDevice } from "../mocks/push-service";
import { server } from "../mocks/server";
import { createTestDatabase, openAnotherConnection, type TestDatabase } from "../setup/db";

const HOUR = 60 * 60 * 1000;
const MINUTE = 60 * 1000;
const env = parseEnv({});
const noDetails = { note: null, showPseudonym: false };

let database: TestDatabase;
afterEach(() => database.close());

function clockAt(start: Date) {
  let now = start.getTime();
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

function schedulerOn(db: AppDatabase, clock: () => Date, owner: string) {
  return new Scheduler(db, { ...scheduledJobs(env), clock, owner });
}

async function withDevice(
  db: AppDatabase,
  member: { id: string; chapter_id: string; pseudonym: string },
  showDetails = false,
) {
  const device = createTestDevice();
  await subscribeDevice(
    db,
    { id: member.id, pseudonym: member.pseudonym, chapterId: member.chapter_id, locale: "en" },
    { ...device, showDetails },
  );
  return device;
}

function shown(device: TestDevice, received: ReceivedPush[]) {
  return received
    .filter((p) => p.endpoint === device.endpoint)
    .map((p) => JSON.parse(device.decrypt(p.body)) as { title: string; body: string });
}

const pushJobs = (db: AppDatabase) =>
  db.selectFrom("jobs").select(["key", "run_at", "payload"]).where("kind", "=", "push").orderBy("key").execute();

describe("every notice queues a push", () => {
  test("one push job per notice, for its member, from addNotice and addNoticeToMembers", async () => {
    database = await createTestDatabase();
    const { db } = database;
    const chapter = await createChapter(db);
    const [a, b, c] = [
      await createMember(db, { chapter_id: chapter.id }),
      await createMember(db, { chapter_id: chapter.id }),
      await createMember(db, { chapter_id: chapter.id }),
    ];
    const activity = await createActivity(db, { chapter_id: chapter.id });
    const now = new Date("2026-12-02T12:00:00.000Z");
    const one = await addNotice(db, { memberId: a!.id, kind: "promoted", activityId: activity.id }, now);
    await addNoticeToMembers(db, { memberIds: [b!.id, c!.id], kind: "cancelled", activityId: activity.id }, now);
    const notices = await db.selectFrom("notices").select(["id", "member_id"]).execute();
    expect(notices).toHaveLength(3);
    const jobs = await pushJobs(db);
    expect(jobs.map((j) => [j.key, JSON.parse(j.payload)]).sort()).toEqual(
      notices.map((n) => [pushKey(n.member_id, now), { memberId: n.member_id, noticeId: n.id }]).sort(),
    );
    expect(jobs.find((j) => JSON.parse(j.payload).noticeId === one)?.run_at).toBe(now.toISOString());
  });

  test("the notices one step makes for one member share one push; a later step pushes again", async () => {
    database = await createTestDatabase();
    const { db } = database;
    const chapter = await createChapter(db);
    const member = await createMember(db, { chapter_id: chapter.id });
    const dates = [
      await createActivity(db, { chapter_id: chapter.id }),
      await createActivity(db, { chapter_id: chapter.id }),
      await createActivity(db, { chapter_id: chapter.id }),
    ];
    // The rest of a series cancelled in one step: three notices, one buzz.
    const step = new Date("2026-12-02T12:00:00.000Z");
    for (const date of dates)
      await addNoticeToMembers(db, { memberIds: [member.id], kind: "cancelled", activityId: date.id }, step);
    const first = await db.selectFrom("notices").select("id").orderBy("created_at").orderBy("id").execute();
    expect(first).toHaveLength(3);
    let jobs = await pushJobs(db);
    expect(jobs).toHaveLength(1);
    expect(first.map((n) => n.id)).toContain(JSON.parse(jobs[0]!.payload).noticeId);
    // An undo a minute later is another step: another push.
    const later = new Date(step.getTime() + 60_000);
    await addNotice(db, { memberId: member.id, kind: "restored", activityId: dates[0]!.id }, later);
    jobs = await pushJobs(db);
    expect(jobs.map((j) => j.key)).toEqual([pushKey(member.id, step), pushKey(member.id, later)]);
  });

  test("a notice another request makes at the same moment, after that moment's push went, gets its own push", async () => {
    database = await createTestDatabase();
    const { db } = database;
    const chapter = await createChapter(db);
    const member = await createMember(db, { chapter_id: chapter.id, locale: "en" });
    const activity = await createActivity(db, { chapter_id: chapter.id });
    const device = createTestDevice();
    await subscribeDevice(
      db,
      { id: member.id, pseudonym: member.pseudonym, chapterId: member.chapter_id, locale: "en" },
      { ...device, showDetails: false },
    );
    const push = pushServiceHandlers();
    server.use(push.handler);
    const t = new Date("2026-12-02T12:00:00.123Z");
    const scheduler = new Scheduler(db, { ...scheduledJobs(parseEnv({})), clock: () => t, owner: "one" });
    // A staff message; its push is sent.
    await addNotice(db, { memberId: member.id, kind: "staff_message", activityId: activity.id }, t);
    await scheduler.runDue();
    expect(push.received.filter((p) => p.endpoint === device.endpoint)).toHaveLength(1);
    // In the same millisecond, another request offers her a freed place: it must still ring.
    await addNotice(db, { memberId: member.id, kind: "offered", activityId: activity.id }, t);
    await scheduler.runDue();
    expect(push.received.filter((p) => p.endpoint === device.endpoint)).toHaveLength(2);
  });

  test("a notice whose transaction fails leaves no push job behind", async () => {
    database = await createTestDatabase();
    const { db } = database;
    const chapter = await createChapter(db);
    const member = await createMember(db, { chapter_id: chapter.id });
    await expect(
      writeTransaction(db, async (trx) => {
        await addNotice(trx, { memberId: member.id, kind: "reminder", activityId: null });
        throw new Error("the workflow failed after the notice");
      }),
    ).rejects.toThrow("the workflow failed");
    expect(await db.selectFrom("notices").select("id").execute()).toEqual([]);
    expect(await pushJobs(db)).toEqual([]);
  });
});

describe("the scheduled jobs", () => {
  // 15:00 Oslo, outside quiet hours; the dinner starts at 18:00 the next day.
  const DAY_BEFORE = new Date("2026-12-02T17:30:00.000Z");

  test("a due reminder is made and pushed once, with two scheduler instances on one database", async () => {
    database = await createTestDatabase({ file: true });
    const { db } = database;
    const chapter = await createChapter(db);
    const activity = await createActivity(db, {
      chapter_id: chapter.id,
      title: "Middag sammen",
      starts_at: "2026-12-03T17:00:00.000Z",
      ends_at: "2026-12-03T19:00:00.000Z",
    });
    const member = await createMember(db, { chapter_id: chapter.id, locale: "en" });
    await createRsvp(db, { activity_id: activity.id, member_id: member.id });
    const device = await withDevice(db, member);
    const push = pushServiceHandlers();
    server.use(push.handler);

    // A second connection to the same database is the second instance. They take turns here (one
    // process); scheduler-processes.test.ts races two processes over the claims.
    const second = { db: openAnotherConnection(database) };
    try {
      const clock = clockAt(DAY_BEFORE);
      const instances = [schedulerOn(db, clock.now, "one"), schedulerOn(second.db, clock.now, "two")];
      for (let minute = 0; minute < 3; minute++) {
        for (const instance of instances) await instance.ensureRecurring();
        for (let round = 0; round < 2; round++) for (const instance of instances) await instance.runDue();
        clock.advance(MINUTE);
      }

      const reminders = await db.selectFrom("notices").select("member_id").where("kind", "=", "reminder").execute();
      expect(reminders).toEqual([{ member_id: member.id }]);
      expect(shown(device, push.received)).toEqual([{ title: "Møteplass", body: "You have a new message" }]);
      // One run per minute between the two instances, each done.
      const runs = await db.selectFrom("jobs").select(["key", "done_at"]).where("kind", "=", "reminders").execute();
      expect(runs.filter((r) => r.done_at !== null).map((r) => r.key)).toEqual([
        "reminders@2026-12-02T17:30:00.000Z",
        "reminders@2026-12-02T17:31:00.000Z",
        "reminders@2026-12-02T17:32:00.000Z",
      ]);
    } finally {
      await second.db.destroy();
    }
  });

  test("an expired offer moves to the next in line, and both are told by a notice and a push", async () => {
    database = await createTestDatabase();
    const { db } = database;
    const chapter = await createChapter(db);
    const group = await createGroup(db, { chapter_id: chapter.id });
    const now = new Date();
    const startsAt = new Date(now.getTime() + 72 * HOUR);
    const activity = await createActivity(db, {
      chapter_id: chapter.id,
      group_id: group.id,
      title: "Fjelltur",
      capacity: 1,
      starts_at: startsAt.toISOString(),
      ends_at: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
    });
    const people: Awaited<ReturnType<typeof createMember>>[] = [];
    for (let i = 0; i < 3; i++) {
      people.push(await createMember(db, { chapter_id: chapter.id, groupIds: [group.id], locale: "en" }));
    }
    const who = (i: number) => ({ id: people[i]!.id, chapterId: chapter.id });
    for (const i of [0, 1, 2]) await rsvpGoing(db, who(i), { activityId: activity.id, ...noDetails }, now);
    await rsvpNotGoing(db, who(0), { activityId: activity.id, note: null }, now);
    const firstDevice = await withDevice(db, people[1]!);
    const nextDevice = await withDevice(db, people[2]!, true);
    await db.deleteFrom("jobs").execute();
    const push = pushServiceHandlers();
    server.use(push.handler);

    const clock = clockAt(new Date(now.getTime() + 12 * HOUR + MINUTE));
    const scheduler = schedulerOn(db, clock.now, "one");
    await scheduler.ensureRecurring();
    await scheduler.runDue();
    await scheduler.runDue();

    const rsvps = await db
      .selectFrom("rsvps")
      .select(["member_id", "status", "offer_expires_at"])
      .where("activity_id", "=", activity.id)
      .execute();
    expect(rsvps.find((r) => r.member_id === people[1]!.id)).toMatchObject({
      status: "not_going",
      offer_expires_at: null,
    });
    expect(rsvps.find((r) => r.member_id === people[2]!.id)?.offer_expires_at).not.toBeNull();
    const kinds = await db.selectFrom("notices").select(["member_id", "kind"]).where("kind", "!=", "offered").execute();
    expect(kinds).toEqual([{ member_id: people[1]!.id, kind: "offer_expired" }]);
    const offered = await db.selectFrom("notices").select("member_id").where("kind", "=", "offered").execute();
    expect(offered.map((n) => n.member_id).sort()).toEqual([people[1]!.id, people[2]!.id].sort());
    expect(shown(firstDevice, push.received)).toEqual([{ title: "Møteplass", body: "You have a new message" }]);
    // Her device chose details: the title and what happened, and no time or place.
    expect(shown(nextDevice, push.received)).toEqual([
      { title: "Møteplass", body: "Fjelltur: a place is offered to you" },
    ]);
  });
});

describe("the detail line for devices that chose details", () => {
  async function world() {
    database = await createTestDatabase();
    const { db } = database;
    const chapter = await createChapter(db);
    const group = await createGroup(db, { chapter_id: chapter.id });
    const activity = await createActivity(db, {
      chapter_id: chapter.id,
      group_id: group.id,
      title: "Middag sammen",
      area: "Grünerløkka",
      address: "Thorvald Meyers gate 1",
      starts_at: new Date(Date.now() + 72 * HOUR).toISOString(),
      ends_at: new Date(Date.now() + 74 * HOUR).toISOString(),
    });
    const member = await createMember(db, { chapter_id: chapter.id, groupIds: [group.id], locale: "nb" });
    await createRsvp(db, { activity_id: activity.id, member_id: member.id });
    const coordinator = await createStaff(db, { chapterIds: [chapter.id] });
    const staff: StaffActor = { id: coordinator.id, role: coordinator.role, chapterIds: [chapter.id] };
    return { db, group, activity, member, staff };
  }

  test("names the activity and what changed, in her language, and never the time or the address", async () => {
    const { db, activity, member, staff } = await world();
    const later = new Date(Date.parse(activity.starts_at) + HOUR);
    const result = await updateActivity(db, staff, {
      activityId: activity.id,
      expectedSequence: activity.sequence,
      title: activity.title,
      description: activity.description,
      area: activity.area,
      address: "Markveien 2",
      capacity: activity.capacity,
      languages: activity.languages,
      interpreterAvailable: false,
      startsAt: later.toISOString(),
      endsAt: new Date(later.getTime() + 2 * HOUR).toISOString(),
      rsvpDeadline: activity.rsvp_deadline,
    });
    expect(result).toMatchObject({ ok: true });
    const notice = await db
      .selectFrom("notices")
      .select("id")
      .where("member_id", "=", member.id)
      .executeTakeFirstOrThrow();
    const detail = await detailFor(db, { memberId: member.id, noticeId: notice.id });
    expect(detail).toBe("Middag sammen: tid og sted er endret");
    expect(detail).not.toMatch(/Markveien|Thorvald|Grünerløkka|\d/);
  });

  test("two edits in a row give one notice and one push while she has not read it", async () => {
    const { db, activity, member, staff } = await world();
    const move = async (hours: number) => {
      const current = await db
        .selectFrom("activities")
        .selectAll()
        .where("id", "=", activity.id)
        .executeTakeFirstOrThrow();
      const start = new Date(Date.parse(activity.starts_at) + hours * HOUR);
      return updateActivity(db, staff, {
        activityId: current.id,
        expectedSequence: current.sequence,
        title: current.title,
        description: current.description,
        area: current.area,
        address: current.address,
        capacity: current.capacity,
        languages: current.languages,
        interpreterAvailable: false,
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 2 * HOUR).toISOString(),
        rsvpDeadline: current.rsvp_deadline,
      });
    };
    expect(await move(1)).toMatchObject({ ok: true });
    expect(await move(2)).toMatchObject({ ok: true });
    const notices = await db.selectFrom("notices").select("id").where("member_id", "=", member.id).execute();
    expect(notices).toHaveLength(1);
    const jobs = await pushJobs(db);
    expect(jobs.map((j) => JSON.parse(j.payload).noticeId)).toEqual([notices[0]!.id]);
  });

  test("shows no title to a member who chose discreet calendar titles", async () => {
    const { db, activity, member } = await world();
    const noticeId = await addNotice(db, { memberId: member.id, kind: "reminder", activityId: activity.id });
    expect(await detailFor(db, { memberId: member.id, noticeId })).toBe("Middag sammen: påminnelse");
    await db.updateTable("members").set({ discreet_titles: 1 }).where("id", "=", member.id).execute();
    expect(await detailFor(db, { memberId: member.id, noticeId })).toBeUndefined();
  });

  test("says nothing about an activity she may no longer see, or about another member's notice", async () => {
    const { db, group, activity, member } = await world();
    const other = await createMember(db, { chapter_id: member.chapter_id, groupIds: [group.id] });
    const noticeId = await addNotice(db, { memberId: member.id, kind: "reminder", activityId: activity.id });
    expect(await detailFor(db, { memberId: member.id, noticeId })).toBe("Middag sammen: påminnelse");
    expect(await detailFor(db, { memberId: other.id, noticeId })).toBeUndefined();
    await db.deleteFrom("rsvps").execute();
    await db.deleteFrom("group_memberships").where("member_id", "=", member.id).execute();
    expect(await detailFor(db, { memberId: member.id, noticeId })).toBeUndefined();
  });
});
