import { findActiveSession } from "~/features/sessions/sessions.server";
import { createFeedToken, findFeedByToken } from "~/features/calendar/feed-tokens.server";
import { joinWithInvite } from "~/features/members/member-account.server";
import { action as accountsAction } from "~/routes/staff.accounts";
import { loader as auditLoader } from "~/routes/staff.audit";
import { action as chapterAction } from "~/routes/staff.chapters.$chapterId._index";
import { action as chaptersAction } from "~/routes/staff.chapters._index";
import { action as invitesAction, loader as invitesLoader } from "~/routes/staff.chapters.$chapterId.invites";
import { action as membersAction, loader as membersLoader } from "~/routes/staff.chapters.$chapterId.members";
import { action as groupAction, loader as groupLoader } from "~/routes/staff.groups.$groupId";
import { action as newGroupAction } from "~/routes/staff.groups.new";
import { useTestDatabase } from "../setup/db";
import { createChapter, createGroup, createMember, createStaff } from "../factories";
import { call, memberCookie, staffCookie } from "./support/staff";

const JOIN_PASSPHRASE = "en lang og god frase for testen";

describe("staff administration", () => {
  const testDb = useTestDatabase();

  async function setUp() {
    const db = testDb().db;
    const bergen = await createChapter(db, { name: "Bergen" });
    const oslo = await createChapter(db, { name: "Oslo" });
    const gutta = await createGroup(db, { chapter_id: bergen.id, audience: "men" });
    const osloGroup = await createGroup(db, { chapter_id: oslo.id });
    const coordinator = await createStaff(db, { chapterIds: [bergen.id] });
    const admin = await createStaff(db, { role: "admin" });
    return {
      db,
      bergen,
      oslo,
      gutta,
      osloGroup,
      coordinator,
      cookie: await staffCookie(db, coordinator.id),
      adminCookie: await staffCookie(db, admin.id),
    };
  }

  describe("invites", () => {
    const invites = (cookie: string, chapterId: string, fields: Array<[string, string]>) =>
      call(invitesAction, `/staff/chapters/${chapterId}/invites`, { fields, cookie, params: { chapterId } });

    it("makes 1 to 50 codes, shown once as printable slips with a QR code, stored only as hashes", async () => {
      const { db, bergen, gutta, osloGroup, cookie } = await setUp();
      const res = await invites(cookie, bergen.id, [
        ["count", "3"],
        ["expiresInDays", "14"],
        ["groupIds", gutta.id],
        ["groupIds", osloGroup.id],
      ]);
      expect(res.status).toBe(200);
      const slips = res.data.slips;
      expect(slips.joinAddress).toBe("http://localhost/join");
      expect(slips.codes).toHaveLength(3);
      for (const slip of slips.codes) {
        expect(slip.code).toMatch(/^([0-9A-Z]{4} ){6}[0-9A-Z]{4}$/);
        expect(slip.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
      }
      const stored = await db.selectFrom("invites").select(["code_hash", "chapter_id"]).execute();
      expect(stored).toHaveLength(3);
      expect(JSON.stringify(stored)).not.toContain(slips.codes[0].code.replace(/ /g, "-"));
      // The other chapter's group is ignored.
      const groups = await db.selectFrom("invite_groups").select("group_id").distinct().execute();
      expect(groups.map((g) => g.group_id)).toEqual([gutta.id]);
      // The slips come from this answer only: the list page never shows a code.
      const page = await call(invitesLoader, `/staff/chapters/${bergen.id}/invites`, {
        cookie,
        params: { chapterId: bergen.id },
      });
      expect(JSON.stringify(page.data)).not.toContain(slips.codes[0].code);
      expect(page.data.counts).toEqual({ unused: 3, used: 0, revoked: 0, expired: 0 });
      // Each slip's code, as printed, lets one person join.
      for (const [i, slip] of slips.codes.entries()) {
        const joined = await joinWithInvite(db, {
          code: slip.code,
          pseudonym: `Ny ${"abc"[i]}`,
          passphrase: JOIN_PASSPHRASE,
          ownDevice: false,
        });
        expect(joined.ok).toBe(true);
      }
    });

    it("refuses 0, 51 and other counts outside 1–50", async () => {
      const { bergen, cookie } = await setUp();
      for (const count of ["0", "51", "-1", "abc", ""]) {
        const res = await invites(cookie, bergen.id, [
          ["count", count],
          ["expiresInDays", "14"],
        ]);
        expect(res.status).toBe(400);
        expect(res.data.errors).toEqual({ count: "staff.inviteCount" });
      }
      expect(
        (
          await invites(cookie, bergen.id, [
            ["count", "50"],
            ["expiresInDays", "14"],
          ])
        ).data.slips.codes,
      ).toHaveLength(50);
    });

    it("revokes an unused invite so it no longer works, and counts it", async () => {
      const { db, bergen, cookie } = await setUp();
      const made = await invites(cookie, bergen.id, [
        ["count", "2"],
        ["expiresInDays", "14"],
      ]);
      const [first] = await db.selectFrom("invites").select("id").execute();
      const res = await invites(cookie, bergen.id, [
        ["intent", "revoke"],
        ["inviteId", first!.id],
      ]);
      expect(res.status).toBe(303);
      const page = await call(invitesLoader, `/staff/chapters/${bergen.id}/invites`, {
        cookie,
        params: { chapterId: bergen.id },
      });
      expect(page.data.counts).toEqual({ unused: 1, used: 0, revoked: 1, expired: 0 });
      const joined = await Promise.all(
        made.data.slips.codes.map(
          async (s: { code: string }, i: number) =>
            (
              await joinWithInvite(db, {
                code: s.code,
                pseudonym: `Ny ${"ab"[i]}`,
                passphrase: JOIN_PASSPHRASE,
                ownDevice: false,
              })
            ).ok,
        ),
      );
      expect(joined.sort()).toEqual([false, true]);
    });

    it("does not let a coordinator revoke another chapter's invite through their own chapter", async () => {
      const { db, bergen, oslo, cookie, adminCookie } = await setUp();
      await invites(adminCookie, oslo.id, [
        ["count", "1"],
        ["expiresInDays", "14"],
      ]);
      const [osloInvite] = await db.selectFrom("invites").select("id").execute();
      await invites(cookie, bergen.id, [
        ["intent", "revoke"],
        ["inviteId", osloInvite!.id],
      ]);
      const row = await db
        .selectFrom("invites")
        .select("revoked_at")
        .where("id", "=", osloInvite!.id)
        .executeTakeFirstOrThrow();
      expect(row.revoked_at).toBeNull();
    });
  });

  describe("members", () => {
    it("lists pseudonyms, groups and last active day for the chapter only", async () => {
      const { db, bergen, oslo, gutta, cookie } = await setUp();
      await createMember(db, {
        chapter_id: bergen.id,
        pseudonym: "Fjellrev",
        groupIds: [gutta.id],
        last_active_on: "2027-01-10",
      });
      await createMember(db, { chapter_id: oslo.id, pseudonym: "Solsikke" });
      const page = await call(membersLoader, `/staff/chapters/${bergen.id}/members`, {
        cookie,
        params: { chapterId: bergen.id },
      });
      expect(page.data.members).toEqual([
        {
          id: expect.any(String),
          pseudonym: "Fjellrev",
          groups: gutta.name,
          lastActive: "10. januar 2027",
          deactivated: false,
        },
      ]);
    });

    it("deactivates a member: every session ends and every feed stops at once", async () => {
      const { db, bergen, cookie } = await setUp();
      const member = await createMember(db, { chapter_id: bergen.id });
      const session = (await memberCookie(db, member.id)).split("=")[1]!;
      const feed = await createFeedToken(db, { memberId: member.id });
      const res = await call(membersAction, `/staff/chapters/${bergen.id}/members`, {
        fields: [
          ["intent", "deactivate"],
          ["memberId", member.id],
        ],
        cookie,
        params: { chapterId: bergen.id },
      });
      expect(res.data.done).toBe("deactivated");
      expect(await db.selectFrom("sessions").select("id").where("member_id", "=", member.id).execute()).toEqual([]);
      expect(await findActiveSession(db, session)).toBeUndefined();
      expect(await findFeedByToken(db, feed.token)).toBeUndefined();
      const audit = await db.selectFrom("audit_log").select(["action", "object_id"]).execute();
      expect(audit).toEqual([{ action: "member.deactivate", object_id: member.id }]);
    });

    it("cannot deactivate a member of another chapter", async () => {
      const { db, bergen, oslo, cookie } = await setUp();
      const other = await createMember(db, { chapter_id: oslo.id });
      await call(membersAction, `/staff/chapters/${bergen.id}/members`, {
        fields: [
          ["intent", "deactivate"],
          ["memberId", other.id],
        ],
        cookie,
        params: { chapterId: bergen.id },
      });
      const row = await db
        .selectFrom("members")
        .select("deactivated_at")
        .where("id", "=", other.id)
        .executeTakeFirstOrThrow();
      expect(row.deactivated_at).toBeNull();
    });

    it("issues a one-time reset code, shown once and stored hashed for about a week", async () => {
      const { db, bergen, cookie } = await setUp();
      const member = await createMember(db, { chapter_id: bergen.id });
      const res = await call(membersAction, `/staff/chapters/${bergen.id}/members`, {
        fields: [
          ["intent", "resetCode"],
          ["memberId", member.id],
        ],
        cookie,
        params: { chapterId: bergen.id },
      });
      expect(res.data.resetCode.code).toMatch(/^([0-9A-Z]{4} ){4}[0-9A-Z]{4}$/);
      const [stored] = await db.selectFrom("reset_codes").selectAll().execute();
      expect(stored!.code_hash).not.toContain(res.data.resetCode.code.slice(0, 4));
      const days = (Date.parse(stored!.expires_at) - Date.parse(stored!.created_at)) / 86_400_000;
      expect(days).toBe(7);
    });
  });

  describe("groups", () => {
    it("lets a coordinator make a men's group in their chapter, and not a national one", async () => {
      const { db, bergen, cookie } = await setUp();
      const fields: Array<[string, string]> = [
        ["name", "Gutta på tur"],
        ["audience", "men"],
        ["joinPolicy", "approval"],
      ];
      const ok = await call(newGroupAction, "/staff/groups/new", {
        fields: [["chapter", bergen.id], ...fields],
        cookie,
      });
      expect(ok.status).toBe(303);
      const national = await call(newGroupAction, "/staff/groups/new", {
        fields: [["chapter", "national"], ...fields],
        cookie,
      });
      expect(national.status).toBe(404);
      const rows = await db
        .selectFrom("groups")
        .select(["name", "chapter_id", "audience"])
        .where("name", "=", "Gutta på tur")
        .execute();
      expect(rows).toEqual([{ name: "Gutta på tur", chapter_id: bergen.id, audience: "men" }]);
    });

    it("handles the join-request queue: approve makes a member, decline removes the request", async () => {
      const { db, bergen, gutta, cookie } = await setUp();
      const a = await createMember(db, { chapter_id: bergen.id, groupIds: [gutta.id], membershipStatus: "requested" });
      const b = await createMember(db, { chapter_id: bergen.id, groupIds: [gutta.id], membershipStatus: "requested" });
      const queue = await call(groupLoader, `/staff/groups/${gutta.id}`, { cookie, params: { groupId: gutta.id } });
      expect(queue.data.requests.map((r: { memberId: string }) => r.memberId).sort()).toEqual([a.id, b.id].sort());
      const decide = (intent: string, memberId: string) =>
        call(groupAction, `/staff/groups/${gutta.id}`, {
          fields: [
            ["intent", intent],
            ["memberId", memberId],
          ],
          cookie,
          params: { groupId: gutta.id },
        });
      await decide("approve", a.id);
      await decide("decline", b.id);
      const rows = await db
        .selectFrom("group_memberships")
        .select(["member_id", "status"])
        .where("group_id", "=", gutta.id)
        .execute();
      expect(rows).toEqual([{ member_id: a.id, status: "active" }]);
    });
  });

  describe("chapters and accounts (admins)", () => {
    it("creates a chapter and assigns a coordinator, which widens that coordinator's scope", async () => {
      const { db, coordinator, adminCookie } = await setUp();
      const created = await call(chaptersAction, "/staff/chapters", {
        fields: [
          ["name", "Kristiansand"],
          ["slug", "Kristiansand "],
          ["region", "Sørlandet"],
        ],
        cookie: adminCookie,
      });
      expect(created.status).toBe(303);
      const chapter = await db
        .selectFrom("chapters")
        .selectAll()
        .where("slug", "=", "kristiansand")
        .executeTakeFirstOrThrow();
      await call(chapterAction, `/staff/chapters/${chapter.id}`, {
        fields: [
          ["intent", "coordinators"],
          ["coordinatorIds", coordinator.id],
        ],
        cookie: adminCookie,
        params: { chapterId: chapter.id },
      });
      const scope = await db
        .selectFrom("staff_chapters")
        .select("chapter_id")
        .where("staff_id", "=", coordinator.id)
        .execute();
      expect(scope.map((s) => s.chapter_id)).toContain(chapter.id);
    });

    it("refuses a slug that is taken", async () => {
      const { bergen, adminCookie } = await setUp();
      const res = await call(chaptersAction, "/staff/chapters", {
        fields: [
          ["name", "Bergen 2"],
          ["slug", bergen.slug],
          ["region", "Vestlandet"],
        ],
        cookie: adminCookie,
      });
      expect(res.status).toBe(400);
      expect(res.data.errors).toEqual({ slug: "staff.slugTaken" });
    });

    it("creates a staff account with a first password shown once, and never takes a role from elsewhere", async () => {
      const { db, bergen, adminCookie } = await setUp();
      const res = await call(accountsAction, "/staff/accounts", {
        fields: [
          ["email", "Ny@Example.org"],
          ["displayName", "Ny\r\nkoordinator"],
          ["role", "coordinator"],
          ["chapterIds", bergen.id],
          ["id", "chosen-id"],
        ],
        cookie: adminCookie,
      });
      expect(res.data.created.initialPassword).toMatch(/^[0-9A-Z-]{29}$/);
      const row = await db
        .selectFrom("staff_users")
        .selectAll()
        .where("email", "=", "ny@example.org")
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ role: "coordinator", display_name: "Ny koordinator", totp_secret: null });
      expect(row.id).not.toBe("chosen-id");
      expect(row.password_hash).not.toContain(res.data.created.initialPassword);
      const again = await call(accountsAction, "/staff/accounts", {
        fields: [
          ["email", "ny@example.org"],
          ["displayName", "X"],
          ["role", "admin"],
        ],
        cookie: adminCookie,
      });
      expect(again.data.errors).toEqual({ email: "staff.emailTaken" });
    });

    it("shows the audit log to admins, with ids and codes but no secrets", async () => {
      const { bergen, adminCookie } = await setUp();
      const made = await call(invitesAction, `/staff/chapters/${bergen.id}/invites`, {
        fields: [
          ["count", "1"],
          ["expiresInDays", "3"],
        ],
        cookie: adminCookie,
        params: { chapterId: bergen.id },
      });
      const page = await call(auditLoader, "/staff/audit", { cookie: adminCookie });
      expect(page.data.entries.map((e: { action: string }) => e.action)).toEqual(["invite.create"]);
      expect(JSON.stringify(page.data)).not.toContain(made.data.slips.codes[0].code.slice(0, 9));
    });
  });
});
