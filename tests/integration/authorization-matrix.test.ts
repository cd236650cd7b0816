// Every route against every kind of visitor. A route file without a row here fails the test, so a
// new page cannot ship without someone deciding who may use it; so does a route with an action
// that has no POST row.
//
// Visitors: signed out; members (of Bergen, of another chapter, deactivated); staff (a Bergen
// coordinator, another chapter's, an admin); a staff member half-way through signing in (password
// given, second factor not yet) and a new one half-way who has no second factor set up yet.
//
// Outcomes:  "ok" 2xx/3xx that is not a sign-in redirect · "sentOn" (POST only) a redirect away
//            from a page that is not for this visitor, the action not run · "login"/"staffLogin"
//            a redirect to /login or /staff/login · "400" a form this visitor cannot use (never
//            counted as allowed) · "403" · "404" · "public" (no loader: a static page, the same for
//            everyone). Any other answer (409, 429, 500…) is none of these, so it fails the row.
//
// A GET row is checked for all visitors in one world. Every POST cell gets a world of its own and
// sends a form the action accepts: an "ok" cell then checks what the action did (`did`), a refused
// cell that not one row in the database changed. A pass therefore means the action ran.
import { createECDH } from "node:crypto";
import { addNotice } from "~/features/notices/notices.server";
import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { verifyPassword } from "~/platform/password.server";
import { findActiveSession } from "~/features/sessions/sessions.server";
import { pendingTotpSecret } from "~/features/staff/staff-sign-in.server";
import { currentTotpCode } from "~/platform/totp.server";
import { createFeedToken } from "~/features/calendar/feed-tokens.server";
import { createInvites } from "~/features/members/invites.server";
import { issueResetCode } from "~/features/members/staff-members.server";
import type { AppDatabase } from "../../db/connection";
import { useTestDatabase, type TestDatabase } from "../setup/db";
import {
  createActivity,
  createChapter,
  createGroup,
  createMember,
  createRsvp,
  createStaff,
  DEFAULT_MEMBER_PASSPHRASE,
  DEFAULT_STAFF_PASSWORD,
} from "../factories";
import { call, memberCookie, pendingStaffCookie, staffCookie, type CallResult } from "./support/staff";

const ROLES = [
  "signedOut",
  "member",
  "memberOfOtherChapter",
  "deactivatedMember",
  "coordinator",
  "coordinatorOfOtherChapter",
  "admin",
  "pendingStaff",
  "newStaff",
] as const;
type Role = (typeof ROLES)[number];
type Outcome = "ok" | "sentOn" | "login" | "staffLogin" | "400" | "403" | "404" | "public";
type Row = Record<Role, Outcome>;

const TOTP_SECRET = "JBSWY3DPEHPK3PXP";
/** a browser's P-256 public key (uncompressed point), as PushSubscription.toJSON() gives it */
const MATRIX_DEVICE_KEY = (() => {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  return ecdh.getPublicKey().toString("base64url");
})();

interface World {
  bergenId: string;
  /** a Bergen group the signed-in member belongs to (approval needed to join) */
  groupId: string;
  /** an open Bergen group the signed-in member is not in */
  openGroupId: string;
  activityId: string;
  activitySequence: number;
  /** a Bergen member waiting for approval to the group and on the activity's waiting list */
  memberId: string;
  /** the pseudonym of the signed-in Bergen member, and a reset code issued for them */
  memberPseudonym: string;
  resetCode: string;
  inviteId: string;
  inviteCode: string;
  feedToken: string;
  coordinatorEmail: string;
  /** a valid code for the second factor the new staff member is setting up */
  setupCode: string;
  /** who each visitor is: a member or staff id, or nothing for signedOut */
  ids: Record<Role, string | undefined>;
  /** the session each visitor's cookie holds, and a second one of theirs (another device) */
  sessionIds: Record<Role, string | undefined>;
  otherSessionIds: Record<Role, string | undefined>;
}

interface Done {
  db: AppDatabase;
  world: World;
  role: Role;
  res: CallResult;
}

interface RouteSpec {
  path: (w: World) => string;
  params?: (w: World) => Record<string, string>;
  get: Row;
  /** routes with an action: a valid form, who may send it, and what it does when they do */
  post?: { fields: (w: World) => Array<[string, string]>; expect: Row; did: (done: Done) => Promise<void> | void };
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
  pendingStaff: "staffLogin",
  newStaff: "staffLogin",
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
  pendingStaff: "login",
  newStaff: "login",
};
/** Sign-in and joining: open to everyone not signed in as a member. */
const signInPage: Row = { ...all("ok"), member: "ok", memberOfOtherChapter: "ok" };
const STAFF_ROLES: readonly Role[] = ["coordinator", "coordinatorOfOtherChapter", "admin", "pendingStaff", "newStaff"];
const isStaff = (role: Role) => STAFF_ROLES.includes(role);

const sessionExists = async (db: AppDatabase, id: string | undefined) =>
  id !== undefined &&
  (await db.selectFrom("sessions").select("id").where("id", "=", id).executeTakeFirst()) !== undefined;

