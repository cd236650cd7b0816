// Every route against every kind of visitor. A route file without a row here fails the test, so a
// new page cannot ship without someone deciding who may use it.
//
// Outcomes:  "ok" 2xx/3xx that is not a sign-in redirect, or 400/409 (the form was refused, not
//            the person) · "login"/"staffLogin" a redirect to /login or /staff/login · "403" · "404"
//            · "public" (no loader: a static page, the same for everyone) · "405" no such method.
import fs from "node:fs";
import path from "node:path";
import { sessionCookieName } from "~/auth/session.server";
import { createFeedToken } from "~/models/feeds.server";
import { createInvites } from "~/models/invites.server";
import { useTestDatabase, type TestDatabase } from "../setup/db";
import { createActivity, createChapter, createGroup, createMember, createRsvp, createStaff } from "../factories";
import { call, memberCookie, staffCookie } from "./support/staff";

const ROLES = [
  "signedOut",
  "member",
  "memberOfOtherChapter",
  "deactivatedMember",
  "coordinator",
  "coordinatorOfOtherChapter",
  "admin",
] as const;
type Role = (typeof ROLES)[number];
type Outcome = "ok" | "login" | "staffLogin" | "403" | "404" | "public" | "405";
type Row = Record<Role, Outcome>;

interface World {
  bergenId: string;
  groupId: string;
  activityId: string;
  memberId: string;
  inviteId: string;
  feedToken: string;
}

interface RouteSpec {
  path: (w: World) => string;
  params?: (w: World) => Record<string, string>;
  get: Row;
  /** routes with an action: a form post for each role, too */
  post?: { fields: (w: World) => Array<[string, string]>; expect: Row };
}

const all = (outcome: Outcome): Row => Object.fromEntries(ROLES.map((r) => [r, outcome])) as Row;
/** Any staff member whose scope covers the Bergen chapter; no one else. */
const bergenStaff: Row = {
  signedOut: "staffLogin",
  member: "staffLogin",
  memberOfOtherChapter: "staffLogin",
  deactivatedMember: "staffLogin",
  coordinator: "ok",
  coordinatorOfOtherChapter: "404",
  admin: "ok",
};
const anyStaff: Row = { ...bergenStaff, coordinatorOfOtherChapter: "ok" };
const adminOnly: Row = { ...bergenStaff, coordinator: "403", coordinatorOfOtherChapter: "403" };
/** Pages for members; staff are sent to the member sign-in. */
const membersOnly: Row = {
  signedOut: "login",
  member: "ok",
  memberOfOtherChapter: "ok",
  deactivatedMember: "login",
  coordinator: "login",
  coordinatorOfOtherChapter: "login",
  admin: "login",
};
/** Sign-in and joining: open to everyone not signed in as a member. */
const signInPage: Row = { ...all("ok"), member: "ok", memberOfOtherChapter: "ok" };

