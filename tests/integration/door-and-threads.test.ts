// Meet me at the door, and staff's replies to a member's note: only she and the chapter's staff
// ever see them; not another member, not staff of another chapter, not a calendar feed, not the log.
import type { AppDatabase } from "../../db/connection";
import { action as memberAction, loader as memberLoader } from "~/routes/activities.$activityId";
import { action as answersAction, loader as answersLoader } from "~/routes/staff.activities.$activityId.answers";
import { loader as weekLoader } from "~/routes/staff.week";
import { buildFeedCalendar } from "~/features/calendar/build-feed.server";
import { createFeedToken, findFeedByToken } from "~/features/calendar/feed-tokens.server";
import { listFeedActivities } from "~/features/calendar/feed-activities.server";
import { listRepliesForStaff } from "~/features/answers/note-threads.server";
import { useTestDatabase } from "../setup/db";
import { createActivity, createChapter, createGroup, createMember, createStaff } from "../factories";
import { call, memberCookie, staffCookie } from "./support/staff";

const database = useTestDatabase();
const PLACE = "ved Narvesen-kiosken";
const NOTE = "Kan noen møte meg ute?";
const REPLY = "Ja, Kari står ved kiosken fem på seks.";

async function world() {
  const db = database().db;
  const bergen = await createChapter(db, { name: "Bergen" });
  const oslo = await createChapter(db, { name: "Oslo" });
  const gutta = await createGroup(db, { chapter_id: bergen.id });
  const activity = await createActivity(db, {
    chapter_id: bergen.id,
    group_id: gutta.id,
    title: "Middag sammen",
    starts_at: new Date(Date.now() + 3 * 86_400_000).toISOString(),
  });
  const fjellrev = await createMember(db, { chapter_id: bergen.id, pseudonym: "Fjellrev", groupIds: [gutta.id] });
  const other = await createMember(db, { chapter_id: bergen.id, pseudonym: "Måke", groupIds: [gutta.id] });
  const kari = await createStaff(db, { chapterIds: [bergen.id], display_name: "Kari Nordmann" });
  const osloStaff = await createStaff(db, { chapterIds: [oslo.id], display_name: "Ola Oslo" });
  return {
    db,
    bergen,
    oslo,
    activity,
    fjellrev,
    other,
    kari,
    osloStaff,
    cookies: {
      fjellrev: await memberCookie(db, fjellrev.id),
      other: await memberCookie(db, other.id),
      kari: await staffCookie(db, kari.id),
      osloStaff: await staffCookie(db, osloStaff.id),
    },
  };
}

type World = Awaited<ReturnType<typeof world>>;
const activityPath = (w: World) => `/activities/${w.activity.id}`;
const answersPath = (w: World) => `/staff/activities/${w.activity.id}/answers`;
const params = (w: World) => ({ activityId: w.activity.id });

async function answerGoing(w: World, fields: Array<[string, string]>) {
  return call(memberAction, activityPath(w), {
    cookie: w.cookies.fjellrev,
    params: params(w),
    fields: [["intent", "going"], ...fields],
  });
}

async function auditText(db: AppDatabase) {
  return JSON.stringify(await db.selectFrom("audit_log").selectAll().execute());
}

async function feedText(db: AppDatabase, memberId: string) {
  const { token } = await createFeedToken(db, { memberId });
  const feed = (await findFeedByToken(db, token))!;
  return buildFeedCalendar(await listFeedActivities(db, feed, new Date()), {
    audience: feed.kind,
    locale: "nb",
    discreetTitles: false,
    calendarName: "Kalender",
  });
}