/** The visitor's own session is gone (if they had one), and the answer clears the cookie. */
async function expectSignedOut({ db, world, role, res }: Done) {
  expect(await sessionExists(db, world.sessionIds[role])).toBe(false);
  expect(res.headers.get("Set-Cookie")).toMatch(/^session=; .*Max-Age=0/);
}

async function auditActions(db: AppDatabase) {
  return (await db.selectFrom("audit_log").select("action").execute()).map((a) => a.action);
}

const soon = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const MATRIX: Record<string, RouteSpec> = {
  "_index.tsx": { path: () => "/", get: all("ok") },
  "$.tsx": { path: () => "/no-such-page", get: all("404") },
  "healthz.ts": { path: () => "/healthz", get: all("ok") },
  // Only with BENCH_ROUTES=1 (npm run bench): a 404 for everyone otherwise.
  "bench.hello.tsx": { path: () => "/bench/hello", get: all("404") },
  "manifest[.]webmanifest.ts": { path: () => "/manifest.webmanifest", get: all("ok") },
  "language.tsx": {
    path: () => "/language",
    get: all("404"),
    post: {
      fields: () => [
        ["lang", "en"],
        ["returnTo", "/safety"],
      ],
      expect: all("ok"),
      async did({ db, world, role, res }) {
        expect(res.status).toBe(303);
        expect(res.headers.get("Location")).toBe("/safety");
        expect(res.headers.get("Set-Cookie")).toMatch(/^lang=en;/);
        if (role === "member" || role === "memberOfOtherChapter") {
          const { locale } = await db
            .selectFrom("members")
            .select("locale")
            .where("id", "=", world.ids[role]!)
            .executeTakeFirstOrThrow();
          expect(locale).toBe("en");
        }
      },
    },
  },
  "exit.tsx": {
    path: () => "/exit",
    get: all("ok"),
    post: {
      fields: () => [],
      expect: all("ok"),
      async did(done) {
        expect(done.res.status).toBe(303);
        expect(done.res.headers.get("Clear-Site-Data")).toContain('"cookies"');
        await expectSignedOut(done);
      },
    },
  },
  "safety.tsx": { path: () => "/safety", get: all("public") },
  "reset.tsx": {
    path: () => "/reset",
    get: all("public"),
    post: {
      fields: (w) => [
        ["pseudonym", w.memberPseudonym],
        ["code", w.resetCode],
        ["passphrase", "et langt nytt passord i dag"],
      ],
      expect: all("ok"),
      async did({ db, world, res }) {
        expect(res.status).toBe(200);
        expect(res.data).toMatchObject({ done: true });
        // The old passphrase no longer works, so the stored hash is a new one.
        const { passphrase_hash } = await db
          .selectFrom("members")
          .select("passphrase_hash")
          .where("id", "=", world.ids.member!)
          .executeTakeFirstOrThrow();
        expect((await verifyPassword("et langt nytt passord i dag", passphrase_hash!)).ok).toBe(true);
      },
    },
  },
  // Public: anyone may say where a network is wanted, and it is counted for no one in particular.
  "interest.tsx": {
    path: () => "/interest",
    get: all("ok"),
    post: {
      fields: () => [
        ["county", "55"],
        ["municipality", "5501"],
        ["audience", "everyone"],
      ],
      expect: all("ok"),
      async did({ db, res }) {
        expect(res.status).toBe(200);
        expect(
          await db.selectFrom("interest_counts").select(["county_number", "municipality_number", "count"]).execute(),
        ).toEqual([{ county_number: "55", municipality_number: "5501", count: 1 }]);
      },
    },
  },
  "join.tsx": {
    path: () => "/join",
    get: signInPage,
    post: {
      fields: (w) => [
        ["code", w.inviteCode],
        ["pseudonym", "Nykommer"],
        ["passphrase", "et langt nytt passord i dag"],
      ],
      expect: all("ok"),
      async did({ db, world, res }) {
        expect(res.status).toBe(200);
        expect(res.data.recoveryCodes.length).toBeGreaterThan(0);
        const joined = await db
          .selectFrom("members")
          .select(["id", "chapter_id"])
          .where("pseudonym", "=", "Nykommer")
          .executeTakeFirstOrThrow();
        expect(joined.chapter_id).toBe(world.bergenId);
        const token = res.headers.get("Set-Cookie")!.match(/^session=([^;]+)/)![1]!;
        expect((await findActiveSession(db, token))?.memberId).toBe(joined.id);
      },
    },
  },
  "login.tsx": {
    path: () => "/login",
    get: signInPage,
    post: {
      fields: (w) => [
        ["pseudonym", w.memberPseudonym],
        ["passphrase", DEFAULT_MEMBER_PASSPHRASE],
      ],
      expect: all("ok"),
      async did({ db, world, role, res }) {
        expect(res.status).toBe(303);
        expect(res.headers.get("Location")).toBe("/");
        const token = res.headers.get("Set-Cookie")!.match(/^session=([^;]+)/)![1]!;
        expect((await findActiveSession(db, token))?.memberId).toBe(world.ids.member);
        // Whoever was signed in on this browser before is signed out.
        expect(await sessionExists(db, world.sessionIds[role])).toBe(false);
      },
    },
  },
  "logout.tsx": {
    path: () => "/logout",
    get: all("ok"),
    post: {
      fields: () => [],
      expect: all("ok"),
      async did(done) {
        expect(done.res.status).toBe(303);
        expect(done.res.headers.get("Location")).toBe("/");
        await expectSignedOut(done);
      },
    },
  },
  "recovery-codes[.]txt.ts": {
    path: () => "/recovery-codes.txt",
    get: all("404"),
    // Echoes the codes on the page back as a file; anyone may, since nothing is read or stored.
    post: {
      fields: () => [["code", "AAAA-BBBB-CCCC-DDDD-EEEE"]],
      expect: all("ok"),
      async did({ res }) {
        expect(res.status).toBe(200);
        expect(res.headers.get("Content-Type")).toMatch(/^text\/plain/);
        expect(res.headers.get("Content-Disposition")).toMatch(/^attachment/);
      },
    },
  },
  "me.tsx": {
    path: () => "/me",
    get: membersOnly,
    // Joining an open Bergen group: a member of another chapter may not even learn it exists.
    post: {
      fields: (w) => [
        ["intent", "joinGroup"],
        ["groupId", w.openGroupId],
      ],
      expect: { ...membersOnly, memberOfOtherChapter: "404" },
      async did({ db, world, res }) {
        expect(res.status).toBe(200);
        expect(res.data).toMatchObject({ intent: "joinGroup", notice: "joined" });
        const membership = await db
          .selectFrom("group_memberships")
          .select("status")
          .where("member_id", "=", world.ids.member!)
          .where("group_id", "=", world.openGroupId)
          .executeTakeFirstOrThrow();
        expect(membership.status).toBe("active");
      },
    },
  },
  "me_.calendar.tsx": {
    path: () => "/me/calendar",
    get: membersOnly,
    post: {
      fields: () => [
        ["intent", "settings"],
        ["discreetTitles", "on"],
      ],
      expect: membersOnly,
      async did({ db, world, role, res }) {
        expect(res.status).toBe(200);
        expect(res.data).toEqual({ intent: "settings", saved: true });
        const { discreet_titles } = await db
          .selectFrom("members")
          .select("discreet_titles")
          .where("id", "=", world.ids[role]!)
          .executeTakeFirstOrThrow();
        expect(discreet_titles).toBe(1);
      },
    },
  },
  "me_.data.tsx": { path: () => "/me/data", get: membersOnly },
  "me_.delete.tsx": {
    path: () => "/me/delete",
    get: membersOnly,
    post: {
      fields: () => [["confirm", "yes"]],
      expect: membersOnly,
      async did({ db, world, role, res }) {
        expect(res.status).toBe(303);
        expect(res.headers.get("Location")).toBe("/me/delete?done");
        expect(
          await db.selectFrom("members").select("id").where("id", "=", world.ids[role]!).executeTakeFirst(),
        ).toBeUndefined();
      },
    },
  },
  "me_.push.ts": {
    path: () => "/me/push",
    get: membersOnly,
    // Turning push on for this browser: the subscription is kept for the member who sent it.
    post: {
      fields: () => [
        ["intent", "subscribe"],
        ["endpoint", "https://fcm.googleapis.com/fcm/send/matrix-device"],
        ["p256dh", MATRIX_DEVICE_KEY],
        ["auth", Buffer.alloc(16, 1).toString("base64url")],
        ["showDetails", "0"],
      ],
      expect: membersOnly,
      async did({ db, world, role, res }) {
        expect(res.status).toBe(200);
        expect(res.data).toEqual({ intent: "subscribe", subscribed: true, showDetails: false });
        const kept = await db.selectFrom("push_subscriptions").select(["member_id", "show_details"]).execute();
        expect(kept).toEqual([{ member_id: world.ids[role], show_details: 0 }]);
      },
    },
  },
  "me_.sessions.tsx": {
    path: () => "/me/sessions",
    get: membersOnly,
    post: {
      fields: () => [["intent", "end-others"]],
      expect: membersOnly,
      async did({ db, world, role, res }) {
        expect(res.status).toBe(200);
        expect(res.data).toEqual({ done: "endedOthers" });
        expect(await sessionExists(db, world.otherSessionIds[role])).toBe(false);
        expect(await sessionExists(db, world.sessionIds[role])).toBe(true);
      },
    },
  },
  "notices.tsx": {
    path: () => "/notices",
    get: membersOnly,
    post: {
      fields: () => [["intent", "readAll"]],
      expect: membersOnly,
      async did({ db, world, role, res }) {
        expect(res.status).toBe(303);
        expect(res.headers.get("Location")).toBe("/notices?done=readAll");
        const rows = await db.selectFrom("notices").select(["member_id", "read_at"]).execute();
        for (const row of rows) expect(row.read_at !== null, row.member_id).toBe(row.member_id === world.ids[role]);
      },
    },
  },
  "activities.$activityId.tsx": {
    path: (w) => `/activities/${w.activityId}`,
    params: (w) => ({ activityId: w.activityId }),
    get: {
      ...membersOnly,
      memberOfOtherChapter: "404",
      coordinator: "ok",
      coordinatorOfOtherChapter: "404",
      admin: "ok",
    },
    // Only members answer; staff are sent to the member sign-in like any non-member.
    post: {
      fields: () => [["intent", "going"]],
      expect: { ...membersOnly, memberOfOtherChapter: "404" },
      async did({ db, world, res }) {
        expect(res.status).toBe(303);
        expect(res.headers.get("Location")).toBe(`/activities/${world.activityId}`);
        const rsvp = await db
          .selectFrom("rsvps")
          .select("status")
          .where("activity_id", "=", world.activityId)
          .where("member_id", "=", world.ids.member!)
          .executeTakeFirstOrThrow();
        expect(rsvp.status).toBe("going");
      },
    },
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
    post: {
      fields: (w) => [
        ["email", w.coordinatorEmail],
        ["password", DEFAULT_STAFF_PASSWORD],
      ],
      expect: all("ok"),
      async did({ db, world, role, res }) {
        expect(res.status).toBe(303);
        expect(res.headers.get("Location")).toBe("/staff/login/totp");
        const token = res.headers.get("Set-Cookie")!.match(/^session=([^;]+)/)![1]!;
        expect((await findActiveSession(db, token))?.staffId).toBe(world.ids.coordinator);
        expect(await sessionExists(db, world.sessionIds[role])).toBe(false);
      },
    },
  },
  "staff.login.totp.tsx": {
    path: () => "/staff/login/totp",
    get: {
      ...all("staffLogin"),
      coordinator: "ok",
      coordinatorOfOtherChapter: "ok",
      admin: "ok",
      pendingStaff: "ok",
      newStaff: "ok",
    },
    post: {
      fields: () => [["code", currentTotpCode(TOTP_SECRET)]],
      // Only the half-signed-in staff member gives the second factor; the signed-in are sent on,
      // and one without a second factor has nothing the code could match.
      expect: {
        ...all("staffLogin"),
        coordinator: "sentOn",
        coordinatorOfOtherChapter: "sentOn",
        admin: "sentOn",
        pendingStaff: "ok",
        newStaff: "400",
      },
      async did({ db, world, role, res }) {
        expect(res.status).toBe(303);
        expect(res.headers.get("Location")).toBe("/staff");
        const token = res.headers.get("Set-Cookie")!.match(/^session=([^;]+)/)![1]!;
        expect((await findActiveSession(db, token))?.staffId).toBe(world.ids[role]);
        const { totp_last_step } = await db
          .selectFrom("staff_users")
          .select("totp_last_step")
          .where("id", "=", world.ids[role]!)
          .executeTakeFirstOrThrow();
        expect(totp_last_step).not.toBeNull();
      },
    },
  },
  "staff.login.setup.tsx": {
    path: () => "/staff/login/setup",
    get: {
      ...all("staffLogin"),
      coordinator: "ok",
      coordinatorOfOtherChapter: "ok",
      admin: "ok",
      pendingStaff: "ok",
      newStaff: "ok",
    },
    // Setting up a second factor is for a staff member half-way through a first sign-in who has
    // none yet; one who has one is sent on to give it.
    post: {
      fields: (w) => [["code", w.setupCode]],
      expect: { ...all("staffLogin"), pendingStaff: "sentOn", newStaff: "ok" },
      async did({ db, world, role, res }) {
        expect(res.status).toBe(200);
        expect(res.data.recoveryCodes.length).toBeGreaterThan(0);
        const { totp_secret } = await db
          .selectFrom("staff_users")
          .select("totp_secret")
          .where("id", "=", world.ids[role]!)
          .executeTakeFirstOrThrow();
        expect(totp_secret).not.toBeNull();
        const token = res.headers.get("Set-Cookie")!.match(/^session=([^;]+)/)![1]!;
        expect((await findActiveSession(db, token))?.secondFactorAt).not.toBeNull();
      },
    },
  },
  "staff.logout.tsx": {
    path: () => "/staff/logout",
    get: all("404"),
    post: {
      fields: () => [],
      expect: all("ok"),
      async did({ db, world, role, res }) {
        expect(res.status).toBe(303);
        expect(res.headers.get("Location")).toBe("/");
        expect(res.headers.get("Set-Cookie")).toMatch(/^session=; .*Max-Age=0/);
        // Only a staff session ends here; a member's stays (the member sign-out is /logout).
        expect(await sessionExists(db, world.sessionIds[role])).toBe(
          role === "member" || role === "memberOfOtherChapter",
        );
      },
    },
  },
  "staff._index.tsx": { path: () => "/staff", get: anyStaff },
  "staff.week.tsx": { path: () => "/staff/week", get: anyStaff },
  "staff.sessions.tsx": {
    path: () => "/staff/sessions",
    get: anyStaff,
    post: {
      fields: () => [["intent", "end-others"]],
      expect: anyStaff,
      async did({ db, world, role, res }) {
        expect(res.status).toBe(200);
        expect(res.data).toEqual({ done: "endedOthers" });
        expect(await sessionExists(db, world.otherSessionIds[role])).toBe(false);
        expect(await sessionExists(db, world.sessionIds[role])).toBe(true);
      },
    },
  },
  "staff.calendar.tsx": {
    path: () => "/staff/calendar",
    get: anyStaff,
    post: {
      fields: (w) => [
        ["intent", "link"],
        ["chapterId", w.bergenId],
      ],
      expect: bergenStaff,
      async did({ db, world, role, res }) {
        expect(res.status).toBe(200);
        expect(res.data.newLink.chapterId).toBe(world.bergenId);
        const feed = await db
          .selectFrom("feed_tokens")
          .select("chapter_id")
          .where("staff_id", "=", world.ids[role]!)
          .executeTakeFirstOrThrow();
        expect(feed.chapter_id).toBe(world.bergenId);
        expect(await auditActions(db)).toEqual(["calendar_feed.replace"]);
      },
    },
  },
  "staff.accounts.tsx": {
    path: () => "/staff/accounts",
    get: adminOnly,
    post: {
      fields: () => [
        ["email", "ny@example.org"],
        ["displayName", "Ny"],
        ["role", "admin"],
      ],
      expect: adminOnly,
      async did({ db, res }) {
        expect(res.status).toBe(200);
        expect(res.data.created.email).toBe("ny@example.org");
        const created = await db
          .selectFrom("staff_users")
          .select("role")
          .where("display_name", "=", "Ny")
          .executeTakeFirstOrThrow();
        expect(created.role).toBe("admin");
        expect(await auditActions(db)).toEqual(["staff.create"]);
      },
    },
  },
  "staff.audit.tsx": { path: () => "/staff/audit", get: adminOnly },
  // Anonymous, suppressed, national counts: every signed-in staff member sees the same (decision 035).
  "staff.demand.tsx": { path: () => "/staff/demand", get: anyStaff },
  "staff.chapters._index.tsx": {
    path: () => "/staff/chapters",
    get: adminOnly,
    post: {
      fields: () => [
        ["name", "Kristiansand"],
        ["slug", "kristiansand"],
        ["region", "Sørlandet"],
      ],
      expect: adminOnly,
      async did({ db, res }) {
        const chapter = await db
          .selectFrom("chapters")
          .select("id")
          .where("slug", "=", "kristiansand")
          .executeTakeFirstOrThrow();
        expect(res.status).toBe(303);
        expect(res.headers.get("Location")).toBe(`/staff/chapters/${chapter.id}?created=1`);
        expect(await auditActions(db)).toEqual(["chapter.create"]);
      },
    },
  },
  "staff.chapters.$chapterId._index.tsx": {
    path: (w) => `/staff/chapters/${w.bergenId}`,
    params: (w) => ({ chapterId: w.bergenId }),
    get: bergenStaff,
    post: {
      fields: () => [
        ["intent", "edit"],
        ["name", "Bergen"],
        ["slug", "bergen"],
        ["region", "Vestlandet"],
      ],
      expect: { ...bergenStaff, coordinator: "403", coordinatorOfOtherChapter: "403" },
      async did({ db, world, res }) {
        expect(res.status).toBe(303);
        expect(res.headers.get("Location")).toBe(`/staff/chapters/${world.bergenId}?saved=1`);
        const chapter = await db
          .selectFrom("chapters")
          .select(["slug", "region"])
          .where("id", "=", world.bergenId)
          .executeTakeFirstOrThrow();
        expect(chapter).toEqual({ slug: "bergen", region: "Vestlandet" });
      },
    },
  },
  "staff.chapters.$chapterId.members_.$memberId.tsx": {
    path: (w) => `/staff/chapters/${w.bergenId}/members/${w.ids.member}`,
    params: (w) => ({ chapterId: w.bergenId, memberId: w.ids.member! }),
    get: bergenStaff,
  },
  "staff.chapters.$chapterId.members.tsx": {
    path: (w) => `/staff/chapters/${w.bergenId}/members`,
    params: (w) => ({ chapterId: w.bergenId }),
    get: bergenStaff,
    post: {
      fields: (w) => [
        ["intent", "resetCode"],
        ["memberId", w.memberId],
      ],
      expect: bergenStaff,
      async did({ db, world, role, res }) {
        expect(res.status).toBe(200);
        expect(res.data.resetCode.memberId).toBe(world.memberId);
        const codes = await db
          .selectFrom("reset_codes")
          .select("created_by_staff_id")
          .where("member_id", "=", world.memberId)
          .execute();
        expect(codes).toEqual([{ created_by_staff_id: world.ids[role] }]);
      },
    },
  },
  "staff.chapters.$chapterId.invites.tsx": {
    path: (w) => `/staff/chapters/${w.bergenId}/invites`,
    params: (w) => ({ chapterId: w.bergenId }),
    get: bergenStaff,
    post: {
      fields: (w) => [
        ["intent", "revoke"],
        ["inviteId", w.inviteId],
      ],
      expect: bergenStaff,
      async did({ db, world, res }) {
        expect(res.status).toBe(303);
        expect(res.headers.get("Location")).toBe(`/staff/chapters/${world.bergenId}/invites`);
        const invite = await db
          .selectFrom("invites")
          .select("revoked_at")
          .where("id", "=", world.inviteId)
          .executeTakeFirstOrThrow();
        expect(invite.revoked_at).not.toBeNull();
        expect(await auditActions(db)).toEqual(["invite.revoke"]);
      },
    },
  },
  "staff.groups.new.tsx": {
    path: () => "/staff/groups/new",
    get: anyStaff,
    post: {
      fields: (w) => [
        ["chapter", w.bergenId],
        ["name", "Ny gruppe"],
        ["audience", "men"],
        ["joinPolicy", "open"],
      ],
      expect: bergenStaff,
      async did({ db, world, res }) {
        const group = await db
          .selectFrom("groups")
          .select(["id", "chapter_id"])
          .where("name", "=", "Ny gruppe")
          .executeTakeFirstOrThrow();
        expect(group.chapter_id).toBe(world.bergenId);
        expect(res.status).toBe(303);
        expect(res.headers.get("Location")).toBe(`/staff/groups/${group.id}?created=1`);
      },
    },
  },
  "staff.groups.$groupId.tsx": {
    path: (w) => `/staff/groups/${w.groupId}`,
    params: (w) => ({ groupId: w.groupId }),
    get: bergenStaff,
    post: {
      fields: (w) => [
        ["intent", "approve"],
        ["memberId", w.memberId],
      ],
      expect: bergenStaff,
      async did({ db, world, res }) {
        expect(res.status).toBe(303);
        expect(res.headers.get("Location")).toBe(`/staff/groups/${world.groupId}`);
        const membership = await db
          .selectFrom("group_memberships")
          .select("status")
          .where("member_id", "=", world.memberId)
          .where("group_id", "=", world.groupId)
          .executeTakeFirstOrThrow();
        expect(membership.status).toBe("active");
        expect(await auditActions(db)).toEqual(["membership.approve"]);
      },
    },
  },
  "staff.activities.new.tsx": {
    path: () => "/staff/activities/new",
    get: anyStaff,
    post: {
      fields: (w) => [
        ["target", `group:${w.groupId}`],
        ["title", "Fotball"],
        ["startDate", soon(30)],
        ["startTime", "18:00"],
        ["endDate", soon(30)],
        ["endTime", "20:00"],
        ["area", "Fana"],
        ["languages", "nb"],
      ],
      expect: bergenStaff,
      async did({ db, world, res }) {
        const created = await db
          .selectFrom("activities")
          .select(["id", "group_id"])
          .where("title", "=", "Fotball")
          .executeTakeFirstOrThrow();
        expect(created.group_id).toBe(world.groupId);
        expect(res.status).toBe(303);
        expect(res.headers.get("Location")).toBe(`/staff/activities/${created.id}?created=1`);
      },
    },
  },
  "staff.activities.$activityId._index.tsx": {
    path: (w) => `/staff/activities/${w.activityId}`,
    params: (w) => ({ activityId: w.activityId }),
    get: bergenStaff,
    post: {
      fields: (w) => [
        ["intent", "cancel"],
        ["reason", "Beklager, lederen er syk"],
        ["confirm", "yes"],
        ["sequence", String(w.activitySequence)],
      ],
      expect: bergenStaff,
      async did({ db, world, res }) {
        expect(res.status).toBe(303);
        expect(res.headers.get("Location")).toBe(`/staff/activities/${world.activityId}?cancelled=1`);
        const activity = await db
          .selectFrom("activities")
          .select("status")
          .where("id", "=", world.activityId)
          .executeTakeFirstOrThrow();
        expect(activity.status).toBe("cancelled");
      },
    },
  },
  "staff.activities.$activityId.preview.tsx": {
    path: (w) => `/staff/activities/${w.activityId}/preview`,
    params: (w) => ({ activityId: w.activityId }),
    get: bergenStaff,
  },
  "staff.activities.$activityId.answers.tsx": {
    path: (w) => `/staff/activities/${w.activityId}/answers`,
    params: (w) => ({ activityId: w.activityId }),
    get: bergenStaff,
    post: {
      fields: (w) => [
        ["intent", "promote"],
        ["memberId", w.memberId],
        ["reason", "extra_place"],
      ],
      expect: bergenStaff,
      async did({ db, world, res }) {
        expect(res.status).toBe(303);
        expect(res.headers.get("Location")).toBe(`/staff/activities/${world.activityId}/answers`);
        const rsvp = await db
          .selectFrom("rsvps")
          .select("status")
          .where("activity_id", "=", world.activityId)
          .where("member_id", "=", world.memberId)
          .executeTakeFirstOrThrow();
        expect(rsvp.status).toBe("going");
        expect(await auditActions(db)).toEqual(["rsvp.promote"]);
      },
    },
  },
  "staff.activities.$activityId.check-in.tsx": {
    path: (w) => `/staff/activities/${w.activityId}/check-in`,
    params: (w) => ({ activityId: w.activityId }),
    get: bergenStaff,
    post: {
      // the member on the waiting list came to the door
      fields: (w) => [
        ["intent", "came"],
        ["memberId", w.memberId],
      ],
      expect: bergenStaff,
      async did({ db, world, res }) {
        expect(res.status).toBe(303);
        expect(res.headers.get("Location")).toBe(`/staff/activities/${world.activityId}/check-in`);
        expect(await db.selectFrom("check_ins").select(["activity_id", "member_id"]).execute()).toEqual([
          { activity_id: world.activityId, member_id: world.memberId },
        ]);
        expect(await auditActions(db)).toEqual(["attendance.check_in"]);
      },
    },
  },
  // Every staff member sees a report of her own scope (another chapter's coordinator: her chapters).
  "staff.reports.tsx": { path: () => "/staff/reports", get: anyStaff },
  "staff.reports[.csv].ts": { path: () => "/staff/reports.csv", get: anyStaff },
};

