// Scope checks shared by the staff routes. A chapter, group or activity outside the staff
// member's scope answers 404, exactly like one that does not exist.
import type { StaffRole } from "../../../db/schema";
import { findChapterForStaff } from "~/features/chapters/staff-chapters.server";
import { db } from "~/platform/db.server";
import { requireStaff, type StaffViewer } from "~/features/sessions/viewer.server";

export function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

/** Signed-in staff covering this chapter, and the chapter; otherwise 404 (or sign-in). */
export async function requireStaffChapter(request: Request, chapterId: string | undefined, role?: StaffRole) {
  const viewer = await requireStaff(request, role);
  const chapter = chapterId ? await findChapterForStaff(db(), viewer.staff, { chapterId }) : undefined;
  if (!chapter) notFound();
  return { viewer, chapter };
}

export type { StaffViewer };
