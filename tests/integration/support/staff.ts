// Helpers for staff route tests: call a loader or action as Remix would, and sign staff or
// members in directly (the sign-in flow itself has its own tests).
import type { AppDatabase } from "../../../db/connection";
import {
  createSession,
  markSecondFactor,
  sessionCookieName,
  SESSION_POLICY,
} from "~/features/sessions/sessions.server";

type RouteFn = (args: any) => Promise<unknown>;

export interface CallResult {
  status: number;
  headers: Headers;
  data: any;
}

/** Runs a loader (no fields) or an action (fields) and unwraps data(), Responses and throws. */
export async function call(
  fn: RouteFn,
  path: string,
  {
    fields,
    cookie,
    params = {},
  }: { fields?: Array<[string, string]>; cookie?: string; params?: Record<string, string> } = {},
): Promise<CallResult> {
  const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
  const request = fields
    ? new Request(`http://localhost${path}`, {
        method: "POST",
        body: new URLSearchParams(fields),
        headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
      })
    : new Request(`http://localhost${path}`, { headers });
  try {
    const result = (await fn({ request, params, context: {} })) as any;
    if (result instanceof Response) {
      // A resource route's JSON answer (e.g. /me/push) is read like a loader's data.
      const json = result.headers.get("Content-Type")?.startsWith("application/json");
      return { status: result.status, headers: result.headers, data: json ? await result.json() : undefined };
    }
    if (
      result &&
      typeof result === "object" &&
      "init" in result &&
      "data" in result &&
      result.type === "DataWithResponseInit"
    ) {
      return { status: result.init?.status ?? 200, headers: new Headers(result.init?.headers), data: result.data };
    }
    return { status: 200, headers: new Headers(), data: result };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, headers: thrown.headers, data: undefined };
    throw thrown;
  }
}

/** The Cookie header that goes with a Set-Cookie header. */
export function cookieFrom(setCookie: string | null): string {
  if (!setCookie) throw new Error("no Set-Cookie header");
  return setCookie.split(";")[0]!;
}

export async function staffCookie(db: AppDatabase, staffId: string): Promise<string> {
  const session = await createSession(db, { staffId }, SESSION_POLICY.staff);
  await markSecondFactor(db, session.sessionId);
  return `${sessionCookieName()}=${session.token}`;
}

/** Signed in with a password, the second factor still to come. */
export async function pendingStaffCookie(db: AppDatabase, staffId: string): Promise<string> {
  const session = await createSession(db, { staffId }, SESSION_POLICY.staff);
  return `${sessionCookieName()}=${session.token}`;
}

export async function memberCookie(db: AppDatabase, memberId: string): Promise<string> {
  const session = await createSession(db, { memberId }, SESSION_POLICY.memberSharedDevice);
  return `${sessionCookieName()}=${session.token}`;
}
