// Chapters as staff manage them: admins create and edit them and choose their coordinators;
// coordinators see only their own.
import { isUniqueViolation } from "../../../db/dialect";
import type { AppDatabase } from "../../../db/connection";
import type { Chapter } from "../../../db/schema";
import { writeTransaction } from "../../../db/transaction";
import { newId } from "~/platform/ids.server";
import { recordAudit } from "~/features/audit/audit.server";
import { listGroupsForStaff } from "~/features/groups/groups.server";
import { chapterFilter, listCoordinators, type StaffActor, type StaffScope } from "~/features/staff/staff.server";

export function listChaptersForStaff(db: AppDatabase, scope: StaffScope) {
  const only = chapterFilter(scope);
  return db
    .selectFrom("chapters")
    .select(["id", "slug", "name", "region"])
    .$if(only !== null, (q) => q.where("id", "in", only!))
    .orderBy("name")
    .execute();
}

export function findChapterForStaff(db: AppDatabase, scope: StaffScope, { chapterId }: { chapterId: string }) {
  const only = chapterFilter(scope);
  return db
    .selectFrom("chapters")
    .select(["id", "slug", "name", "region"])
    .where("id", "=", chapterId)
    .$if(only !== null, (q) => q.where("id", "in", only!))
    .executeTakeFirst();
}

export type ChapterWriteResult = { ok: true; chapterId: string } | { ok: false; error: "slugTaken" };

function isSlugTaken(error: unknown) {
  return isUniqueViolation(error, "chapters.slug");
}

export type ChapterFields = Pick<Chapter, "name" | "slug" | "region">;

/** An admin creates a chapter; the chapter and its audit row are one transaction. */
export async function createChapter(
  db: AppDatabase,
  admin: StaffActor,
  input: ChapterFields,
  now = new Date(),
): Promise<ChapterWriteResult> {
  const id = newId();
  try {
    await writeTransaction(db, async (trx) => {
      await trx
        .insertInto("chapters")
        .values({ id, ...input, created_at: now.toISOString(), updated_at: now.toISOString() })
        .execute();
      await recordAudit(
        trx,
        { actorStaffId: admin.id, action: "chapter.create", objectType: "chapter", objectId: id },
        now,
      );
    });
  } catch (error) {
    if (isSlugTaken(error)) return { ok: false, error: "slugTaken" };
    throw error;
  }
  return { ok: true, chapterId: id };
}

export async function updateChapter(
  db: AppDatabase,
  admin: StaffActor,
  { chapterId, ...input }: ChapterFields & { chapterId: string },
  now = new Date(),
): Promise<ChapterWriteResult> {
  try {
    await writeTransaction(db, async (trx) => {
      await trx
        .updateTable("chapters")
        .set({ ...input, updated_at: now.toISOString() })
        .where("id", "=", chapterId)
        .execute();
      await recordAudit(
        trx,
        { actorStaffId: admin.id, action: "chapter.update", objectType: "chapter", objectId: chapterId },
        now,
      );
    });
  } catch (error) {
    if (isSlugTaken(error)) return { ok: false, error: "slugTaken" };
    throw error;
  }
  return { ok: true, chapterId };
}

/**
 * A chapter's page, for staff who cover it (the caller has checked): its groups, and for admins
 * the coordinators who could be assigned and those who are.
 */
export async function loadChapterPage(db: AppDatabase, staff: StaffActor, { chapterId }: { chapterId: string }) {
  const isAdmin = staff.role === "admin";
  const [groups, coordinators, assigned] = await Promise.all([
    listGroupsForStaff(db, staff, { chapterId }),
    isAdmin ? listCoordinators(db) : Promise.resolve([]),
    isAdmin ? listChapterCoordinatorIds(db, chapterId) : Promise.resolve([]),
  ]);
  return { isAdmin, groups, coordinators, assigned };
}

async function listChapterCoordinatorIds(db: AppDatabase, chapterId: string) {
  const rows = await db.selectFrom("staff_chapters").select("staff_id").where("chapter_id", "=", chapterId).execute();
  return rows.map((r) => r.staff_id);
}

/** Makes exactly these coordinators the chapter's; ids that are not coordinators are ignored. */
export async function setChapterCoordinators(
  db: AppDatabase,
  admin: StaffActor,
  { chapterId, coordinatorIds }: { chapterId: string; coordinatorIds: string[] },
  now = new Date(),
) {
  await writeTransaction(db, async (trx) => {
    await trx.deleteFrom("staff_chapters").where("chapter_id", "=", chapterId).execute();
    const coordinators = coordinatorIds.length
      ? await trx
          .selectFrom("staff_users")
          .select("id")
          .where("id", "in", coordinatorIds)
          .where("role", "=", "coordinator")
          .execute()
      : [];
    if (coordinators.length > 0) {
      await trx
        .insertInto("staff_chapters")
        .values(coordinators.map((c) => ({ staff_id: c.id, chapter_id: chapterId })))
        .execute();
    }
    await recordAudit(
      trx,
      {
        actorStaffId: admin.id,
        action: "chapter.set_coordinators",
        objectType: "chapter",
        objectId: chapterId,
        details: { coordinatorIds },
      },
      now,
    );
  });
}
