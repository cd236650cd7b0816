// A staff change and its audit row are one transaction: when the audit row cannot be written,
// the change does not happen either, so there is never an unaudited change.
import type { AppDatabase } from "../../db/connection";
import { action as accountsAction } from "~/routes/staff.accounts";
import { action as chapterAction } from "~/routes/staff.chapters.$chapterId._index";
import { action as chaptersAction } from "~/routes/staff.chapters._index";
import { action as invitesAction } from "~/routes/staff.chapters.$chapterId.invites";
import { action as membersAction } from "~/routes/staff.chapters.$chapterId.members";
import { action as groupAction } from "~/routes/staff.groups.$groupId";
import { action as newGroupAction } from "~/routes/staff.groups.new";
import { useTestDatabase } from "../setup/db";
import { makeTableRefuse } from "../setup/refusing-table";
import { createChapter, createGroup, createMember, createStaff } from "../factories";
import { call, staffCookie } from "./support/staff";

type Fixture = Awaited<ReturnType<typeof setUp>>;

async function setUp(db: AppDatabase) {
  const chapter = await createChapter(db, { name: "Bergen", slug: "bergen" });
  const group = await createGroup(db, { chapter_id: chapter.id, name: "Gutta" });
  const coordinator = await createStaff(db, { chapterIds: [chapter.id] });
  const otherCoordinator = await createStaff(db);
  const admin = await createStaff(db, { role: "admin" });
  const member = await createMember(db, { chapter_id: chapter.id });
  const applicant = await createMember(db, {
    chapter_id: chapter.id,
    groupIds: [group.id],
    membershipStatus: "requested",
  });
  await db
    .insertInto("invites")
    .values({
      id: "invite-1",
      code_hash: "hash",
      chapter_id: chapter.id,
      created_by_staff_id: admin.id,
      expires_at: new Date(Date.now() + 86_400_000).toISOString(),
      revoked_at: null,
      used_at: null,
      created_at: new Date().toISOString(),
    })
    .execute();
  return {
    db,
    chapter,
    group,
    coordinator,
    otherCoordinator,
    admin,
    member,
    applicant,
    adminCookie: await staffCookie(db, admin.id),
  };
}

