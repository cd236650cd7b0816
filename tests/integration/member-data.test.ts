// "Your data": the download holds everything about the member and nothing about anyone else;
// deleting the account leaves no row that holds their id or pseudonym.
import { createSession, SESSION_POLICY } from "~/features/sessions/sessions.server";
import { hitRateLimit } from "~/platform/rate-limit.server";
import { hashSecret, randomToken } from "~/platform/secrets.server";
import { deleteMemberAccount, exportMemberData } from "~/features/members/member-data.server";
import { recordAudit } from "~/features/audit/audit.server";
import { loader as dataLoader } from "~/routes/me_.data";
import { action as deleteAction, loader as deleteLoader } from "~/routes/me_.delete";
import { newId } from "~/platform/ids.server";
import { createActivity, createChapter, createGroup, createMember, createRsvp, createStaff } from "../factories";
import { sql } from "kysely";
import { onPostgres, useTestDatabase, type TestDatabase } from "../setup/db";

const database = useTestDatabase();
const HOUR = 60 * 60 * 1000;
const PSEUDONYM = "Blåbærsyltetøy";

/** A member with a bit of everything, another member, and activities past and coming. */
async function memberWithHistory(db: TestDatabase["db"]) {
  const chapter = await createChapter(db, { name: "Oslo" });
  const group = await createGroup(db, { chapter_id: chapter.id, name: "Kvinnegruppa" });
  const other = await createGroup(db, { chapter_id: chapter.id, name: "Turgruppa" });
  const member = await createMember(db, { chapter_id: chapter.id, pseudonym: PSEUDONYM, groupIds: [group.id] });
  await db
    .insertInto("group_memberships")
    .values({ member_id: member.id, group_id: other.id, status: "requested", created_at: new Date().toISOString() })
    .execute();
  const someoneElse = await createMember(db, { chapter_id: chapter.id, pseudonym: "Fjellrev", groupIds: [group.id] });
  const waiting = await createMember(db, { chapter_id: chapter.id, pseudonym: "Måke", groupIds: [group.id] });
  const staff = await createStaff(db, { chapterIds: [chapter.id] });

  const past = await createActivity(db, {
    chapter_id: chapter.id,
    group_id: group.id,
    title: "Middag i fjor",
    starts_at: new Date(Date.now() - 48 * HOUR).toISOString(),
    ends_at: new Date(Date.now() - 46 * HOUR).toISOString(),
  });
  const coming = await createActivity(db, {
    chapter_id: chapter.id,
    group_id: group.id,
    title: "Kafékveld",
    capacity: 2,
    // under a day away, so a freed place is given at once rather than offered
    starts_at: new Date(Date.now() + 20 * HOUR).toISOString(),
  });
  await createRsvp(db, { activity_id: past.id, member_id: member.id, status: "going", note: "Jeg kommer sent" });
  await createRsvp(db, { activity_id: past.id, member_id: someoneElse.id, status: "going", note: "Annen beskjed" });
  await createRsvp(db, { activity_id: coming.id, member_id: member.id, status: "going", note: "Vegetar" });
  await createRsvp(db, { activity_id: coming.id, member_id: someoneElse.id, status: "going" });
  await createRsvp(db, { activity_id: coming.id, member_id: waiting.id, status: "waitlisted" });

  const session = await createSession(db, { memberId: member.id }, SESSION_POLICY.memberOwnDevice);
  await createSession(db, { memberId: member.id }, SESSION_POLICY.memberSharedDevice);
  const now = new Date().toISOString();
  await db
    .insertInto("feed_tokens")
    .values({ id: newId(), token_hash: hashSecret(randomToken()), member_id: member.id, created_at: now })
    .execute();
  await db
    .insertInto("recovery_codes")
    .values({ id: newId(), member_id: member.id, code_hash: hashSecret("R1"), created_at: now })
    .execute();
  await db
    .insertInto("reset_codes")
    .values({
      id: newId(),
      member_id: member.id,
      code_hash: hashSecret("X1"),
      created_by_staff_id: staff.id,
      expires_at: now,
      created_at: now,
    })
    .execute();
  await recordAudit(db, {
    actorStaffId: staff.id,
    action: "member.reset",
    objectType: "member",
    objectId: member.id,
    details: { memberId: member.id },
  });
  await recordAudit(db, {
    actorStaffId: staff.id,
    action: "activity.create",
    objectType: "activity",
    objectId: coming.id,
  });
  await hitRateLimit(db, { bucket: "login-account", subject: PSEUDONYM, limit: 5, windowSeconds: 900 });
  return { chapter, member, someoneElse, waiting, past, coming, session };
}