describe("meet me at the door", () => {
  it("keeps her request and place, shows them to her and to her chapter's staff, and nobody else", async () => {
    const w = await world();
    const res = await answerGoing(w, [
      ["meetAtDoor", "on"],
      ["meetPlace", `  ${PLACE} `],
    ]);
    expect(res.status).toBe(303);

    const mine = await call(memberLoader, activityPath(w), { cookie: w.cookies.fjellrev, params: params(w) });
    expect(mine.data.member).toMatchObject({ myMeetAtDoor: true, myMeetPlace: PLACE, myMeetAssigned: false });

    const staffPage = await call(answersLoader, answersPath(w), { cookie: w.cookies.kari, params: params(w) });
    expect(staffPage.data.doorRequests).toEqual([
      { memberId: w.fjellrev.id, pseudonym: "Fjellrev", place: PLACE, meetStaffId: null },
    ]);
    const week = await call(weekLoader, "/staff/week", { cookie: w.cookies.kari });
    expect(week.data.activities[0].doorRequests[0]).toMatchObject({ pseudonym: "Fjellrev", place: PLACE });

    const others = await call(memberLoader, activityPath(w), { cookie: w.cookies.other, params: params(w) });
    expect(others.status).toBe(200);
    expect(JSON.stringify(others.data)).not.toContain(PLACE);
    expect(others.data.member.myMeetAtDoor).toBe(false);

    const osloAnswers = await call(answersLoader, answersPath(w), { cookie: w.cookies.osloStaff, params: params(w) });
    expect(osloAnswers.status).toBe(404);
    const osloWeek = await call(weekLoader, "/staff/week", { cookie: w.cookies.osloStaff });
    expect(JSON.stringify(osloWeek.data)).not.toContain(PLACE);

    expect(await feedText(w.db, w.fjellrev.id)).not.toContain(PLACE);
    expect(await feedText(w.db, w.other.id)).not.toContain(PLACE);
    expect(await auditText(w.db)).not.toContain(PLACE);
  });

  it("tells her someone from staff will meet her once staff assign someone, and audits ids only", async () => {
    const w = await world();
    await answerGoing(w, [["meetAtDoor", "on"]]);
    const res = await call(answersAction, answersPath(w), {
      cookie: w.cookies.kari,
      params: params(w),
      fields: [
        ["intent", "meet"],
        ["memberId", w.fjellrev.id],
        ["meetStaffId", w.kari.id],
      ],
    });
    expect(res.status).toBe(303);
    const mine = await call(memberLoader, activityPath(w), { cookie: w.cookies.fjellrev, params: params(w) });
    expect(mine.data.member).toMatchObject({ myMeetAtDoor: true, myMeetPlace: null, myMeetAssigned: true });
    // Who meets her is staff's business; the member page says only that someone will.
    expect(JSON.stringify(mine.data)).not.toContain("Kari");
    const audit = await w.db.selectFrom("audit_log").selectAll().where("action", "=", "rsvp.meet_assign").execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details!)).toEqual({
      activityId: w.activity.id,
      memberId: w.fjellrev.id,
      meetStaffId: w.kari.id,
      title: "Middag sammen",
    });
  });

  it("refuses to assign staff of another chapter, and staff of another chapter cannot assign anyone", async () => {
    const w = await world();
    await answerGoing(w, [["meetAtDoor", "on"]]);
    const wrongMeeter = await call(answersAction, answersPath(w), {
      cookie: w.cookies.kari,
      params: params(w),
      fields: [
        ["intent", "meet"],
        ["memberId", w.fjellrev.id],
        ["meetStaffId", w.osloStaff.id],
      ],
    });
    expect(wrongMeeter.status).toBe(400);
    const outsider = await call(answersAction, answersPath(w), {
      cookie: w.cookies.osloStaff,
      params: params(w),
      fields: [
        ["intent", "meet"],
        ["memberId", w.fjellrev.id],
        ["meetStaffId", w.osloStaff.id],
      ],
    });
    expect(outsider.status).toBe(404);
    const row = await w.db.selectFrom("rsvps").select("meet_staff_id").executeTakeFirstOrThrow();
    expect(row.meet_staff_id).toBeNull();
  });

  it("forgets the request and the place when she says she cannot come", async () => {
    const w = await world();
    await answerGoing(w, [
      ["meetAtDoor", "on"],
      ["meetPlace", PLACE],
    ]);
    await call(memberAction, activityPath(w), {
      cookie: w.cookies.fjellrev,
      params: params(w),
      fields: [["intent", "not_going"]],
    });
    const row = await w.db.selectFrom("rsvps").select(["meet_at_door", "meet_place"]).executeTakeFirstOrThrow();
    expect(row).toEqual({ meet_at_door: 0, meet_place: null });
  });

  it("refuses a place longer than 80 characters with a message, keeping what she typed", async () => {
    const w = await world();
    const long = "x".repeat(81);
    const res = await answerGoing(w, [
      ["meetAtDoor", "on"],
      ["meetPlace", long],
    ]);
    expect(res.status).toBe(400);
    expect(res.data.errors.meetPlace).toBe("tooLong");
    expect(res.data.values.meetPlace).toBe(long);
    expect(await w.db.selectFrom("rsvps").selectAll().execute()).toEqual([]);
  });
});

