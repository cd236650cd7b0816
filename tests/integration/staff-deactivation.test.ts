import { findActiveSession, sessionTokenFrom } from "~/features/sessions/sessions.server";
import { createFeedToken, findFeedByToken } from "~/features/calendar/feed-tokens.server";
import { action as accountsAction } from "~/routes/staff.accounts";
import { useTestDatabase } from "../setup/db";
import { createChapter, createStaff } from "../factories";
import { call, staffCookie } from "./support/staff";

describe("deactivating a staff account", () => {
  const testDb = useTestDatabase();

  it("ends the account's sessions and calendar links at once, and is recorded in the audit log", async () => {
    const db = testDb().db;
    const bergen = await createChapter(db);
    const admin = await createStaff(db, { role: "admin" });
    const coordinator = await createStaff(db, { chapterIds: [bergen.id] });
    const adminCookie = await staffCookie(db, admin.id);
    const coordinatorCookie = await staffCookie(db, coordinator.id);
    const feed = await createFeedToken(db, { staffId: coordinator.id, chapterId: bergen.id });

    const res = await call(accountsAction, "/staff/accounts", {
      cookie: adminCookie,
      fields: [
        ["intent", "deactivate"],
        ["staffId", coordinator.id],
      ],
    });
    expect(res.status).toBe(200);
    const token = sessionTokenFrom(new Request("http://x", { headers: { Cookie: coordinatorCookie } }))!;
    expect(await findActiveSession(db, token)).toBeUndefined();
    expect(await findFeedByToken(db, feed.token)).toBeUndefined();
    const audit = await db.selectFrom("audit_log").selectAll().where("action", "=", "staff.deactivate").execute();
    expect(audit.map((a) => [a.actor_staff_id, a.object_id])).toEqual([[admin.id, coordinator.id]]);
  });

  it("refuses to deactivate one's own account, an unknown one, or to let a coordinator do it", async () => {
    const db = testDb().db;
    const bergen = await createChapter(db);
    const admin = await createStaff(db, { role: "admin" });
    const coordinator = await createStaff(db, { chapterIds: [bergen.id] });
    const adminCookie = await staffCookie(db, admin.id);
    for (const staffId of [admin.id, "unknown"]) {
      const res = await call(accountsAction, "/staff/accounts", {
        cookie: adminCookie,
        fields: [
          ["intent", "deactivate"],
          ["staffId", staffId],
        ],
      });
      expect(res.status).toBe(404);
    }
    const byCoordinator = await call(accountsAction, "/staff/accounts", {
      cookie: await staffCookie(db, coordinator.id),
      fields: [
        ["intent", "deactivate"],
        ["staffId", admin.id],
      ],
    });
    expect(byCoordinator.status).toBe(403);
    const stillActive = await db
      .selectFrom("staff_users")
      .select("deactivated_at")
      .where("deactivated_at", "is not", null)
      .execute();
    expect(stillActive).toHaveLength(0);
  });
});