/** Every value in every table (Kysely's bookkeeping aside), as text. */
async function everyValue(db: TestDatabase["db"]): Promise<Array<{ table: string; value: string }>> {
  const tables = (await db.introspection.getTables()).map((t) => t.name);
  expect(tables.length).toBeGreaterThan(15);
  const values = await Promise.all(
    tables.map(async (name) =>
      (await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db)).rows.flatMap((row) =>
        Object.values(row).map((value) => ({ table: name, value: String(value) })),
      ),
    ),
  );
  return values.flat();
}

const memberCookie = (token: string) => ({ Cookie: `session=${token}` });

describe("exportMemberData", () => {
  test("holds the member's pseudonym, chapter, groups, answers with notes, feeds, sessions and dates", async () => {
    const { member } = await memberWithHistory(database().db);
    const exported = await exportMemberData(database().db, member.id);
    expect(exported?.member).toMatchObject({ pseudonym: PSEUDONYM, chapter: "Oslo", createdAt: member.created_at });
    expect(exported?.groups.map((g) => [g.group, g.status]).sort()).toEqual([
      ["Kvinnegruppa", "active"],
      ["Turgruppa", "requested"],
    ]);
    expect(exported?.answers.map((a) => [a.activity, a.answer, a.noteToStaff])).toEqual([
      ["Middag i fjor", "going", "Jeg kommer sent"],
      ["Kafékveld", "going", "Vegetar"],
    ]);
    expect(exported?.sessions).toHaveLength(2);
    expect(exported?.calendarLinks).toHaveLength(1);
    expect(exported?.recoveryCodes).toHaveLength(1);
    expect(exported?.resetCodes).toHaveLength(1);
  });

  test("holds nothing about other members and no secret hash", async () => {
    const { member } = await memberWithHistory(database().db);
    const text = JSON.stringify(await exportMemberData(database().db, member.id));
    for (const absent of ["Fjellrev", "Måke", "Annen beskjed", member.passphrase_hash, member.id, hashSecret("R1")]) {
      expect(text).not.toContain(absent);
    }
  });
});

describe("GET /me/data", () => {
  test("downloads the signed-in member's data as a JSON attachment that is never cached", async () => {
    const { session } = await memberWithHistory(database().db);
    const response = (await dataLoader({
      request: new Request("http://localhost/me/data", { headers: memberCookie(session.token) }),
      params: {},
      context: {},
    } as never)) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="my-data.json"');
    expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(JSON.parse(await response.text())).toMatchObject({ member: { pseudonym: PSEUDONYM } });
  });

  test("sends someone who is not signed in to sign in", async () => {
    const thrown = await Promise.resolve(
      dataLoader({ request: new Request("http://localhost/me/data"), params: {}, context: {} } as never),
    ).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).headers.get("Location")).toMatch(/^\/login/);
  });
});