describe("a note thread", () => {
  async function withNoteAndReply() {
    const w = await world();
    await answerGoing(w, [["note", NOTE]]);
    const res = await call(answersAction, answersPath(w), {
      cookie: w.cookies.kari,
      params: params(w),
      fields: [
        ["intent", "reply"],
        ["memberId", w.fjellrev.id],
        ["body", REPLY],
      ],
    });
    expect(res.status).toBe(303);
    return w;
  }

  it("shows staff's reply to her on the activity page and to staff on the answers page", async () => {
    const w = await withNoteAndReply();
    const mine = await call(memberLoader, activityPath(w), { cookie: w.cookies.fjellrev, params: params(w) });
    expect(mine.data.member.replies.map((r: { body: string }) => r.body)).toEqual([REPLY]);
    const staffPage = await call(answersLoader, answersPath(w), { cookie: w.cookies.kari, params: params(w) });
    const answer = staffPage.data.answers.find((a: { memberId: string }) => a.memberId === w.fjellrev.id);
    expect(answer.note).toBe(NOTE);
    expect(answer.replies).toMatchObject([{ body: REPLY, by: "Kari Nordmann" }]);
    // Replying reads the note.
    expect(answer.noteUnread).toBe(false);
  });

  it("is not seen by another member, by staff of another chapter, in a feed, or in the audit log", async () => {
    const w = await withNoteAndReply();
    const others = await call(memberLoader, activityPath(w), { cookie: w.cookies.other, params: params(w) });
    expect(others.data.member.replies).toEqual([]);
    expect(JSON.stringify(others.data)).not.toContain(REPLY);
    expect(JSON.stringify(others.data)).not.toContain(NOTE);
    const osloPage = await call(answersLoader, answersPath(w), { cookie: w.cookies.osloStaff, params: params(w) });
    expect(osloPage.status).toBe(404);
    expect(await listRepliesForStaff(w.db, { role: "coordinator", chapterIds: [w.oslo.id] }, params(w))).toEqual([]);
    const outsiderReply = await call(answersAction, answersPath(w), {
      cookie: w.cookies.osloStaff,
      params: params(w),
      fields: [
        ["intent", "reply"],
        ["memberId", w.fjellrev.id],
        ["body", "Hei fra Oslo"],
      ],
    });
    expect(outsiderReply.status).toBe(404);
    expect(await w.db.selectFrom("answer_replies").select("body").execute()).toEqual([{ body: REPLY }]);
    expect(await feedText(w.db, w.fjellrev.id)).not.toContain(REPLY);
    const audit = await auditText(w.db);
    expect(audit).not.toContain(REPLY);
    expect(audit).not.toContain(NOTE);
    expect(audit).toContain("rsvp.reply");
  });

  it("counts a changed note as unread again in the week", async () => {
    const w = await withNoteAndReply();
    const before = await call(weekLoader, "/staff/week", { cookie: w.cookies.kari });
    expect(before.data.activities[0].unreadNotes).toBe(0);
    await answerGoing(w, [["note", "Jeg kommer litt senere."]]);
    const after = await call(weekLoader, "/staff/week", { cookie: w.cookies.kari });
    expect(after.data.activities[0].unreadNotes).toBe(1);
  });

  it("refuses an empty reply with a message next to the field and saves nothing", async () => {
    const w = await world();
    await answerGoing(w, [["note", NOTE]]);
    const res = await call(answersAction, answersPath(w), {
      cookie: w.cookies.kari,
      params: params(w),
      fields: [
        ["intent", "reply"],
        ["memberId", w.fjellrev.id],
        ["body", "   "],
      ],
    });
    expect(res.status).toBe(400);
    expect(res.data).toMatchObject({ errors: { body: "required" }, replyTo: w.fjellrev.id });
    expect(await w.db.selectFrom("answer_replies").selectAll().execute()).toEqual([]);
  });

  it("goes when her account is deleted", async () => {
    const w = await withNoteAndReply();
    await w.db.deleteFrom("members").where("id", "=", w.fjellrev.id).execute();
    expect(await w.db.selectFrom("answer_replies").selectAll().execute()).toEqual([]);
  });
});
