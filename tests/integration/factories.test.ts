import { createActivity, createChapter, createGroup, createMember, createRsvp, createStaff } from "../factories";
import { createTestDatabase, type TestDatabase } from "../setup/db";
import { verifyPassword } from "~/platform/password.server";

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(() => database.close());

describe("test factories", () => {
  test("build a chapter with a group, staff, a member, an activity and RSVPs in arrival order", async () => {
    const { db } = database;
    const chapter = await createChapter(db);
    const group = await createGroup(db, { chapter_id: chapter.id });
    const staff = await createStaff(db, { chapterIds: [chapter.id] });
    const first = await createMember(db, { chapter_id: chapter.id, groupIds: [group.id] });
    const second = await createMember(db, { chapter_id: chapter.id });
    const activity = await createActivity(db, { chapter_id: chapter.id, group_id: group.id, capacity: 1 });
    const going = await createRsvp(db, { activity_id: activity.id, member_id: first.id });
    const waiting = await createRsvp(db, { activity_id: activity.id, member_id: second.id, status: "waitlisted" });

    expect(waiting.arrival).toBeGreaterThan(going.arrival);
    expect(Date.parse(activity.ends_at)).toBeGreaterThan(Date.parse(activity.starts_at));
    expect(await db.selectFrom("staff_chapters").selectAll().execute()).toEqual([
      { staff_id: staff.id, chapter_id: chapter.id },
    ]);
    expect(await db.selectFrom("group_memberships").select(["member_id", "status"]).execute()).toEqual([
      { member_id: first.id, status: "active" },
    ]);
  });

  test("give members and staff credentials that verify", async () => {
    const { db } = database;
    const chapter = await createChapter(db);
    const member = await createMember(db, { chapter_id: chapter.id, pseudonym: "Sara" });
    const staff = await createStaff(db, { role: "admin" });

    expect(member.pseudonym_key).toBe("sara");
    expect((await verifyPassword(member.passphrase, member.passphrase_hash)).ok).toBe(true);
    expect((await verifyPassword(staff.password, staff.password_hash)).ok).toBe(true);
  });
});
