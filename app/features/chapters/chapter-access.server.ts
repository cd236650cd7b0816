// The scope check shared by the staff chapter pages. A chapter outside the staff member's scope
// answers 404, exactly like one that does not exist.
import type { StaffRole } from "../../../db/schema";
import { requireStaff } from "~/features/sessions/viewer.server";
import { db } from "~/platform/db.server";
import { notFound } from "~/platform/responses";
import { findChapterForStaff } from "./staff-chapters.server";

/** Signed-in staff covering this chapter, and the chapter; otherwise 404 (or sign-in). */
export async function requireStaffChapter(request: Request, chapterId: string | undefined, role?: StaffRole) {
  const viewer = await requireStaff(request, role);
  const chapter = chapterId ? await findChapterForStaff(db(), viewer.staff, { chapterId }) : undefined;
  if (!chapter) notFound();
  return { viewer, chapter };
}
