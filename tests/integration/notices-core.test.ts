import { addNotice, countUnreadNotices, parseNoticeParams } from "~/features/notices/notices.server";
import { writeTransaction } from "../../db/transaction";
import { createActivity, createChapter, createMember } from "../factories";
import { createTestDatabase, type TestDatabase } from "../setup/db";

let database: TestDatabase;
afterEach(() => database.close());

describe("notices core", () => {
  test("a notice added inside a transaction is kept with its kind, activity and params", async () => {
    database = await createTestDatabase();
    const { db } = database;
    const chapter = await createChapter(db);
    const member = await createMember(db, { chapter_id: chapter.id });
    const activity = await createActivity(db, { chapter_id: chapter.id });
    const at = new Date("2026-12-02T10:00:00.000Z");
    await writeTransaction(db, (trx) =>
      addNotice(trx, { memberId: member.id, kind: "promoted", activityId: activity.id, params: { n: 1 } }, at),
    );
    const rows = await db.selectFrom("notices").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      member_id: member.id,
      kind: "promoted",
      activity_id: activity.id,
      created_at: at.toISOString(),
      read_at: null,
    });
    expect(parseNoticeParams(rows[0]!.params)).toEqual({ n: 1 });
    expect(await countUnreadNotices(db, { memberId: member.id })).toBe(1);
  });

  test("a notice is not kept when the workflow's transaction fails", async () => {
    database = await createTestDatabase();
    const { db } = database;
    const chapter = await createChapter(db);
    const member = await createMember(db, { chapter_id: chapter.id });
    await expect(
      writeTransaction(db, async (trx) => {
        await addNotice(trx, { memberId: member.id, kind: "reminder", activityId: null });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await countUnreadNotices(db, { memberId: member.id })).toBe(0);
  });

  test("a deleted activity leaves its notices without a link, and a deleted member takes hers along", async () => {
    database = await createTestDatabase();
    const { db } = database;
    const chapter = await createChapter(db);
    const member = await createMember(db, { chapter_id: chapter.id });
    const other = await createMember(db, { chapter_id: chapter.id });
    const activity = await createActivity(db, { chapter_id: chapter.id });
    await addNotice(db, { memberId: member.id, kind: "changed", activityId: activity.id });
    await addNotice(db, { memberId: other.id, kind: "changed", activityId: activity.id });
    await db.deleteFrom("activities").where("id", "=", activity.id).execute();
    await db.deleteFrom("members").where("id", "=", other.id).execute();
    const rows = await db.selectFrom("notices").select(["member_id", "activity_id"]).execute();
    expect(rows).toEqual([{ member_id: member.id, activity_id: null }]);
  });

  test("unreadable params read as empty", () => {
    expect(parseNoticeParams("not json")).toEqual({});
    expect(parseNoticeParams("[1,2]")).toEqual({});
  });
});