const routesDir = path.resolve(__dirname, "../../app/routes");
const routeFiles = fs.readdirSync(routesDir).filter((f) => /\.(ts|tsx)$/.test(f));

type RouteModule = { loader?: (a: unknown) => Promise<unknown>; action?: (a: unknown) => Promise<unknown> };
const loadRoute = (file: string) => import(/* @vite-ignore */ path.join(routesDir, file)) as Promise<RouteModule>;

/** What a visitor got. Anything not named here (a 409, a 429, a 500) is returned as its status. */
function classify(status: number, location: string | null): Outcome | `status ${number}` {
  const redirected = status >= 300 && status < 400;
  const to = location?.split("?")[0];
  if (redirected && to === "/staff/login") return "staffLogin";
  if (redirected && to === "/login") return "login";
  if (status === 400) return "400";
  if (status === 403) return "403";
  if (status === 404) return "404";
  if (status >= 200 && status < 400) return "ok";
  return `status ${status}`;
}

/**
 * Every row of every table, so a refused request can be shown to have changed nothing. Left out:
 * what any visit does before the route decides (the member's day of last activity, the visitor's
 * own session, which a deactivated member's visit ends) and the attempt counters of rate limits
 * (with the key they are made with), which count every attempt before anything is decided.
 */
async function snapshot(db: AppDatabase, visitorSessionId: string | undefined): Promise<Record<string, string[]>> {
  const tables = (await db.introspection.getTables())
    .map((t) => t.name)
    .filter((name) => name !== "rate_limits")
    .sort();
  const rows = await Promise.all(
    tables.map(async (t) => (await sql<Record<string, unknown>>`select * from ${sql.table(t)}`.execute(db)).rows),
  );
  return Object.fromEntries(
    tables.map((t, i) => [
      t,
      rows[i]!.filter(
        (r) => !(t === "sessions" && r.id === visitorSessionId) && !(t === "app_secrets" && r.name === "rate-limit"),
      )
        .map(({ last_active_on: _visit, ...r }) => JSON.stringify(r))
        .sort(),
    ]),
  );
}

