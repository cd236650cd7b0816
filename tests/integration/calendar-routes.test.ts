// The calendar routes over HTTP semantics: the feed, the one-off download, /me/calendar and
// /staff/calendar, called the way Remix calls them.
vi.mock("~/features/calendar/build-feed.server", async (importOriginal) => {
  const real = await importOriginal<typeof import("~/features/calendar/build-feed.server")>();
  return { ...real, buildFeedCalendar: vi.fn(real.buildFeedCalendar) };
});

import { buildFeedCalendar, feedCache, feedChangeClock } from "~/features/calendar/build-feed.server";
import { loader as feedLoader } from "~/routes/calendar.$token[.ics]";
import { loader as downloadLoader } from "~/routes/activities.$activityId.calendar[.ics]";
import { action as myCalendarAction, loader as myCalendarLoader } from "~/routes/me_.calendar";
import { action as staffCalendarAction, loader as staffCalendarLoader } from "~/routes/staff.calendar";
import { createSession, markSecondFactor, SESSION_POLICY } from "~/features/sessions/sessions.server";
import { createFeedToken, rotateFeedToken } from "~/features/calendar/feed-tokens.server";
import { loadCalendarSection } from "~/features/calendar/member-calendar.server";
import { useTestDatabase } from "../setup/db";
import { createActivity, createChapter, createGroup, createMember, createRsvp, createStaff } from "../factories";
import { parseCalendar } from "./ical-client";

const database = useTestDatabase();
const built = vi.mocked(buildFeedCalendar);

beforeEach(() => {
  feedCache.clear();
  feedChangeClock.clear();
  built.mockClear();
});

const inDays = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString();

function getFeed(token: string, { headers = {}, method = "GET", address = "192.0.2.10" } = {}) {
  const request = new Request(`http://localhost/calendar/${token}.ics`, { method, headers });
  return feedLoader({ request, params: { token }, context: { clientAddress: address } } as any) as Promise<Response>;
}

async function memberWithFeed() {
  const db = database().db;
  const chapter = await createChapter(db);
  const group = await createGroup(db, { chapter_id: chapter.id });
  const member = await createMember(db, { chapter_id: chapter.id, groupIds: [group.id] });
  const activity = await createActivity(db, {
    chapter_id: chapter.id,
    group_id: group.id,
    starts_at: inDays(3),
    address: "Gata 1",
  });
  await createRsvp(db, { activity_id: activity.id, member_id: member.id });
  const { token } = await createFeedToken(db, { memberId: member.id });
  return { db, chapter, group, member, activity, token };
}

async function cookieFor(owner: { memberId: string } | { staffId: string }) {
  const db = database().db;
  const session = await createSession(
    db,
    owner,
    "memberId" in owner ? SESSION_POLICY.memberSharedDevice : SESSION_POLICY.staff,
  );
  if ("staffId" in owner) await markSecondFactor(db, session.sessionId);
  return session.cookie.split(";")[0]!;
}

