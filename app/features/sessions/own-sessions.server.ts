// "Where am I signed in?" for members (/me/sessions) and staff (/staff/sessions): the one home of
// both pages' loader and action. List one's own sessions and end one other or all others. Every
// query is scoped to the owner in SQL, so someone else's session id ends nothing.
import { data } from "@remix-run/node";
import { z } from "zod";
import type { AppDatabase } from "../../../db/connection";
import type { Session } from "../../../db/schema";
import { parseForm } from "~/platform/forms";
import { logSecurityEvent } from "~/platform/logger.server";
import type { EndedSessions, ListedSession } from "./listed-session";
import { endAllSessionsOf, endSessionOf, listSessionsOf, type SessionOwner } from "./sessions.server";
import type { MemberViewer, StaffViewer } from "./viewer.server";

type SignedIn = MemberViewer | StaffViewer;

function ownerOf(viewer: SignedIn): SessionOwner {
  return viewer.kind === "member" ? { memberId: viewer.member.id } : { staffId: viewer.staff.id };
}

function toListedSession(
  session: Pick<Session, "id" | "created_at" | "last_seen_at" | "persistent">,
  currentSessionId: string,
): ListedSession {
  return {
    id: session.id,
    createdAt: session.created_at,
    lastSeenAt: session.last_seen_at,
    ownDevice: session.persistent === 1,
    thisDevice: session.id === currentSessionId,
  };
}

export async function listOwnSessions(db: AppDatabase, viewer: SignedIn): Promise<ListedSession[]> {
  const sessions = await listSessionsOf(db, ownerOf(viewer));
  return sessions.map((s) => toListedSession(s, viewer.sessionId));
}

const endSessionSchema = z.object({
  intent: z.enum(["end", "end-others"]),
  sessionId: z.string().max(100).optional(),
});

/** Ends one other session or all others, as the posted form says; answers 400 or 404 otherwise. */
export async function endOwnSessions(db: AppDatabase, viewer: SignedIn, form: FormData) {
  const parsed = parseForm(form, endSessionSchema);
  const none = null as EndedSessions | null;
  if (!parsed.ok) return data({ done: none }, { status: 400 });
  const owner = ownerOf(viewer);
  if (parsed.data.intent === "end-others") {
    await endAllSessionsOf(db, owner, viewer.sessionId);
    logSecurityEvent("sessions_ended", { scope: "others" });
    return data({ done: "endedOthers" as EndedSessions | null });
  }
  // Ending this device's own session is signing out: that is the sign-out button, not this.
  const sessionId = parsed.data.sessionId;
  if (!sessionId || sessionId === viewer.sessionId) return data({ done: none }, { status: 400 });
  // Someone else's (or an already ended) session: the same answer as one that never existed.
  if (!(await endSessionOf(db, owner, sessionId))) throw new Response("Not found", { status: 404 });
  logSecurityEvent("sessions_ended", { scope: "one" });
  return data({ done: "ended" as EndedSessions | null });
}