/** Two chapters, a coordinator for each, an admin, and members; cookies per role. */
async function buildWorld(database: TestDatabase) {
  const db = database.db;
  const bergen = await createChapter(db, { name: "Bergen" });
  const oslo = await createChapter(db, { name: "Oslo" });
  const gutta = await createGroup(db, { chapter_id: bergen.id, audience: "men" });
  const open = await createGroup(db, { chapter_id: bergen.id, join_policy: "open" });
  const osloGroup = await createGroup(db, { chapter_id: oslo.id });
  const activity = await createActivity(db, { chapter_id: bergen.id, group_id: gutta.id, capacity: 1 });
  const member = await createMember(db, { chapter_id: bergen.id, groupIds: [gutta.id], pseudonym: "Fjellrev" });
  const other = await createMember(db, { chapter_id: oslo.id, groupIds: [osloGroup.id] });
  const deactivated = await createMember(db, { chapter_id: bergen.id, groupIds: [gutta.id] });
  const waiting = await createMember(db, {
    chapter_id: bergen.id,
    groupIds: [gutta.id],
    membershipStatus: "requested",
  });
  await createRsvp(db, { activity_id: activity.id, member_id: waiting.id, status: "waitlisted" });
  const coordinator = await createStaff(db, { chapterIds: [bergen.id], totp_secret: TOTP_SECRET });
  const otherCoordinator = await createStaff(db, { chapterIds: [oslo.id], totp_secret: TOTP_SECRET });
  const admin = await createStaff(db, { role: "admin", totp_secret: TOTP_SECRET });
  const pending = await createStaff(db, { chapterIds: [bergen.id], totp_secret: TOTP_SECRET });
  const newcomer = await createStaff(db, { chapterIds: [bergen.id], totp_secret: null });
  const [invite] = await createInvites(db, {
    chapterId: bergen.id,
    groupIds: [],
    expiresAt: new Date(Date.now() + 86_400_000),
    count: 1,
    createdByStaffId: admin.id,
  });
  const feed = await createFeedToken(db, { memberId: member.id });
  const resetCode = await issueResetCode(
    db,
    { id: coordinator.id, role: "coordinator", chapterIds: [bergen.id] },
    { chapterId: bergen.id, memberId: member.id },
  );
  // Every member visitor has an unread notice, so marking them read can be seen to happen (or not).
  for (const who of [member, other, deactivated])
    await addNotice(db, { memberId: who.id, kind: "changed", activityId: activity.id, params: { changed: ["time"] } });
  // Issuing the fixture's reset code writes its own audit row; the rows below count only what a request writes.
  await db.deleteFrom("audit_log").execute();
  const ids: Record<Role, string | undefined> = {
    signedOut: undefined,
    member: member.id,
    memberOfOtherChapter: other.id,
    deactivatedMember: deactivated.id,
    coordinator: coordinator.id,
    coordinatorOfOtherChapter: otherCoordinator.id,
    admin: admin.id,
    pendingStaff: pending.id,
    newStaff: newcomer.id,
  };
  const cookies = {} as Record<Role, string | undefined>;
  const sessionIds = {} as Record<Role, string | undefined>;
  const otherSessionIds = {} as Record<Role, string | undefined>;
  for (const role of ROLES) {
    const id = ids[role];
    if (!id) continue;
    const signIn =
      role === "pendingStaff" || role === "newStaff" ? pendingStaffCookie : isStaff(role) ? staffCookie : memberCookie;
    cookies[role] = await signIn(db, id);
    const token = cookies[role]!.split("=")[1]!;
    sessionIds[role] = (await findActiveSession(db, token))!.id;
    // The same person on another device.
    const otherDevice = (await signIn(db, id)).split("=")[1]!;
    otherSessionIds[role] = (await findActiveSession(db, otherDevice))!.id;
  }
  await db
    .updateTable("members")
    .set({ deactivated_at: new Date().toISOString() })
    .where("id", "=", deactivated.id)
    .execute();
  const world: World = {
    bergenId: bergen.id,
    groupId: gutta.id,
    openGroupId: open.id,
    activityId: activity.id,
    activitySequence: activity.sequence,
    memberId: waiting.id,
    memberPseudonym: member.pseudonym,
    resetCode: resetCode!,
    inviteId: invite!.id,
    inviteCode: invite!.code,
    feedToken: feed.token,
    coordinatorEmail: coordinator.email,
    // The set-up page's secret comes from the new staff member's session.
    setupCode: currentTotpCode(pendingTotpSecret(cookies.newStaff!.split("=")[1]!)),
    ids,
    sessionIds,
    otherSessionIds,
  };
  return { world, cookies };
}