/** Calls an action with a form; returns status, headers and data (whether returned, thrown or wrapped in data()). */
async function post(
  fn: (args: any) => Promise<unknown>,
  path: string,
  fields: Record<string, string>,
  cookie?: string,
) {
  const request = new Request(`http://localhost${path}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  });
  try {
    const result = (await fn({ request, params: {}, context: {} })) as any;
    if (result instanceof Response) return { status: result.status, headers: result.headers, data: undefined as any };
    if (result && typeof result === "object" && "init" in result && "data" in result) {
      return { status: result.init?.status ?? 200, headers: new Headers(result.init?.headers), data: result.data };
    }
    return { status: 200, headers: new Headers(), data: result };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, headers: thrown.headers, data: undefined as any };
    throw thrown;
  }
}

describe("GET /calendar/<token>.ics", () => {
  test("answers 200 with the calendar, its validators and private revalidation", async () => {
    const { token, activity } = await memberWithFeed();
    const response = await getFeed(token);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toBe("private, no-cache");
    expect(response.headers.get("ETag")).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
    expect(Date.parse(response.headers.get("Last-Modified")!)).not.toBeNaN();
    const { events } = parseCalendar(await response.text());
    expect(events.map((e) => [e.uid, e.status, e.location])).toEqual([
      [`${activity.id}@kalender.invalid`, "CONFIRMED", "Gata 1"],
    ]);
  });

  test("answers 304 to a matching If-None-Match without building the calendar", async () => {
    const { token } = await memberWithFeed();
    const etag = (await getFeed(token)).headers.get("ETag")!;
    feedCache.clear(); // so a full answer would have to build
    built.mockClear();

    for (const ifNoneMatch of [etag, etag.replace(/^W\//, ""), `"something-else", ${etag}`, "*"]) {
      const response = await getFeed(token, { headers: { "If-None-Match": ifNoneMatch } });
      expect(response.status).toBe(304);
      expect(response.body).toBeNull();
      expect(response.headers.get("ETag")).toBe(etag);
      expect(response.headers.get("Cache-Control")).toBe("private, no-cache");
    }
    expect(built).not.toHaveBeenCalled();
    expect((await getFeed(token, { headers: { "If-None-Match": '"stale"' } })).status).toBe(200);
    expect(built).toHaveBeenCalledTimes(1);
  });

  test("answers 304 to If-Modified-Since at or after Last-Modified without building, and 200 before it", async () => {
    const { token } = await memberWithFeed();
    const lastModified = (await getFeed(token)).headers.get("Last-Modified")!;
    feedCache.clear();
    built.mockClear();

    expect((await getFeed(token, { headers: { "If-Modified-Since": lastModified } })).status).toBe(304);
    expect(built).not.toHaveBeenCalled();
    const hourBefore = new Date(Date.parse(lastModified) - 3600_000).toUTCString();
    expect((await getFeed(token, { headers: { "If-Modified-Since": hourBefore } })).status).toBe(200);
    expect((await getFeed(token, { headers: { "If-Modified-Since": "not a date" } })).status).toBe(200);
  });

  test("a change makes the old validators stale, and only then is the calendar built again", async () => {
    const { db, token, member, chapter, group } = await memberWithFeed();
    const first = await getFeed(token);
    await getFeed(token);
    expect(built).toHaveBeenCalledTimes(1);

    const added = await createActivity(db, { chapter_id: chapter.id, group_id: group.id, starts_at: inDays(5) });
    await createRsvp(db, { activity_id: added.id, member_id: member.id, status: "waitlisted" });
    const response = await getFeed(token, { headers: { "If-None-Match": first.headers.get("ETag")! } });
    expect(response.status).toBe(200);
    expect(response.headers.get("ETag")).not.toBe(first.headers.get("ETag"));
    expect(parseCalendar(await response.text()).events.map((e) => e.status)).toEqual(["CONFIRMED", "TENTATIVE"]);
    expect(built).toHaveBeenCalledTimes(2);
  });

  test("a rotated token answers exactly like an unknown one, and so does a deactivated member's", async () => {
    const { db, token, member } = await memberWithFeed();
    const unknown = await getFeed("x".repeat(43));
    await rotateFeedToken(db, { memberId: member.id });
    const rotated = await getFeed(token);

    const other = await memberWithFeed();
    await db
      .updateTable("members")
      .set({ deactivated_at: new Date().toISOString() })
      .where("id", "=", other.member.id)
      .execute();
    const deactivated = await getFeed(other.token);

    const describe = async (r: Response) => ({
      status: r.status,
      headers: [...r.headers.entries()],
      body: await r.text(),
    });
    const expected = await describe(unknown);
    expect(expected.status).toBe(404);
    expect(await describe(rotated)).toEqual(expected);
    expect(await describe(deactivated)).toEqual(expected);
  });

  test("limits unknown tokens per client address", async () => {
    for (let i = 0; i < 30; i++)
      expect((await getFeed(`${"u".repeat(40)}${String(i).padStart(3, "0")}`)).status).toBe(404);
    const limited = await getFeed("v".repeat(43));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await getFeed("v".repeat(43), { address: "198.51.100.7" })).status).toBe(404);
  });

  test("limits full answers per feed, while 304s stay free", async () => {
    const { token } = await memberWithFeed();
    let etag = "";
    for (let i = 0; i < 120; i++) {
      const response = await getFeed(token);
      expect(response.status).toBe(200);
      etag = response.headers.get("ETag")!;
    }
    expect((await getFeed(token)).status).toBe(429);
    expect((await getFeed(token, { headers: { "If-None-Match": etag } })).status).toBe(304);
  });
});

describe("GET /activities/<id>/calendar.ics", () => {
  test("gives a signed-in member who is going the activity with its address, as a neutral attachment", async () => {
    const { member, activity } = await memberWithFeed();
    const request = new Request(`http://localhost/activities/${activity.id}/calendar.ics`, {
      headers: { Cookie: await cookieFor({ memberId: member.id }) },
    });
    const response = (await downloadLoader({
      request,
      params: { activityId: activity.id },
      context: {},
    } as any)) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="avtale.ics"; filename*=UTF-8''avtale.ics`,
    );
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const { events } = parseCalendar(await response.text());
    expect(events.map((e) => [e.uid, e.status, e.location])).toEqual([
      [`${activity.id}@kalender.invalid`, "CONFIRMED", "Gata 1"],
    ]);
  });

  test("answers 404 for an activity the member may not see, exactly as for one that does not exist", async () => {
    const { db, member } = await memberWithFeed();
    const otherChapter = await createChapter(db);
    const hidden = await createActivity(db, { chapter_id: otherChapter.id, starts_at: inDays(2) });
    const cookie = await cookieFor({ memberId: member.id });
    const fetchFor = (id: string) =>
      downloadLoader({
        request: new Request(`http://localhost/activities/${id}/calendar.ics`, { headers: { Cookie: cookie } }),
        params: { activityId: id },
        context: {},
      } as any) as Promise<Response>;
    const hiddenResponse = await fetchFor(hidden.id);
    const missingResponse = await fetchFor("00000000-0000-0000-0000-000000000000");
    expect(hiddenResponse.status).toBe(404);
    expect(await hiddenResponse.text()).toBe(await missingResponse.text());
  });

  test("sends someone who is not signed in to sign in", async () => {
    const { activity } = await memberWithFeed();
    const request = new Request(`http://localhost/activities/${activity.id}/calendar.ics`);
    const thrown = await (
      downloadLoader({ request, params: { activityId: activity.id }, context: {} } as any) as Promise<Response>
    ).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).headers.get("Location")).toMatch(/^\/login/);
  });
});

