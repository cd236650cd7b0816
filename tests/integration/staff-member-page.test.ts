// A member's page for staff: pseudonym, groups, status and attendance history, for staff of her
// chapter only; another chapter's coordinator, an unknown id and a deleted member all get 404.
import { describe, expect, it } from "vitest";
import { loader as memberLoader } from "~/routes/staff.chapters.$chapterId.members_.$memberId";
import { loader as membersLoader } from "~/routes/staff.chapters.$chapterId.members";
import { deleteMemberAccount } from "~/features/members/member-data.server";
import { useTestDatabase } from "../setup/db";
import { createActivity, createChapter, createGroup, createMember, createRsvp, createStaff } from "../factories";
import { call, staffCookie } from "./support/staff";

const HOUR = 60 * 60 * 1000;

describe("a member's page for staff", () => {
  const testDb = useTestDatabase();

  async function setUp() {
    const db = testDb().db;
    const bergen = await createChapter(db, { name: "Bergen" });
    const oslo = await createChapter(db, { name: "Oslo" });
    const gutta = await createGroup(db, { chapter_id: bergen.id, name: "Gutta" });
    const fjellrev = await createMember(db, { chapter_id: bergen.id, pseudonym: "Fjellrev", groupIds: [gutta.id] });
    const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * HOUR).toISOString();
    const activity = (title: string, hoursAgo: number) =>
      createActivity(db, {
        chapter_id: bergen.id,
        group_id: gutta.id,
        title,
        starts_at: at(hoursAgo),
        ends_at: at(hoursAgo - 2),
      });
    const dinner = await activity("Middag sammen", 72);
    const hike = await activity("Tur på Fløyen", 48);
    const cafe = await activity("Kafékveld", 24);
    await createRsvp(db, { activity_id: dinner.id, member_id: fjellrev.id, status: "going" });
    await createRsvp(db, { activity_id: hike.id, member_id: fjellrev.id, status: "going" });
    await db
      .insertInto("check_ins")
      .values([
        { activity_id: dinner.id, member_id: fjellrev.id, checked_in_at: at(71) },
        { activity_id: cafe.id, member_id: fjellrev.id, checked_in_at: at(23) },
      ])
      .execute();
    const coordinator = await createStaff(db, { chapterIds: [bergen.id] });
    const osloCoordinator = await createStaff(db, { chapterIds: [oslo.id] });
    return {
      db,
      bergen,
      fjellrev,
      cookie: await staffCookie(db, coordinator.id),
      osloCookie: await staffCookie(db, osloCoordinator.id),
    };
  }

  const open = (cookie: string, chapterId: string, memberId: string) =>
    call(memberLoader, `/staff/chapters/${chapterId}/members/${memberId}`, {
      cookie,
      params: { chapterId, memberId },
    });

  it("shows her pseudonym, groups, status and history: came, did not come, walk-in, newest first", async () => {
    const { bergen, fjellrev, cookie } = await setUp();
    const res = await open(cookie, bergen.id, fjellrev.id);
    expect(res.status).toBe(200);
    expect(res.data.member).toMatchObject({ pseudonym: "Fjellrev", deactivated: false, groups: ["Gutta"] });
    expect(res.data.history.map((h: { title: string; outcome: string }) => [h.title, h.outcome])).toEqual([
      ["Kafékveld", "walkIn"],
      ["Tur på Fløyen", "didNotCome"],
      ["Middag sammen", "came"],
    ]);
  });

  it("is linked from the chapter's member list", async () => {
    const { bergen, fjellrev, cookie } = await setUp();
    const list = await call(membersLoader, `/staff/chapters/${bergen.id}/members`, {
      cookie,
      params: { chapterId: bergen.id },
    });
    expect(list.data.members.map((m: { id: string }) => m.id)).toContain(fjellrev.id);
  });

  it("answers 404 to a coordinator of another chapter, through either chapter", async () => {
    const { db, bergen, fjellrev, osloCookie } = await setUp();
    expect((await open(osloCookie, bergen.id, fjellrev.id)).status).toBe(404);
    const oslo = await db.selectFrom("chapters").select("id").where("name", "=", "Oslo").executeTakeFirstOrThrow();
    expect((await open(osloCookie, oslo.id, fjellrev.id)).status).toBe(404);
  });

  it("answers 404 for an unknown member and for a member who deleted her account", async () => {
    const { db, bergen, fjellrev, cookie } = await setUp();
    expect((await open(cookie, bergen.id, "no-such-member")).status).toBe(404);
    expect(await deleteMemberAccount(db, fjellrev.id)).toBe(true);
    expect((await open(cookie, bergen.id, fjellrev.id)).status).toBe(404);
  });
});
