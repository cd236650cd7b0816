// Database-backed sessions. The cookie holds a 256-bit random id; the database holds only its
// hash, so a leaked database cannot be replayed. Ending a session deletes its row, so a cookie
// replayed after sign-out finds nothing.
import type { AppDatabase } from "../../../db/connection";
import { writeTransaction } from "../../../db/transaction";
import type { Session } from "../../../db/schema";
import { env } from "~/platform/env.server";
import { newId } from "~/platform/ids.server";
import { readCookie } from "~/platform/cookies.server";
import { hashSecret, randomToken } from "~/platform/secrets.server";

const MINUTE = 60;
const DAY = 24 * 60 * MINUTE;

/** Session lengths (seconds). Decisions: see README "Sessions". */
export const SESSION_POLICY = {
  /** "This is my own device": signed in for 30 days. */
  memberOwnDevice: { idle: 30 * DAY, absolute: 30 * DAY, persistent: true },
  /** Shared or borrowed device (the default): ends with the browser and after 30 minutes idle. */
  memberSharedDevice: { idle: 30 * MINUTE, absolute: 12 * 60 * MINUTE, persistent: false },
  /** Staff see the most, so their sessions are short whatever the device. */
  staff: { idle: 30 * MINUTE, absolute: 8 * 60 * MINUTE, persistent: false },
} as const;

type Policy = (typeof SESSION_POLICY)[keyof typeof SESSION_POLICY];

/** last_seen_at is written at most this often, so every request does not cost a write. */
const TOUCH_EVERY_SECONDS = 60;

export function sessionCookieName(): string {
  // __Host- binds the cookie to this exact origin over HTTPS (no Domain, Path=/, Secure).
  return env().SECURE_COOKIES ? "__Host-session" : "session";
}

export function sessionCookie(token: string, policy: Policy): string {
  const parts = [`${sessionCookieName()}=${token}`, "Path=/", "HttpOnly", "SameSite=Lax"];
  if (env().SECURE_COOKIES) parts.push("Secure");
  if (policy.persistent) parts.push(`Max-Age=${policy.absolute}`);
  return parts.join("; ");
}

export function clearSessionCookie(): string {
  const parts = [`${sessionCookieName()}=`, "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=0"];
  if (env().SECURE_COOKIES) parts.push("Secure");
  return parts.join("; ");
}

/**
 * The answer's headers when this browser signs out (sign-out, "sign out everywhere", quick exit):
 * the session cookie cleared, and browsers that know Clear-Site-Data drop our cookies, storage
 * and cache too, so a shared phone keeps nothing of the visit.
 *
 * The quick exit keeps "storage" (decision 031): it would unregister the service worker and with
 * it the member's push subscription, which a panic exit must not silently end. The site keeps
 * nothing else in storage, and the worker keeps no pages.
 */
export function signedOutHeaders({ keepServiceWorker = false }: { keepServiceWorker?: boolean } = {}): Headers {
  const clear = keepServiceWorker ? '"cache", "cookies"' : '"cache", "cookies", "storage"';
  const headers = new Headers({ "Clear-Site-Data": clear, "Cache-Control": "no-store" });
  headers.append("Set-Cookie", clearSessionCookie());
  return headers;
}

export function sessionTokenFrom(request: Request): string | undefined {
  const token = readCookie(request.headers.get("Cookie"), sessionCookieName());
  // Our tokens are 43 base64url characters; anything else is not worth a query.
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : undefined;
}

export type SessionOwner = { memberId: string } | { staffId: string };

export async function createSession(
  db: AppDatabase,
  owner: SessionOwner,
  policy: Policy,
  now: Date = new Date(),
): Promise<{ token: string; cookie: string; sessionId: string }> {
  const token = randomToken();
  const id = newId();
  await db
    .insertInto("sessions")
    .values({
      id,
      id_hash: hashSecret(token),
      member_id: "memberId" in owner ? owner.memberId : null,
      staff_id: "staffId" in owner ? owner.staffId : null,
      persistent: policy.persistent ? 1 : 0,
      second_factor_at: null,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      idle_timeout_seconds: policy.idle,
      expires_at: new Date(now.getTime() + policy.absolute * 1000).toISOString(),
    })
    .execute();
  return { token, cookie: sessionCookie(token, policy), sessionId: id };
}

