// "Where am I signed in?" for members (/me/sessions) and staff (/staff/sessions): list one's own
// sessions and end one other or all others. Every query is scoped to the owner in SQL, so someone
// else's session id ends nothing.
import { readFormData } from "~/platform/read-form.server";
import { data } from "@remix-run/node";
import { z } from "zod";
import type { ListedSession } from "~/components/SessionList";
import { db } from "~/platform/db.server";
import { parseForm } from "~/platform/forms";
import { logSecurityEvent } from "~/platform/logger.server";
import { endAllSessionsOf, endSessionOf, listSessionsOf, type SessionOwner } from "./sessions.server";

export async function listOwnSessions(owner: SessionOwner, currentSessionId: string): Promise<ListedSession[]> {
  const sessions = await listSessionsOf(db(), owner);
  return sessions.map((s) => ({
    id: s.id,
    createdAt: s.created_at,
    lastSeenAt: s.last_seen_at,
    ownDevice: s.persistent === 1,
    thisDevice: s.id === currentSessionId,
  }));
}

const endSessionSchema = z.object({
  intent: z.enum(["end", "end-others"]),
  sessionId: z.string().max(100).optional(),
});

export async function endOwnSessions(request: Request, owner: SessionOwner, currentSessionId: string) {
  const parsed = parseForm(await readFormData(request), endSessionSchema);
  if (!parsed.ok) return data({ done: null }, { status: 400 });
  if (parsed.data.intent === "end-others") {
    await endAllSessionsOf(db(), owner, currentSessionId);
    logSecurityEvent("sessions_ended", { scope: "others" });
    return data({ done: "endedOthers" as const });
  }
  // Ending this device's own session is signing out: that is the sign-out button, not this.
  const sessionId = parsed.data.sessionId;
  if (!sessionId || sessionId === currentSessionId) return data({ done: null }, { status: 400 });
  // Someone else's (or an already ended) session: the same answer as one that never existed.
  if (!(await endSessionOf(db(), owner, sessionId))) throw new Response("Not found", { status: 404 });
  logSecurityEvent("sessions_ended", { scope: "one" });
  return data({ done: "ended" as const });
}