describe("deleteMemberAccount", () => {
  test("leaves no row in any table that holds the member's id or pseudonym", async () => {
    const { db } = database();
    const { member } = await memberWithHistory(db);
    const before = await everyValue(db);
    expect(before.some((v) => v.value.includes(member.id))).toBe(true);
    expect(before.some((v) => v.value.includes(PSEUDONYM))).toBe(true);

    await expect(deleteMemberAccount(db, member.id)).resolves.toBe(true);

    const leftovers = (await everyValue(db)).filter(
      (v) =>
        v.value.includes(member.id) ||
        v.value.toLowerCase().includes(PSEUDONYM.toLowerCase()) ||
        v.value === member.pseudonym_key,
    );
    expect(leftovers).toEqual([]);
  });

  test("removes the receipt that links a member who just joined to her invite, even with foreign keys off", async () => {
    const { db } = database();
    const { joinWithInvite } = await import("~/features/members/member-account.server");
    const { createInvites } = await import("~/features/members/invites.server");
    const chapter = await createChapter(db);
    const [invite] = await createInvites(db, {
      chapterId: chapter.id,
      groupIds: [],
      expiresAt: new Date(Date.now() + 86_400_000),
      count: 1,
      createdByStaffId: null,
    });
    const joined = await joinWithInvite(db, {
      code: invite!.code,
      pseudonym: "Nykommer",
      passphrase: "en lang og god frase",
      ownDevice: false,
    });
    if (!joined.ok) throw new Error("join failed");
    expect((await exportMemberData(db, joined.memberId))?.joinRepeatableUntil).toEqual(expect.any(String));
    // SQLite can run without foreign keys; PostgreSQL always has them, so there it is the plain case.
    if (!onPostgres) database().sqlite.pragma("foreign_keys = OFF");
    await deleteMemberAccount(db, joined.memberId);
    if (!onPostgres) database().sqlite.pragma("foreign_keys = ON");
    expect(await db.selectFrom("join_receipts").selectAll().execute()).toEqual([]);
  });

  test("keeps an anonymous count of their attendance at activities that have ended", async () => {
    const { db } = database();
    const { member, past } = await memberWithHistory(db);
    await deleteMemberAccount(db, member.id);
    const going = await db
      .selectFrom("rsvps")
      .select("id")
      .where("activity_id", "=", past.id)
      .where("status", "=", "going")
      .execute();
    const anonymous = await db.selectFrom("anonymous_attendance").selectAll().execute();
    expect(going).toHaveLength(1);
    expect(anonymous).toEqual([{ activity_id: past.id, going_count: 1, came_count: 0, came_of_going_count: 0 }]);
  });

  test("gives their place in a coming activity to the first on the waitlist", async () => {
    const { db } = database();
    const { member, waiting, coming } = await memberWithHistory(db);
    await deleteMemberAccount(db, member.id);
    const answer = await db
      .selectFrom("rsvps")
      .select("status")
      .where("activity_id", "=", coming.id)
      .where("member_id", "=", waiting.id)
      .executeTakeFirst();
    expect(answer?.status).toBe("going");
  });

  test("leaves other members and the audit trail of staff work in place", async () => {
    const { db } = database();
    const { member, someoneElse } = await memberWithHistory(db);
    await deleteMemberAccount(db, member.id);
    expect(
      await db.selectFrom("members").select("id").where("id", "=", someoneElse.id).executeTakeFirst(),
    ).toBeDefined();
    expect(await db.selectFrom("rsvps").select("id").where("member_id", "=", someoneElse.id).execute()).toHaveLength(2);
    const audit = await db.selectFrom("audit_log").select(["action", "object_id"]).orderBy("action").execute();
    expect(audit.map((a) => a.action)).toEqual(["activity.create", "member.reset"]);
  });
});

describe("/me/delete", () => {
  const post = (token: string, fields: Record<string, string>) =>
    deleteAction({
      request: new Request("http://localhost/me/delete", {
        method: "POST",
        headers: memberCookie(token),
        body: new URLSearchParams(fields),
      }),
      params: {},
      context: {},
    } as never);

  test("asks again when the box is not ticked, and deletes nothing", async () => {
    const { member, session } = await memberWithHistory(database().db);
    const result = (await post(session.token, {})) as unknown as {
      init: { status: number };
      data: { errors: Record<string, string> };
    };
    expect(result.init.status).toBe(400);
    expect(result.data.errors).toEqual({ confirm: "safety.confirmDelete" });
    expect(
      await database().db.selectFrom("members").select("id").where("id", "=", member.id).executeTakeFirst(),
    ).toBeDefined();
  });

  test("deletes the account at once, signs out and shows that it is done", async () => {
    const { member, session } = await memberWithHistory(database().db);
    const response = (await post(session.token, { confirm: "yes" })) as Response;
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe("/me/delete?done");
    expect(response.headers.get("Set-Cookie")).toMatch(/^session=; .*Max-Age=0/);
    expect(
      await database().db.selectFrom("members").select("id").where("id", "=", member.id).executeTakeFirst(),
    ).toBeUndefined();

    const page = await deleteLoader({
      request: new Request("http://localhost/me/delete?done", { headers: memberCookie(session.token) }),
      params: {},
      context: {},
    } as never);
    expect(page).toEqual({ deleted: true });
  });
});
