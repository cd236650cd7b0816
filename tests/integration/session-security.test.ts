// Sessions end for real: after quick exit, sign-out and deactivation the old cookie is refused,
// and a member can end their own other sessions, never someone else's.
import {
  createSession,
  findActiveSession,
  markSecondFactor,
  SESSION_POLICY,
} from "~/features/sessions/sessions.server";
import { loadViewer } from "~/features/sessions/viewer.server";
import { action as exitAction, loader as exitLoader } from "~/routes/exit";
import { action as logoutAction } from "~/routes/logout";
import { action as sessionsAction, loader as sessionsLoader } from "~/routes/me_.sessions";
import { action as staffSessionsAction, loader as staffSessionsLoader } from "~/routes/staff.sessions";
import { createChapter, createMember, createStaff } from "../factories";
import { useTestDatabase } from "../setup/db";

const database = useTestDatabase();

async function signedInMember(pseudonym = "Solsikke") {
  const { db } = database();
  const chapter = await createChapter(db);
  const member = await createMember(db, { chapter_id: chapter.id, pseudonym });
  const session = await createSession(db, { memberId: member.id }, SESSION_POLICY.memberSharedDevice);
  return { member, session, cookie: `session=${session.token}` };
}

const args = (url: string, init: RequestInit = {}) =>
  ({ request: new Request(url, init), params: {}, context: {} }) as never;

describe("quick exit (/exit)", () => {
  test.each([
    ["GET, the link that works without JavaScript", "GET"],
    ["POST, as a form would", "POST"],
  ])("by %s ends the session, clears the site's data and goes to the neutral site", async (_, method) => {
    const { session, cookie } = await signedInMember();
    const handler = method === "GET" ? exitLoader : exitAction;
    const response = (await handler(
      args("http://localhost/exit", { method, headers: { Cookie: cookie } }),
    )) as Response;

    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe("https://www.yr.no");
    expect(response.headers.get("Clear-Site-Data")).toBe('"cache", "cookies"');
    expect(response.headers.get("Set-Cookie")).toMatch(/(^|, )session=; Path=\/; HttpOnly; SameSite=Lax; Max-Age=0/);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    await expect(loadViewer(database().db, session.token)).resolves.toEqual({ kind: "anonymous" });
  });

  test("answers the button's background beacon with 204 instead of sending it to the neutral site", async () => {
    const { session, cookie } = await signedInMember();
    const beacon = { method: "POST", headers: { Cookie: cookie, "Sec-Fetch-Mode": "no-cors" } };
    const response = (await exitAction(args("http://localhost/exit", beacon))) as Response;
    expect(response.status).toBe(204);
    expect(response.headers.get("Location")).toBeNull();
    expect(response.headers.get("Clear-Site-Data")).toBe('"cache", "cookies"');
    await expect(loadViewer(database().db, session.token)).resolves.toEqual({ kind: "anonymous" });
  });

  test("goes to the neutral site also for someone who was not signed in", async () => {
    const response = (await exitLoader(args("http://localhost/exit"))) as Response;
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe("https://www.yr.no");
  });
});

describe("a session cookie replayed", () => {
  test("after signing out is refused", async () => {
    const { session, cookie } = await signedInMember();
    await logoutAction(args("http://localhost/logout", { method: "POST", headers: { Cookie: cookie } }));
    await expect(findActiveSession(database().db, session.token)).resolves.toBeUndefined();
    await expect(loadViewer(database().db, session.token)).resolves.toEqual({ kind: "anonymous" });
  });

  test("after the account is deactivated is refused, and the session is gone", async () => {
    const { member, session } = await signedInMember();
    await expect(loadViewer(database().db, session.token)).resolves.toMatchObject({ kind: "member" });
    await database()
      .db.updateTable("members")
      .set({ deactivated_at: new Date().toISOString() })
      .where("id", "=", member.id)
      .execute();
    await expect(loadViewer(database().db, session.token)).resolves.toEqual({ kind: "anonymous" });
    expect(await database().db.selectFrom("sessions").select("id").execute()).toEqual([]);
  });
});

