// Who is asking. Every loader and action starts here, and every query is scoped by the answer.
import { redirect } from "@remix-run/node";
import type { AppDatabase } from "../../../db/connection";
import type { StaffRole } from "../../../db/schema";
import { db as appDb } from "~/platform/db.server";
import { findActiveSession, sessionTokenFrom } from "./sessions.server";

export interface MemberViewer {
  kind: "member";
  sessionId: string;
  member: { id: string; pseudonym: string; chapterId: string; locale: string | null };
}

export interface StaffViewer {
  kind: "staff";
  sessionId: string;
  staff: { id: string; email: string; displayName: string; role: StaffRole; chapterIds: string[] };
}

/** Password given, second factor not yet: may only finish signing in. */
export interface PendingStaffViewer {
  kind: "staff-pending";
  sessionId: string;
  staffId: string;
}

export type Viewer = { kind: "anonymous" } | MemberViewer | StaffViewer | PendingStaffViewer;

const ANONYMOUS: Viewer = { kind: "anonymous" };

/** Today in Oslo as YYYY-MM-DD: "last active" is a day, never a time. */
function osloDay(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo" }).format(now);
}

export async function loadViewer(db: AppDatabase, token: string | undefined, now = new Date()): Promise<Viewer> {
  if (!token) return ANONYMOUS;
  const session = await findActiveSession(db, token, now);
  if (!session) return ANONYMOUS;

  if (session.memberId) {
    const member = await db
      .selectFrom("members")
      .select(["id", "pseudonym", "chapter_id", "locale", "last_active_on"])
      .where("id", "=", session.memberId)
      .where("deactivated_at", "is", null)
      .executeTakeFirst();
    if (!member) return ANONYMOUS;
    const today = osloDay(now);
    if (member.last_active_on !== today) {
      await db.updateTable("members").set({ last_active_on: today }).where("id", "=", member.id).execute();
    }
    return {
      kind: "member",
      sessionId: session.id,
      member: { id: member.id, pseudonym: member.pseudonym, chapterId: member.chapter_id, locale: member.locale },
    };
  }

  if (session.staffId) {
    if (!session.secondFactorAt) return { kind: "staff-pending", sessionId: session.id, staffId: session.staffId };
    const staff = await db
      .selectFrom("staff_users")
      .select(["id", "email", "display_name", "role"])
      .where("id", "=", session.staffId)
      .where("deactivated_at", "is", null)
      .executeTakeFirst();
    if (!staff) return ANONYMOUS;
    const chapters = await db
      .selectFrom("staff_chapters")
      .select("chapter_id")
      .where("staff_id", "=", staff.id)
      .execute();
    return {
      kind: "staff",
      sessionId: session.id,
      staff: {
        id: staff.id,
        email: staff.email,
        displayName: staff.display_name,
        role: staff.role,
        chapterIds: chapters.map((c) => c.chapter_id),
      },
    };
  }
  return ANONYMOUS;
}

// Root and route loaders run for the same request; look the session up once.
const perRequest = new WeakMap<Request, Promise<Viewer>>();

export function getViewer(request: Request): Promise<Viewer> {
  let viewer = perRequest.get(request);
  if (!viewer) {
    viewer = loadViewer(appDb(), sessionTokenFrom(request));
    perRequest.set(request, viewer);
  }
  return viewer;
}

function signInRedirect(request: Request, path: string): Response {
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  return redirect(back === "/" ? path : `${path}?redirectTo=${encodeURIComponent(back)}`);
}

export async function requireMember(request: Request): Promise<MemberViewer> {
  const viewer = await getViewer(request);
  if (viewer.kind === "member") return viewer;
  throw signInRedirect(request, "/login");
}

export async function requireStaff(request: Request, role?: StaffRole): Promise<StaffViewer> {
  const viewer = await getViewer(request);
  if (viewer.kind !== "staff") throw signInRedirect(request, "/staff/login");
  // The error page says why, so a coordinator is not told "try again later" (reasons: GeneralErrorBoundary).
  if (role && viewer.staff.role !== role) throw Response.json({ reason: "adminOnly" }, { status: 403 });
  return viewer;
}

/** May this staff user act in this chapter? Admins are national. */
export function staffCoversChapter(viewer: StaffViewer, chapterId: string | null): boolean {
  if (viewer.staff.role === "admin") return true;
  return chapterId !== null && viewer.staff.chapterIds.includes(chapterId);
}