/** The one mapper from a session row to the live session the app works with. */
function toActiveSession(row: Pick<Session, "id" | "member_id" | "staff_id" | "second_factor_at" | "persistent">) {
  return {
    id: row.id,
    memberId: row.member_id,
    staffId: row.staff_id,
    secondFactorAt: row.second_factor_at,
    persistent: row.persistent === 1,
  };
}

export type ActiveSession = ReturnType<typeof toActiveSession>;

/**
 * The live session behind a token, or undefined. Expired, idle-timed-out and deactivated
 * owners' sessions are deleted on sight.
 */
export async function findActiveSession(
  db: AppDatabase,
  token: string,
  now: Date = new Date(),
): Promise<ActiveSession | undefined> {
  const row = await db
    .selectFrom("sessions")
    .leftJoin("members", "members.id", "sessions.member_id")
    .leftJoin("staff_users", "staff_users.id", "sessions.staff_id")
    .select([
      "sessions.id",
      "sessions.member_id",
      "sessions.staff_id",
      "sessions.second_factor_at",
      "sessions.persistent",
      "sessions.last_seen_at",
      "sessions.idle_timeout_seconds",
      "sessions.expires_at",
      "members.deactivated_at as member_deactivated_at",
      "staff_users.deactivated_at as staff_deactivated_at",
    ])
    .where("sessions.id_hash", "=", hashSecret(token))
    .executeTakeFirst();
  if (!row) return undefined;

  const lastSeen = Date.parse(row.last_seen_at);
  const expired =
    Date.parse(row.expires_at) <= now.getTime() ||
    lastSeen + row.idle_timeout_seconds * 1000 <= now.getTime() ||
    row.member_deactivated_at !== null ||
    row.staff_deactivated_at !== null;
  if (expired) {
    await db.deleteFrom("sessions").where("id", "=", row.id).execute();
    return undefined;
  }
  if (now.getTime() - lastSeen >= TOUCH_EVERY_SECONDS * 1000) {
    await db.updateTable("sessions").set({ last_seen_at: now.toISOString() }).where("id", "=", row.id).execute();
  }
  return toActiveSession(row);
}

export async function endSession(db: AppDatabase, sessionId: string) {
  await db.deleteFrom("sessions").where("id", "=", sessionId).execute();
}

export async function endSessionByToken(db: AppDatabase, token: string) {
  await db.deleteFrom("sessions").where("id_hash", "=", hashSecret(token)).execute();
}

export async function endAllSessionsOf(db: AppDatabase, owner: SessionOwner, exceptSessionId?: string) {
  await writeTransaction(db, async (trx) => {
    let query =
      "memberId" in owner
        ? trx.deleteFrom("sessions").where("member_id", "=", owner.memberId)
        : trx.deleteFrom("sessions").where("staff_id", "=", owner.staffId);
    if (exceptSessionId) query = query.where("id", "!=", exceptSessionId);
    await query.execute();
    // A push subscription belongs to a browser, not to a session: a lost or taken phone would go on
    // getting her notifications after "sign out everywhere". Every device of hers is forgotten (this
    // one too: she turns push on again on the devices she still holds).
    if ("memberId" in owner)
      await trx.deleteFrom("push_subscriptions").where("member_id", "=", owner.memberId).execute();
  });
}

/** Ends one session, but only if it belongs to `owner`: the scope is in the query itself. */
export async function endSessionOf(db: AppDatabase, owner: SessionOwner, sessionId: string): Promise<boolean> {
  const query = db.deleteFrom("sessions").where("id", "=", sessionId);
  const result = await (
    "memberId" in owner ? query.where("member_id", "=", owner.memberId) : query.where("staff_id", "=", owner.staffId)
  ).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function listSessionsOf(db: AppDatabase, owner: SessionOwner) {
  const base = db
    .selectFrom("sessions")
    .select(["id", "created_at", "last_seen_at", "persistent", "expires_at"])
    .orderBy("last_seen_at", "desc");
  return "memberId" in owner
    ? base.where("member_id", "=", owner.memberId).execute()
    : base.where("staff_id", "=", owner.staffId).execute();
}

export async function markSecondFactor(db: AppDatabase, sessionId: string, now: Date = new Date()) {
  await db.updateTable("sessions").set({ second_factor_at: now.toISOString() }).where("id", "=", sessionId).execute();
}