describe("/me/sessions", () => {
  test("lists the member's own sessions only, and marks this device", async () => {
    const { member, session, cookie } = await signedInMember();
    await createSession(database().db, { memberId: member.id }, SESSION_POLICY.memberOwnDevice);
    await signedInMember("Fjellrev");
    const { sessions } = await sessionsLoader(args("http://localhost/me/sessions", { headers: { Cookie: cookie } }));
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s) => s.thisDevice).map((s) => s.id)).toEqual([session.sessionId]);
    expect(sessions.map((s) => s.ownDevice).sort()).toEqual([false, true]);
  });

  test("ends another session of the member's own", async () => {
    const { member, cookie } = await signedInMember();
    const phone = await createSession(database().db, { memberId: member.id }, SESSION_POLICY.memberOwnDevice);
    const body = new URLSearchParams({ intent: "end", sessionId: phone.sessionId });
    const result = await sessionsAction(
      args("http://localhost/me/sessions", { method: "POST", headers: { Cookie: cookie }, body }),
    );
    expect(result.data).toEqual({ done: "ended" });
    await expect(findActiveSession(database().db, phone.token)).resolves.toBeUndefined();
  });

  test("cannot end someone else's session: 404, as for one that never existed", async () => {
    const { cookie } = await signedInMember();
    const other = await signedInMember("Fjellrev");
    const body = new URLSearchParams({ intent: "end", sessionId: other.session.sessionId });
    const thrown = await Promise.resolve(
      sessionsAction(args("http://localhost/me/sessions", { method: "POST", headers: { Cookie: cookie }, body })),
    ).catch((e: unknown) => e);
    expect((thrown as Response).status).toBe(404);
    await expect(findActiveSession(database().db, other.session.token)).resolves.toBeDefined();
  });

  test("ends all the member's other sessions and keeps this one and everyone else's", async () => {
    const { member, session, cookie } = await signedInMember();
    const phone = await createSession(database().db, { memberId: member.id }, SESSION_POLICY.memberOwnDevice);
    const laptop = await createSession(database().db, { memberId: member.id }, SESSION_POLICY.memberSharedDevice);
    const other = await signedInMember("Fjellrev");
    const body = new URLSearchParams({ intent: "end-others" });
    await sessionsAction(args("http://localhost/me/sessions", { method: "POST", headers: { Cookie: cookie }, body }));
    await expect(findActiveSession(database().db, phone.token)).resolves.toBeUndefined();
    await expect(findActiveSession(database().db, laptop.token)).resolves.toBeUndefined();
    await expect(findActiveSession(database().db, session.token)).resolves.toBeDefined();
    await expect(findActiveSession(database().db, other.session.token)).resolves.toBeDefined();
  });
});

describe("/staff/sessions", () => {
  async function signedInStaff() {
    const { db } = database();
    const staff = await createStaff(db);
    const session = await createSession(db, { staffId: staff.id }, SESSION_POLICY.staff);
    await markSecondFactor(db, session.sessionId);
    return { staff, session, cookie: `session=${session.token}` };
  }

  test("lists and ends the staff member's own other sessions, never a member's", async () => {
    const { staff, session, cookie } = await signedInStaff();
    const other = await createSession(database().db, { staffId: staff.id }, SESSION_POLICY.staff);
    const member = await signedInMember();

    const { sessions } = await staffSessionsLoader(
      args("http://localhost/staff/sessions", { headers: { Cookie: cookie } }),
    );
    expect(sessions.map((s) => s.id).sort()).toEqual([session.sessionId, other.sessionId].sort());

    const foreign = new URLSearchParams({ intent: "end", sessionId: member.session.sessionId });
    const thrown = await Promise.resolve(
      staffSessionsAction(
        args("http://localhost/staff/sessions", { method: "POST", headers: { Cookie: cookie }, body: foreign }),
      ),
    ).catch((e: unknown) => e);
    expect((thrown as Response).status).toBe(404);

    const all = new URLSearchParams({ intent: "end-others" });
    await staffSessionsAction(
      args("http://localhost/staff/sessions", { method: "POST", headers: { Cookie: cookie }, body: all }),
    );
    await expect(findActiveSession(database().db, other.token)).resolves.toBeUndefined();
    await expect(findActiveSession(database().db, session.token)).resolves.toBeDefined();
    await expect(findActiveSession(database().db, member.session.token)).resolves.toBeDefined();
  });
});