describe("/me/calendar", () => {
  test("makes a link that works, shows it once, and a new link ends the old one", async () => {
    const { member } = await memberWithFeed();
    const cookie = await cookieFor({ memberId: member.id });
    const first = await post(myCalendarAction, "/me/calendar", { intent: "link" }, cookie);
    expect(first.status).toBe(200);
    expect(first.headers.get("Cache-Control")).toBe("no-store");
    const firstToken = /^http:\/\/localhost\/calendar\/([A-Za-z0-9_-]{43})\.ics$/.exec(first.data.newLink.https)![1]!;
    expect(first.data.newLink.webcal).toBe(`webcal://localhost/calendar/${firstToken}.ics`);
    expect((await getFeed(firstToken)).status).toBe(200);

    const second = await post(myCalendarAction, "/me/calendar", { intent: "link" }, cookie);
    const secondToken = /calendar\/([^/]+)\.ics$/.exec(second.data.newLink.https)![1]!;
    expect((await getFeed(firstToken)).status).toBe(404);
    expect((await getFeed(secondToken)).status).toBe(200);

    // The page can say a link exists and when it was made, but never show it again.
    const page = (await myCalendarLoader({
      request: new Request("http://localhost/me/calendar", { headers: { Cookie: cookie } }),
      params: {},
      context: {},
    } as any)) as any;
    expect(page.section.linkCreatedAt).toEqual(expect.any(String));
    expect(JSON.stringify(page)).not.toContain(secondToken);
  });

  test("sets both feed settings, and sending the same form twice changes nothing more", async () => {
    const { db, member } = await memberWithFeed();
    const cookie = await cookieFor({ memberId: member.id });
    for (let i = 0; i < 2; i++) {
      const result = await post(myCalendarAction, "/me/calendar", { intent: "settings", discreetTitles: "on" }, cookie);
      expect(result.data).toEqual({ intent: "settings", saved: true });
      expect(await loadCalendarSection(db, member)).toMatchObject({ discreetTitles: true, allActivities: false });
    }
    await post(myCalendarAction, "/me/calendar", { intent: "settings", allActivities: "on" }, cookie);
    expect(await loadCalendarSection(db, member)).toMatchObject({ discreetTitles: false, allActivities: true });
  });

  test("refuses unknown intents with 400 and sends visitors who are not signed in to sign in", async () => {
    const { member } = await memberWithFeed();
    const cookie = await cookieFor({ memberId: member.id });
    expect((await post(myCalendarAction, "/me/calendar", { intent: "delete-everything" }, cookie)).status).toBe(400);
    const anonymous = await post(myCalendarAction, "/me/calendar", { intent: "link" });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login/);
  });
});

describe("/staff/calendar", () => {
  test("a coordinator makes a link for their own chapter (audited), and gets 404 for another chapter", async () => {
    const db = database().db;
    const mine = await createChapter(db, { name: "Bergen" });
    const other = await createChapter(db, { name: "Oslo" });
    await createActivity(db, { chapter_id: mine.id, starts_at: inDays(2), address: "Gata 9" });
    const staff = await createStaff(db, { chapterIds: [mine.id] });
    const cookie = await cookieFor({ staffId: staff.id });

    const page = (await staffCalendarLoader({
      request: new Request("http://localhost/staff/calendar", { headers: { Cookie: cookie } }),
      params: {},
      context: {},
    } as any)) as any;
    expect(page.chapters).toEqual([{ chapterId: mine.id, name: "Bergen", linkCreatedAt: null }]);

    const made = await post(staffCalendarAction, "/staff/calendar", { intent: "link", chapterId: mine.id }, cookie);
    expect(made.status).toBe(200);
    const token = /calendar\/([^/]+)\.ics$/.exec(made.data.newLink.https)![1]!;
    const feed = await getFeed(token);
    expect(parseCalendar(await feed.text()).events.map((e) => e.location)).toEqual(["Gata 9"]);
    expect(await db.selectFrom("audit_log").select(["action", "object_id"]).execute()).toEqual([
      { action: "calendar_feed.replace", object_id: mine.id },
    ]);

    expect(
      (await post(staffCalendarAction, "/staff/calendar", { intent: "link", chapterId: other.id }, cookie)).status,
    ).toBe(404);
  });
});
