// Staff's message to everyone going to an activity, and the notice a staff reply to her note
// gives her: delivered to exactly those it is for, shown to them on /notices and the activity page,
// never to anyone else, never in the audit log.
import { action as staffAction } from "~/routes/staff.activities.$activityId._index";
import { action as answersAction } from "~/routes/staff.activities.$activityId.answers";
import { loader as activityLoader } from "~/routes/activities.$activityId";
import { loader as noticesLoader } from "~/routes/notices";
import { runRetention } from "~/features/retention/retention.server";
import { useTestDatabase } from "../setup/db";
import { createActivity, createChapter, createGroup, createMember, createRsvp, createStaff } from "../factories";
import { call, memberCookie, staffCookie } from "./support/staff";

const database = useTestDatabase();
const MESSAGE = "Vi møtes ved inngangen mot parken.\nTa med varme klær.";

async function world() {
  const db = database().db;
  const bergen = await createChapter(db, { name: "Bergen" });
  const oslo = await createChapter(db, { name: "Oslo" });
  const group = await createGroup(db, { chapter_id: bergen.id });
  const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();
  const activity = await createActivity(db, {
    chapter_id: bergen.id,
    group_id: group.id,
    title: "Middag sammen",
    starts_at: inDays(3),
    capacity: 1,
  });
  const other = await createActivity(db, { chapter_id: bergen.id, group_id: group.id, starts_at: inDays(4) });
  const member = (pseudonym: string) => createMember(db, { chapter_id: bergen.id, pseudonym, groupIds: [group.id] });
  const going = await member("Fjellrev");
  const waiting = await member("Måke");
  const notGoing = await member("Ekorn");
  const elsewhere = await member("Hare");
  const osloMember = await createMember(db, { chapter_id: oslo.id, pseudonym: "Elg" });
  await createRsvp(db, { activity_id: activity.id, member_id: going.id, status: "going" });
  await createRsvp(db, { activity_id: activity.id, member_id: waiting.id, status: "waitlisted" });
  await createRsvp(db, { activity_id: activity.id, member_id: notGoing.id, status: "not_going" });
  await createRsvp(db, { activity_id: other.id, member_id: elsewhere.id, status: "going" });
  const kari = await createStaff(db, { chapterIds: [bergen.id], display_name: "Kari Nordmann" });
  const ola = await createStaff(db, { chapterIds: [oslo.id], display_name: "Ola Oslo" });
  return {
    db,
    activity,
    going,
    waiting,
    notGoing,
    elsewhere,
    osloMember,
    cookies: {
      kari: await staffCookie(db, kari.id),
      ola: await staffCookie(db, ola.id),
      going: await memberCookie(db, going.id),
      waiting: await memberCookie(db, waiting.id),
      notGoing: await memberCookie(db, notGoing.id),
    },
  };
}
type World = Awaited<ReturnType<typeof world>>;

function send(w: World, cookie: string, fields: Array<[string, string]>) {
  return call(staffAction, `/staff/activities/${w.activity.id}`, {
    cookie,
    params: { activityId: w.activity.id },
    fields: [["intent", "message"], ...fields],
  });
}

async function noticeHolders(w: World, kind: string) {
  const rows = await w.db
    .selectFrom("notices")
    .select("member_id")
    .where("kind", "=", kind as never)
    .execute();
  return rows.map((r) => r.member_id).sort();
}

const activityPage = (w: World, cookie: string) =>
  call(activityLoader, `/activities/${w.activity.id}`, { cookie, params: { activityId: w.activity.id } });