/** What each workflow would change; the snapshot must be the same after the failed attempt. */
const workflows: Array<{
  name: string;
  run: (f: Fixture) => Promise<unknown>;
  state: (f: Fixture) => Promise<unknown>;
}> = [
  {
    name: "creating a chapter",
    run: (f) =>
      call(chaptersAction, "/staff/chapters", {
        cookie: f.adminCookie,
        fields: [
          ["name", "Tromsø"],
          ["slug", "tromso"],
          ["region", "Nord"],
        ],
      }),
    state: (f) => f.db.selectFrom("chapters").select("slug").orderBy("slug").execute(),
  },
  {
    name: "changing a chapter",
    run: (f) =>
      call(chapterAction, `/staff/chapters/${f.chapter.id}`, {
        cookie: f.adminCookie,
        params: { chapterId: f.chapter.id },
        fields: [
          ["name", "Bjørgvin"],
          ["slug", "bjorgvin"],
          ["region", "Vest"],
        ],
      }),
    state: (f) => f.db.selectFrom("chapters").select(["name", "slug", "region"]).execute(),
  },
  {
    name: "choosing a chapter's coordinators",
    run: (f) =>
      call(chapterAction, `/staff/chapters/${f.chapter.id}`, {
        cookie: f.adminCookie,
        params: { chapterId: f.chapter.id },
        fields: [
          ["intent", "coordinators"],
          ["coordinatorIds", f.otherCoordinator.id],
        ],
      }),
    state: (f) => f.db.selectFrom("staff_chapters").selectAll().orderBy("staff_id").execute(),
  },
  {
    name: "making invites",
    run: (f) =>
      call(invitesAction, `/staff/chapters/${f.chapter.id}/invites`, {
        cookie: f.adminCookie,
        params: { chapterId: f.chapter.id },
        fields: [
          ["count", "2"],
          ["expiresInDays", "7"],
          ["groupIds", f.group.id],
        ],
      }),
    state: async (f) => [
      await f.db.selectFrom("invites").select("id").execute(),
      await f.db.selectFrom("invite_groups").selectAll().execute(),
    ],
  },
  {
    name: "revoking an invite",
    run: (f) =>
      call(invitesAction, `/staff/chapters/${f.chapter.id}/invites`, {
        cookie: f.adminCookie,
        params: { chapterId: f.chapter.id },
        fields: [
          ["intent", "revoke"],
          ["inviteId", "invite-1"],
        ],
      }),
    state: (f) => f.db.selectFrom("invites").select(["id", "revoked_at"]).execute(),
  },
  {
    name: "deactivating a member",
    run: (f) =>
      call(membersAction, `/staff/chapters/${f.chapter.id}/members`, {
        cookie: f.adminCookie,
        params: { chapterId: f.chapter.id },
        fields: [
          ["intent", "deactivate"],
          ["memberId", f.member.id],
        ],
      }),
    state: (f) => f.db.selectFrom("members").select(["id", "deactivated_at"]).orderBy("id").execute(),
  },
  {
    name: "issuing a reset code",
    run: (f) =>
      call(membersAction, `/staff/chapters/${f.chapter.id}/members`, {
        cookie: f.adminCookie,
        params: { chapterId: f.chapter.id },
        fields: [
          ["intent", "resetCode"],
          ["memberId", f.member.id],
        ],
      }),
    state: (f) => f.db.selectFrom("reset_codes").select("id").execute(),
  },
  {
    name: "creating a group",
    run: (f) =>
      call(newGroupAction, "/staff/groups/new", {
        cookie: f.adminCookie,
        fields: [
          ["chapter", f.chapter.id],
          ["name", "Jentene"],
          ["audience", "women"],
          ["joinPolicy", "open"],
        ],
      }),
    state: (f) => f.db.selectFrom("groups").select("name").orderBy("name").execute(),
  },
  {
    name: "changing a group",
    run: (f) =>
      call(groupAction, `/staff/groups/${f.group.id}`, {
        cookie: f.adminCookie,
        params: { groupId: f.group.id },
        fields: [
          ["name", "Karane"],
          ["audience", "men"],
          ["joinPolicy", "open"],
        ],
      }),
    state: (f) => f.db.selectFrom("groups").select(["name", "audience", "join_policy"]).execute(),
  },
  ...(["approve", "decline"] as const).map((decision) => ({
    name: `${decision === "approve" ? "approving" : "declining"} a join request`,
    run: (f: Fixture) =>
      call(groupAction, `/staff/groups/${f.group.id}`, {
        cookie: f.adminCookie,
        params: { groupId: f.group.id },
        fields: [
          ["intent", decision],
          ["memberId", f.applicant.id],
        ],
      }),
    state: (f: Fixture) => f.db.selectFrom("group_memberships").selectAll().execute(),
  })),
  {
    name: "creating a staff account",
    run: (f) =>
      call(accountsAction, "/staff/accounts", {
        cookie: f.adminCookie,
        fields: [
          ["email", "ny@example.org"],
          ["displayName", "Ny"],
          ["role", "coordinator"],
          ["chapterIds", f.chapter.id],
        ],
      }),
    state: async (f) => [
      await f.db.selectFrom("staff_users").select("email").orderBy("email").execute(),
      await f.db.selectFrom("staff_chapters").selectAll().orderBy("staff_id").execute(),
    ],
  },
  {
    name: "deactivating a staff account",
    run: (f) =>
      call(accountsAction, "/staff/accounts", {
        cookie: f.adminCookie,
        fields: [
          ["intent", "deactivate"],
          ["staffId", f.coordinator.id],
        ],
      }),
    state: async (f) => [
      await f.db.selectFrom("staff_users").select(["id", "deactivated_at"]).orderBy("id").execute(),
      await f.db.selectFrom("sessions").select("id").orderBy("id").execute(),
    ],
  },
];

describe("audited staff changes", () => {
  const testDb = useTestDatabase();

  it.each(workflows)("$name writes its audit row in the transaction of the change", async ({ run, state }) => {
    const fixture = await setUp(testDb().db);
    const before = await state(fixture);
    await makeTableRefuse(fixture.db, { table: "audit_log", on: "insert", message: "audit log unavailable" });

    await expect(run(fixture)).rejects.toThrow("audit log unavailable");

    expect(await state(fixture)).toEqual(before);
  });

  it.each(workflows)("$name succeeds with its audit row when the log is writable", async ({ run, state }) => {
    const fixture = await setUp(testDb().db);
    const before = await state(fixture);

    const result = (await run(fixture)) as { status: number };

    expect([200, 303]).toContain(result.status);
    expect(await state(fixture)).not.toEqual(before);
    expect(await fixture.db.selectFrom("audit_log").select("action").execute()).toHaveLength(1);
  });
});
