// Who is asking. Every loader and action starts here, and every query is scoped by the answer.
import { redirect } from "@remix-run/node";
import type { AppDatabase } from "../../../db/connection";
import type { Member, StaffRole, StaffUser } from "../../../db/schema";
import { db as appDb } from "~/platform/db.server";
import { findActiveSession, sessionTokenFrom } from "./sessions.server";

/** The one mapper from a member row to who she is while signed in. */
function toMemberIdentity(row: Pick<Member, "id" | "pseudonym" | "chapter_id" | "locale">) {
  return { id: row.id, pseudonym: row.pseudonym, chapterId: row.chapter_id, locale: row.locale };
}

/** The one mapper from a staff row (and the chapters they work in) to who they are while signed in. */
function toStaffIdentity(row: Pick<StaffUser, "id" | "email" | "display_name" | "role">, chapterIds: string[]) {
  return { id: row.id, email: row.email, displayName: row.display_name, role: row.role, chapterIds };
}

export interface MemberViewer {
  kind: "member";
  sessionId: string;
  member: ReturnType<typeof toMemberIdentity>;
}

export interface StaffViewer {
  kind: "staff";
  sessionId: string;
  staff: ReturnType<typeof toStaffIdentity>;
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
      member: toMemberIdentity(member),
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
      staff: toStaffIdentity(
        staff,
        chapters.map((c) => c.chapter_id),
      ),
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