const MATRIX: Record<string, RouteSpec> = {
  "_index.tsx": { path: () => "/", get: all("ok") },
  "$.tsx": { path: () => "/no-such-page", get: all("404") },
  "healthz.ts": { path: () => "/healthz", get: all("ok") },
  "manifest[.]webmanifest.ts": { path: () => "/manifest.webmanifest", get: all("ok") },
  "language.tsx": { path: () => "/language", get: all("404"), post: { fields: () => [["lang", "en"]], expect: all("ok") } },
  "exit.tsx": { path: () => "/exit", get: all("ok"), post: { fields: () => [], expect: all("ok") } },
  "safety.tsx": { path: () => "/safety", get: all("public") },
  "reset.tsx": {
    path: () => "/reset",
    get: all("public"),
    // A new pseudonym per visitor: the per-account limit (5 an hour) is not what this tests.
    post: { fields: () => [["pseudonym", `Ingen ${crypto.randomUUID()}`], ["code", "AAAA-BBBB"], ["passphrase", "et langt nytt passord"]], expect: all("ok") },
  },
  "join.tsx": { path: () => "/join", get: signInPage, post: { fields: () => [["code", "AAAA"]], expect: all("ok") } },
  "login.tsx": {
    path: () => "/login",
    get: signInPage,
    post: { fields: () => [["pseudonym", "Ingen"], ["passphrase", "feil passord her"]], expect: all("ok") },
  },
  "recovery-codes[.]txt.ts": {
    path: () => "/recovery-codes.txt",
    get: all("404"),
    post: { fields: () => [["code", "AAAA-BBBB-CCCC-DDDD-EEEE"]], expect: all("ok") },
  },
  "logout.tsx": { path: () => "/logout", get: all("ok"), post: { fields: () => [], expect: all("ok") } },
  "me.tsx": {
    path: () => "/me",
    get: membersOnly,
    // Asking to join a Bergen group: a member of another chapter may not even learn it exists.
    post: { fields: (w) => [["intent", "joinGroup"], ["groupId", w.groupId]], expect: { ...membersOnly, memberOfOtherChapter: "404" } },
  },
  "me_.calendar.tsx": { path: () => "/me/calendar", get: membersOnly, post: { fields: () => [["intent", "settings"]], expect: membersOnly } },
  "me_.data.tsx": { path: () => "/me/data", get: membersOnly },
  "me_.delete.tsx": { path: () => "/me/delete", get: membersOnly, post: { fields: () => [], expect: membersOnly } },
  "me_.sessions.tsx": { path: () => "/me/sessions", get: membersOnly, post: { fields: () => [["intent", "end-others"]], expect: membersOnly } },
  "activities.$activityId.tsx": {
    path: (w) => `/activities/${w.activityId}`,
    params: (w) => ({ activityId: w.activityId }),
    get: { ...membersOnly, memberOfOtherChapter: "404", coordinator: "ok", coordinatorOfOtherChapter: "404", admin: "ok" },
    // Only members answer; staff are sent to the member sign-in like any non-member.
    post: { fields: () => [["intent", "going"]], expect: { ...membersOnly, memberOfOtherChapter: "404" } },
  },
  "activities.$activityId.calendar[.ics].ts": {
    path: (w) => `/activities/${w.activityId}/calendar.ics`,
    params: (w) => ({ activityId: w.activityId }),
    get: { ...membersOnly, memberOfOtherChapter: "404" },
  },
  "calendar.$token[.ics].ts": {
    // The token is the key: whoever holds it gets the feed, signed in or not.
    path: (w) => `/calendar/${w.feedToken}.ics`,
    params: (w) => ({ token: w.feedToken }),
    get: all("ok"),
  },

  "staff.login._index.tsx": {
    path: () => "/staff/login",
    get: { ...all("ok"), coordinator: "ok", admin: "ok" },
    post: { fields: () => [["email", "nobody@example.org"], ["password", "wrong password"]], expect: all("ok") },
  },
  "staff.login.totp.tsx": {
    path: () => "/staff/login/totp",
    get: { ...all("staffLogin"), coordinator: "ok", coordinatorOfOtherChapter: "ok", admin: "ok" },
    post: { fields: () => [["code", "123456"]], expect: { ...all("staffLogin"), coordinator: "ok", coordinatorOfOtherChapter: "ok", admin: "ok" } },
  },
  "staff.login.setup.tsx": {
    path: () => "/staff/login/setup",
    get: { ...all("staffLogin"), coordinator: "ok", coordinatorOfOtherChapter: "ok", admin: "ok" },
    post: { fields: () => [["code", "123456"]], expect: all("staffLogin") },
  },
  "staff.logout.tsx": { path: () => "/staff/logout", get: all("404"), post: { fields: () => [], expect: all("ok") } },
  "staff._index.tsx": { path: () => "/staff", get: anyStaff },
  "staff.sessions.tsx": {
    path: () => "/staff/sessions",
    get: anyStaff,
    post: { fields: () => [["intent", "endOthers"]], expect: anyStaff },
  },
  "staff.calendar.tsx": {
    path: () => "/staff/calendar",
    get: anyStaff,
    post: { fields: (w) => [["intent", "link"], ["chapterId", w.bergenId]], expect: bergenStaff },
  },
  "staff.accounts.tsx": {
    path: () => "/staff/accounts",
    get: adminOnly,
    post: { fields: () => [["email", "ny@example.org"], ["displayName", "Ny"], ["role", "admin"]], expect: adminOnly },
  },
  "staff.audit.tsx": { path: () => "/staff/audit", get: adminOnly },
  "staff.chapters._index.tsx": {
    path: () => "/staff/chapters",
    get: adminOnly,
    post: { fields: () => [["name", "Kristiansand"], ["slug", "kristiansand"], ["region", "Sørlandet"]], expect: adminOnly },
  },
  "staff.chapters.$chapterId._index.tsx": {
    path: (w) => `/staff/chapters/${w.bergenId}`,
    params: (w) => ({ chapterId: w.bergenId }),
    get: bergenStaff,
    post: { fields: () => [["intent", "edit"], ["name", "Bergen"], ["slug", "bergen"], ["region", "Vestlandet"]], expect: { ...bergenStaff, coordinator: "403", coordinatorOfOtherChapter: "403" } },
  },
  "staff.chapters.$chapterId.members.tsx": {
    path: (w) => `/staff/chapters/${w.bergenId}/members`,
    params: (w) => ({ chapterId: w.bergenId }),
    get: bergenStaff,
    post: { fields: (w) => [["intent", "resetCode"], ["memberId", w.memberId]], expect: bergenStaff },
  },
  "staff.chapters.$chapterId.invites.tsx": {
    path: (w) => `/staff/chapters/${w.bergenId}/invites`,
    params: (w) => ({ chapterId: w.bergenId }),
    get: bergenStaff,
    post: { fields: (w) => [["intent", "revoke"], ["inviteId", w.inviteId]], expect: bergenStaff },
  },
  "staff.groups.new.tsx": {
    path: () => "/staff/groups/new",
    get: anyStaff,
    post: { fields: (w) => [["chapter", w.bergenId], ["name", "Ny"], ["audience", "men"], ["joinPolicy", "open"]], expect: bergenStaff },
  },
  "staff.groups.$groupId.tsx": {
    path: (w) => `/staff/groups/${w.groupId}`,
    params: (w) => ({ groupId: w.groupId }),
    get: bergenStaff,
    post: { fields: (w) => [["intent", "approve"], ["memberId", w.memberId]], expect: bergenStaff },
  },
  "staff.activities.new.tsx": {
    path: () => "/staff/activities/new",
    get: anyStaff,
    post: {
      fields: (w) => [
        ["target", `group:${w.groupId}`],
        ["title", "Fotball"],
        ["startDate", "2027-01-14"],
        ["startTime", "18:00"],
        ["endDate", "2027-01-14"],
        ["endTime", "20:00"],
        ["area", "Fana"],
        ["languages", "nb"],
      ],
      expect: bergenStaff,
    },
  },
  "staff.activities.$activityId._index.tsx": {
    path: (w) => `/staff/activities/${w.activityId}`,
    params: (w) => ({ activityId: w.activityId }),
    get: bergenStaff,
    post: { fields: () => [["intent", "cancel"], ["sequence", "99"]], expect: bergenStaff },
  },
  "staff.activities.$activityId.answers.tsx": {
    path: (w) => `/staff/activities/${w.activityId}/answers`,
    params: (w) => ({ activityId: w.activityId }),
    get: bergenStaff,
    post: { fields: (w) => [["intent", "promote"], ["memberId", w.memberId], ["reason", "extra_place"]], expect: bergenStaff },
  },
};

