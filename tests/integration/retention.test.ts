import { addNotice } from "~/features/notices/notices.server";
import { createSession, SESSION_POLICY } from "~/features/sessions/sessions.server";
import { recordAudit } from "~/features/audit/audit.server";
import { rotateFeedToken } from "~/features/calendar/feed-tokens.server";
import {
  JOBS_KEPT_DAYS,
  PUSH_UNSEEN_DAYS,
  retentionPolicyFromEnv,
  runRetention,
} from "~/features/retention/retention.server";
import { parseEnv } from "~/platform/env.server";
import { createActivity, createChapter, createMember, createRsvp, createStaff } from "../factories";
import { useTestDatabase } from "../setup/db";

const database = useTestDatabase();
const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date("2027-06-15T12:00:00.000Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();
const POLICY = { now: NOW, notesAfterDays: 30, addressesAfterDays: 30, deactivatedAfterDays: 90, auditAfterDays: 365 };

async function activityEnded(daysBefore: number, chapterId: string) {
  return createActivity(database().db, {
    chapter_id: chapterId,
    starts_at: daysAgo(daysBefore + 0.1),
    ends_at: daysAgo(daysBefore),
    address: "Storgata 1",
  });
}

describe("runRetention", () => {
  test("removes private notes and exact addresses 30 days after an activity ended, and not before", async () => {
    const { db } = database();
    const chapter = await createChapter(db);
    const member = await createMember(db, { chapter_id: chapter.id });
    const old = await activityEnded(31, chapter.id);
    const recent = await activityEnded(29, chapter.id);
    await createRsvp(db, { activity_id: old.id, member_id: member.id, note: "gammel beskjed" });
    await createRsvp(db, { activity_id: recent.id, member_id: member.id, note: "ny beskjed" });

    const report = await runRetention(db, POLICY);

    expect(report).toMatchObject({ notesCleared: 1, addressesCleared: 1 });
    const notes = await db.selectFrom("rsvps").select(["activity_id", "note"]).execute();
    expect(notes).toEqual(
      expect.arrayContaining([
        { activity_id: old.id, note: null },
        { activity_id: recent.id, note: "ny beskjed" },
      ]),
    );
    const addresses = await db.selectFrom("activities").select(["id", "address"]).execute();
    expect(addresses).toEqual(
      expect.arrayContaining([
        { id: old.id, address: null },
        { id: recent.id, address: "Storgata 1" },
      ]),
    );
  });

  test("deletes member accounts deactivated more than 90 days ago, keeping their attendance as a count", async () => {
    const { db } = database();
    const chapter = await createChapter(db);
    const gone = await createMember(db, { chapter_id: chapter.id, deactivated_at: daysAgo(91) });
    const resting = await createMember(db, { chapter_id: chapter.id, deactivated_at: daysAgo(89) });
    const active = await createMember(db, { chapter_id: chapter.id });
    const past = await activityEnded(100, chapter.id);
    await createRsvp(db, { activity_id: past.id, member_id: gone.id, status: "going" });

    expect((await runRetention(db, POLICY)).membersDeleted).toBe(1);
    const left = await db.selectFrom("members").select("id").execute();
    expect(left.map((m) => m.id).sort()).toEqual([resting.id, active.id].sort());
    expect(await db.selectFrom("anonymous_attendance").selectAll().execute()).toEqual([
      { activity_id: past.id, going_count: 1, came_count: 0, came_of_going_count: 0 },
    ]);
  });

  test("deletes audit entries after a year, and deactivated staff only once no entry names them", async () => {
    const { db } = database();
    const staffGone = await createStaff(db, { deactivated_at: daysAgo(366) });
    const staffRecent = await createStaff(db, { deactivated_at: daysAgo(100) });
    await recordAudit(
      db,
      { actorStaffId: staffRecent.id, action: "activity.create", objectType: "activity", objectId: null },
      new Date(daysAgo(200)),
    );
    await recordAudit(
      db,
      { actorStaffId: staffGone.id, action: "activity.create", objectType: "activity", objectId: null },
      new Date(daysAgo(400)),
    );

    const report = await runRetention(db, POLICY);

    expect(report).toMatchObject({ auditEntriesDeleted: 1, staffDeleted: 1 });
    const audit = await db.selectFrom("audit_log").select("actor_staff_id").execute();
    expect(audit).toEqual([{ actor_staff_id: staffRecent.id }]);
  });

  test("removes sessions past their absolute or idle time-out and old rate-limit windows", async () => {
    const { db } = database();
    const chapter = await createChapter(db);
    const member = await createMember(db, { chapter_id: chapter.id });
    await createSession(
      db,
      { memberId: member.id },
      SESSION_POLICY.memberSharedDevice,
      new Date(NOW.getTime() - 31 * 60 * 1000),
    );
    await createSession(
      db,
      { memberId: member.id },
      SESSION_POLICY.memberOwnDevice,
      new Date(NOW.getTime() - 31 * DAY),
    );
    const live = await createSession(
      db,
      { memberId: member.id },
      SESSION_POLICY.memberSharedDevice,
      new Date(NOW.getTime() - 10 * 60 * 1000),
    );
    await db
      .insertInto("rate_limits")
      .values([
        { key: "login-ip/900:a", window_start: daysAgo(2), count: 3 },
        { key: "login-ip/900:b", window_start: NOW.toISOString(), count: 1 },
      ])
      .execute();

    expect(await runRetention(db, POLICY)).toMatchObject({ sessionsDeleted: 2, rateLimitWindowsDeleted: 1 });
    expect(await db.selectFrom("sessions").select("id").execute()).toEqual([{ id: live.sessionId }]);
    expect(await db.selectFrom("rate_limits").select("key").execute()).toEqual([{ key: "login-ip/900:b" }]);
  });

  test("deletes calendar links that were replaced or revoked, and keeps the live ones", async () => {
    const { db } = database();
    const chapter = await createChapter(db);
    const member = await createMember(db, { chapter_id: chapter.id });
    for (let i = 0; i < 300; i++)
      await rotateFeedToken(db, { memberId: member.id }, new Date(NOW.getTime() - (300 - i) * 1000));
    const live = await db.selectFrom("feed_tokens").select("id").where("revoked_at", "is", null).execute();
    expect(live).toHaveLength(1);

    expect(await runRetention(db, POLICY)).toMatchObject({ feedTokensDeleted: 299 });
    expect(await db.selectFrom("feed_tokens").select("id").execute()).toEqual(live);
  });

  test("deletes finished jobs after a week and push subscriptions no page has confirmed for half a year", async () => {
    const { db } = database();
    const chapter = await createChapter(db);
    const member = await createMember(db, { chapter_id: chapter.id });
    const job = (key: string, doneAt: string | null) => ({
      id: key,
      kind: "push",
      key,
      run_at: daysAgo(30),
      payload: "{}",
      done_at: doneAt,
      created_at: daysAgo(30),
    });
    await db
      .insertInto("jobs")
      .values([
        job("old", daysAgo(JOBS_KEPT_DAYS + 1)),
        job("recent", daysAgo(JOBS_KEPT_DAYS - 1)),
        job("waiting", null),
      ])
      .execute();
    const subscription = (id: string, seenAt: string) => ({
      id,
      member_id: member.id,
      endpoint: `https://fcm.googleapis.com/fcm/send/${id}`,
      p256dh: "p",
      auth: "a",
      created_at: daysAgo(400),
      last_seen_at: seenAt,
    });
    await db
      .insertInto("push_subscriptions")
      .values([
        subscription("unseen", daysAgo(PUSH_UNSEEN_DAYS + 1)),
        subscription("seen", daysAgo(PUSH_UNSEEN_DAYS - 1)),
      ])
      .execute();

    expect(await runRetention(db, POLICY)).toMatchObject({ jobsDeleted: 1, pushSubscriptionsDeleted: 1 });
    expect((await db.selectFrom("jobs").select("id").orderBy("id").execute()).map((r) => r.id)).toEqual([
      "recent",
      "waiting",
    ]);
    expect(await db.selectFrom("push_subscriptions").select("id").execute()).toEqual([{ id: "seen" }]);
  });

  test("deletes notices 60 days after they were made (RETENTION_NOTICES_DAYS), and not before", async () => {
    const { db } = database();
    const chapter = await createChapter(db);
    const member = await createMember(db, { chapter_id: chapter.id });
    await addNotice(db, { memberId: member.id, kind: "reminder", activityId: null }, new Date(daysAgo(61)));
    await addNotice(db, { memberId: member.id, kind: "promoted", activityId: null }, new Date(daysAgo(59)));
    expect(await runRetention(db, POLICY)).toMatchObject({ noticesDeleted: 1 });
    expect(await db.selectFrom("notices").select("kind").execute()).toEqual([{ kind: "promoted" }]);
    expect(await runRetention(db, { ...POLICY, noticesAfterDays: 7 })).toMatchObject({ noticesDeleted: 1 });
  });

  test("reads its periods from RETENTION_* variables, 30/30/90/365/60 days unless set", () => {
    expect(retentionPolicyFromEnv(parseEnv({}))).toEqual({
      notesAfterDays: 30,
      addressesAfterDays: 30,
      deactivatedAfterDays: 90,
      auditAfterDays: 365,
      noticesAfterDays: 60,
    });
    expect(retentionPolicyFromEnv(parseEnv({ RETENTION_NOTES_DAYS: "7", RETENTION_AUDIT_DAYS: "730" }))).toMatchObject({
      notesAfterDays: 7,
      auditAfterDays: 730,
    });
  });
});
