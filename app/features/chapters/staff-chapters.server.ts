// Chapters as staff manage them: admins create and edit them and choose their coordinators;
// coordinators see only their own.
import type { AppDatabase } from "../../../db/connection";
import { newId } from "~/platform/ids.server";
import { chapterFilter, type StaffScope } from "~/features/staff/staff.server";

export function listChaptersForStaff(db: AppDatabase, scope: StaffScope) {
  const only = chapterFilter(scope);
  return db
    .selectFrom("chapters")
    .select(["id", "slug", "name", "region"])
    .$if(only !== null, (q) => q.where("id", "in", only!))
    .orderBy("name")
    .execute();
}

export function findChapterForStaff(db: AppDatabase, scope: StaffScope, chapterId: string) {
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
  return error instanceof Error && /UNIQUE constraint failed: chapters\.slug/.test(error.message);
}

export async function createChapter(
  db: AppDatabase,
  input: { name: string; slug: string; region: string },
  now = new Date(),
): Promise<ChapterWriteResult> {
  const id = newId();
  try {
    await db
      .insertInto("chapters")
      .values({ id, ...input, created_at: now.toISOString(), updated_at: now.toISOString() })
      .execute();
  } catch (error) {
    if (isSlugTaken(error)) return { ok: false, error: "slugTaken" };
    throw error;
  }
  return { ok: true, chapterId: id };
}

export async function updateChapter(
  db: AppDatabase,
  chapterId: string,
  input: { name: string; slug: string; region: string },
  now = new Date(),
): Promise<ChapterWriteResult> {
  try {
    await db
      .updateTable("chapters")
      .set({ ...input, updated_at: now.toISOString() })
      .where("id", "=", chapterId)
      .execute();
  } catch (error) {
    if (isSlugTaken(error)) return { ok: false, error: "slugTaken" };
    throw error;
  }
  return { ok: true, chapterId };
}

export async function listChapterCoordinatorIds(db: AppDatabase, chapterId: string) {
  const rows = await db.selectFrom("staff_chapters").select("staff_id").where("chapter_id", "=", chapterId).execute();
  return rows.map((r) => r.staff_id);
}

/** Makes exactly these coordinators the chapter's; ids that are not coordinators are ignored. */
export async function setChapterCoordinators(db: AppDatabase, chapterId: string, staffIds: string[]) {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("staff_chapters").where("chapter_id", "=", chapterId).execute();
    if (staffIds.length === 0) return;
    const coordinators = await trx
      .selectFrom("staff_users")
      .select("id")
      .where("id", "in", staffIds)
      .where("role", "=", "coordinator")
      .execute();
    if (coordinators.length === 0) return;
    await trx
      .insertInto("staff_chapters")
      .values(coordinators.map((c) => ({ staff_id: c.id, chapter_id: chapterId })))
      .execute();
  });
}