describe("a staff message to those going", () => {
  it("reaches only those going, and shows them the words on /notices and on the activity page", async () => {
    const w = await world();
    const res = await send(w, w.cookies.kari, [["body", `  ${MESSAGE}  `]]);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/staff/activities/${w.activity.id}?messaged=1`);
    expect(await noticeHolders(w, "staff_message")).toEqual([w.going.id]);

    const notices = await call(noticesLoader, "/notices", { cookie: w.cookies.going });
    expect(notices.data.notices).toHaveLength(1);
    expect(notices.data.notices[0]).toMatchObject({ kind: "staff_message", message: MESSAGE });
    expect(notices.data.notices[0].activity.id).toBe(w.activity.id);

    expect((await activityPage(w, w.cookies.going)).data.messages).toEqual([
      expect.objectContaining({ body: MESSAGE }),
    ]);
    for (const cookie of [w.cookies.waiting, w.cookies.notGoing]) {
      const page = await activityPage(w, cookie);
      expect(page.status).toBe(200);
      expect(page.data.messages).toEqual([]);
      expect(JSON.stringify(page.data)).not.toContain("inngangen");
    }
  });

  it("also reaches the waitlisted when staff tick the box, and they then see it on the page", async () => {
    const w = await world();
    const res = await send(w, w.cookies.kari, [
      ["body", MESSAGE],
      ["includeWaitlist", "on"],
    ]);
    expect(res.headers.get("Location")).toBe(`/staff/activities/${w.activity.id}?messaged=2`);
    expect(await noticeHolders(w, "staff_message")).toEqual([w.going.id, w.waiting.id].sort());
    expect((await activityPage(w, w.cookies.waiting)).data.messages).toHaveLength(1);
    expect((await activityPage(w, w.cookies.notGoing)).data.messages).toEqual([]);
  });

  it("stores the words once, and the audit row only their length and how many got them", async () => {
    const w = await world();
    await send(w, w.cookies.kari, [
      ["body", MESSAGE],
      ["includeWaitlist", "on"],
    ]);
    const stored = await w.db.selectFrom("staff_messages").selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.body).toBe(MESSAGE);
    const notices = await w.db.selectFrom("notices").select("params").execute();
    for (const n of notices) expect(JSON.parse(n.params)).toEqual({ messageId: stored[0]!.id });
    const audit = await w.db.selectFrom("audit_log").selectAll().where("action", "=", "activity.message").execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details!)).toMatchObject({ length: MESSAGE.length, recipients: 2 });
    expect(JSON.stringify(await w.db.selectFrom("audit_log").selectAll().execute())).not.toContain("inngangen");
  });

  it("is a 404 for staff of another chapter, and sends nothing", async () => {
    const w = await world();
    const res = await send(w, w.cookies.ola, [["body", MESSAGE]]);
    expect(res.status).toBe(404);
    expect(await w.db.selectFrom("staff_messages").selectAll().execute()).toEqual([]);
    expect(await w.db.selectFrom("notices").selectAll().execute()).toEqual([]);
  });

  it("refuses an empty or too long message with a message by the field, keeping what was typed", async () => {
    const w = await world();
    const empty = await send(w, w.cookies.kari, [["body", "   \n "]]);
    expect(empty.status).toBe(400);
    expect(empty.data.message.errors.body).toBe("required");
    const long = "x".repeat(1001);
    const tooLong = await send(w, w.cookies.kari, [
      ["body", long],
      ["includeWaitlist", "on"],
    ]);
    expect(tooLong.status).toBe(400);
    expect(tooLong.data.message.errors.body).toBe("tooLong");
    expect(tooLong.data.message.values).toEqual({ body: long, includeWaitlist: true });
    expect(await w.db.selectFrom("staff_messages").selectAll().execute()).toEqual([]);
    expect(await w.db.selectFrom("notices").selectAll().execute()).toEqual([]);
    expect(await w.db.selectFrom("audit_log").selectAll().execute()).toEqual([]);
  });

  it("is deleted by retention once its notices are", async () => {
    const w = await world();
    await send(w, w.cookies.kari, [["body", MESSAGE]]);
    const policy = { notesAfterDays: 30, addressesAfterDays: 30, deactivatedAfterDays: 90, auditAfterDays: 365 };
    await runRetention(w.db, { ...policy, now: new Date(Date.now() + 59 * 86_400_000) });
    expect(await w.db.selectFrom("staff_messages").selectAll().execute()).toHaveLength(1);
    const report = await runRetention(w.db, { ...policy, now: new Date(Date.now() + 61 * 86_400_000) });
    expect(report.staffMessagesDeleted).toBe(1);
    expect(await w.db.selectFrom("notices").selectAll().execute()).toEqual([]);
    expect(await w.db.selectFrom("staff_messages").selectAll().execute()).toEqual([]);
  });
});

describe("a staff reply to her note", () => {
  it("gives her a notice that links to the activity, and nobody else one", async () => {
    const w = await world();
    await w.db
      .updateTable("rsvps")
      .set({ note: "Kan noen møte meg ute?" })
      .where("member_id", "=", w.going.id)
      .execute();
    const res = await call(answersAction, `/staff/activities/${w.activity.id}/answers`, {
      cookie: w.cookies.kari,
      params: { activityId: w.activity.id },
      fields: [
        ["intent", "reply"],
        ["memberId", w.going.id],
        ["body", "Ja, Kari står ved kiosken."],
      ],
    });
    expect(res.status).toBe(303);
    expect(await noticeHolders(w, "staff_reply")).toEqual([w.going.id]);
    const notices = await call(noticesLoader, "/notices", { cookie: w.cookies.going });
    expect(notices.data.notices[0]).toMatchObject({ kind: "staff_reply", message: null });
    expect(notices.data.notices[0].activity.id).toBe(w.activity.id);
    // The notice carries ids only; the reply itself is read on the activity page.
    const row = await w.db.selectFrom("notices").select("params").executeTakeFirstOrThrow();
    expect(row.params).not.toContain("kiosken");
  });
});