const routesDir = path.resolve(__dirname, "../../app/routes");
const routeFiles = fs.readdirSync(routesDir).filter((f) => /\.(ts|tsx)$/.test(f));

function classify(status: number, location: string | null, hasLoader: boolean): Outcome {
  if (!hasLoader) return "public";
  if (status === 405) return "405";
  if (location?.startsWith("/staff/login") && status >= 300 && status < 400) return "staffLogin";
  if (location?.startsWith("/login") && status >= 300 && status < 400) return "login";
  if (status === 403) return "403";
  if (status === 404) return "404";
  // 400 and 409: the form was refused, not the person.
  if (status < 400 || status === 400 || status === 409) return "ok";
  return String(status) as Outcome;
}

describe("the authorization matrix", () => {
  const testDb = useTestDatabase();

  it("lists every route file, and nothing that is not one", () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...routeFiles].sort());
  });

  /** Two chapters, a coordinator for each, an admin, and members; cookies per role. */
  async function buildWorld(database: TestDatabase) {
    const db = database.db;
    const bergen = await createChapter(db, { name: "Bergen" });
    const oslo = await createChapter(db, { name: "Oslo" });
    const gutta = await createGroup(db, { chapter_id: bergen.id, audience: "men" });
    const osloGroup = await createGroup(db, { chapter_id: oslo.id });
    const activity = await createActivity(db, { chapter_id: bergen.id, group_id: gutta.id, capacity: 1 });
    const member = await createMember(db, { chapter_id: bergen.id, groupIds: [gutta.id] });
    const other = await createMember(db, { chapter_id: oslo.id, groupIds: [osloGroup.id] });
    const deactivated = await createMember(db, { chapter_id: bergen.id, groupIds: [gutta.id] });
    const waiting = await createMember(db, { chapter_id: bergen.id, groupIds: [gutta.id], membershipStatus: "requested" });
    await createRsvp(db, { activity_id: activity.id, member_id: waiting.id, status: "waitlisted" });
    const coordinator = await createStaff(db, { chapterIds: [bergen.id], totp_secret: "JBSWY3DPEHPK3PXP" });
    const otherCoordinator = await createStaff(db, { chapterIds: [oslo.id], totp_secret: "JBSWY3DPEHPK3PXP" });
    const admin = await createStaff(db, { role: "admin", totp_secret: "JBSWY3DPEHPK3PXP" });
    const [invite] = await createInvites(db, { chapterId: bergen.id, groupIds: [], expiresAt: new Date(Date.now() + 86_400_000), count: 1, createdByStaffId: admin.id });
    const feed = await createFeedToken(db, { memberId: member.id });
    const cookies: Record<Role, string | undefined> = {
      signedOut: undefined,
      member: await memberCookie(db, member.id),
      memberOfOtherChapter: await memberCookie(db, other.id),
      deactivatedMember: await memberCookie(db, deactivated.id),
      coordinator: await staffCookie(db, coordinator.id),
      coordinatorOfOtherChapter: await staffCookie(db, otherCoordinator.id),
      admin: await staffCookie(db, admin.id),
    };
    await db.updateTable("members").set({ deactivated_at: new Date().toISOString() }).where("id", "=", deactivated.id).execute();
    const world: World = {
      bergenId: bergen.id,
      groupId: gutta.id,
      activityId: activity.id,
      memberId: waiting.id,
      inviteId: invite!.id,
      feedToken: feed.token,
    };
    return { world, cookies };
  }

  it.each(Object.keys(MATRIX).filter((f) => routeFiles.includes(f)))("%s gives each visitor what the matrix says", async (file) => {
    const spec = MATRIX[file]!;
    const mod = (await import(/* @vite-ignore */ path.join(routesDir, file))) as { loader?: (a: unknown) => Promise<unknown>; action?: (a: unknown) => Promise<unknown> };
    const { world, cookies } = await buildWorld(testDb());
    const seen: Record<string, Row> = {};
    const check = async (kind: "get" | "post", expected: Row) => {
      const actual = {} as Row;
      for (const role of ROLES) {
        const fn = kind === "get" ? mod.loader : mod.action;
        if (!fn) {
          actual[role] = kind === "get" ? "public" : "405";
          continue;
        }
        const res = await call(fn, spec.path(world), {
          cookie: cookies[role],
          params: spec.params?.(world),
          fields: kind === "post" ? spec.post!.fields(world) : undefined,
        });
        actual[role] = classify(res.status, res.headers.get("Location"), true);
      }
      seen[kind] = actual;
      expect(actual, `${kind.toUpperCase()} ${file}`).toEqual(expected);
    };
    await check("get", spec.get);
    if (spec.post) await check("post", spec.post.expect);
  });
});

// The cookie name must be the one the app reads, or every row would silently be "signed out".
test("the matrix signs visitors in with the app's own cookie", () => {
  expect(sessionCookieName()).toBe("session");
});