describe("the authorization matrix", () => {
  const testDb = useTestDatabase();

  it("lists every route file, and nothing that is not one", () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...routeFiles].sort());
  });

  it("has a form post row for every route with an action, and only for those", async () => {
    const withAction: string[] = [];
    for (const file of routeFiles) if ((await loadRoute(file)).action) withAction.push(file);
    const withPostRow = Object.keys(MATRIX).filter((f) => MATRIX[f]!.post);
    expect(withPostRow.sort()).toEqual(withAction.sort());
  });

  it.each(Object.keys(MATRIX).filter((f) => routeFiles.includes(f)))(
    "GET %s gives each visitor what the matrix says",
    async (file) => {
      const spec = MATRIX[file]!;
      const mod = await loadRoute(file);
      const { world, cookies } = await buildWorld(testDb());
      const actual = {} as Record<Role, string>;
      for (const role of ROLES) {
        if (!mod.loader) {
          actual[role] = "public";
          continue;
        }
        const res = await call(mod.loader, spec.path(world), { cookie: cookies[role], params: spec.params?.(world) });
        actual[role] = classify(res.status, res.headers.get("Location"));
      }
      expect(actual, `GET ${file}`).toEqual(spec.get);
    },
  );

  const postCells = Object.entries(MATRIX).flatMap(([file, spec]) =>
    spec.post && routeFiles.includes(file) ? ROLES.map((role) => [file, role, spec.post!.expect[role]] as const) : [],
  );

  it.each(postCells)("POST %s as %s: %s", async (file, role, expected) => {
    const spec = MATRIX[file]!;
    const post = spec.post!;
    const mod = await loadRoute(file);
    expect(mod.action, `${file} has an action`).toBeDefined();
    const database = testDb();
    const { world, cookies } = await buildWorld(database);
    const before = await snapshot(database.db, world.sessionIds[role]);
    const res = await call(mod.action!, spec.path(world), {
      cookie: cookies[role],
      params: spec.params?.(world),
      fields: post.fields(world),
    });
    const outcome = classify(res.status, res.headers.get("Location"));
    expect(
      outcome === "ok" && expected === "sentOn" ? "sentOn" : outcome,
      `POST ${file} as ${role} (data: ${JSON.stringify(res.data)})`,
    ).toBe(expected);
    if (expected === "sentOn") expect(res.status, "a redirect").toBeGreaterThanOrEqual(300);
    if (expected === "ok") await post.did({ db: database.db, world, role, res });
    else
      expect(await snapshot(database.db, world.sessionIds[role]), "a refused request changes nothing").toEqual(before);
  });
});
