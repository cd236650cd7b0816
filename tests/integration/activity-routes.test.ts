import { catalogFor } from "~/i18n/catalogs.server";
import {
  createSession,
  markSecondFactor,
  SESSION_POLICY,
  sessionCookieName,
} from "~/features/sessions/sessions.server";
import {
  action as activityAction,
  loader as activityLoader,
  meta as activityMeta,
} from "~/routes/activities.$activityId";
import { loader as indexLoader } from "~/routes/_index";
import { createActivity, createChapter, createGroup, createMember, createRsvp, createStaff } from "../factories";
import { useTestDatabase } from "../setup/db";

const database = useTestDatabase();
const HOUR = 60 * 60 * 1000;

async function cookieFor(owner: { memberId: string } | { staffId: string }) {
  const policy = "memberId" in owner ? SESSION_POLICY.memberSharedDevice : SESSION_POLICY.staff;
  const { token, sessionId } = await createSession(database().db, owner, policy);
  if ("staffId" in owner) await markSecondFactor(database().db, sessionId);
  return `${sessionCookieName()}=${token}`;
}

async function world() {
  const db = database().db;
  const oslo = await createChapter(db, { name: "Oslo" });
  const bergen = await createChapter(db, { name: "Bergen" });
  const women = await createGroup(db, { chapter_id: oslo.id, name: "Kvinnegruppa" });
  const men = await createGroup(db, { chapter_id: oslo.id, name: "Mannsgruppa" });
  const member = await createMember(db, { chapter_id: oslo.id, groupIds: [women.id], pseudonym: "Solsikke" });
  const activity = await createActivity(db, {
    chapter_id: oslo.id,
    group_id: women.id,
    title: "Middag på kafeen",
    description: "Vi spiser sammen. Les mer på https://example.org/meny",
    area: "Grünerløkka",
    address: "Hemmeligveien 7",
    capacity: 1,
  });
  const cookie = await cookieFor({ memberId: member.id });
  return { db, oslo, bergen, women, men, member, activity, cookie };
}

function getDetail(activityId: string, cookie?: string) {
  const request = new Request(`http://localhost/activities/${activityId}`, {
    headers: cookie ? { Cookie: cookie } : {},
  });
  return activityLoader({ request, params: { activityId }, context: {} } as never);
}

function post(activityId: string, cookie: string, fields: Array<[string, string]>) {
  const body = new URLSearchParams(fields);
  const request = new Request(`http://localhost/activities/${activityId}`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body,
  });
  return activityAction({ request, params: { activityId }, context: {} } as never);
}

/** What an action or loader answered: a thrown or returned Response, or data with a status. */
async function settle(result: Promise<unknown>): Promise<{ status: number; body?: unknown; location?: string | null }> {
  try {
    const value = await result;
    if (value instanceof Response) return { status: value.status, location: value.headers.get("Location") };
    const init = value as { type?: string; data?: unknown; init?: { status?: number } };
    if (init.type === "DataWithResponseInit") return { status: init.init?.status ?? 200, body: init.data };
    return { status: 200, body: value };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get("Location") };
    throw thrown;
  }
}

describe("the front page", () => {
  test("signed out shows no activity titles, times or places", async () => {
    const w = await world();
    const data = await indexLoader({ request: new Request("http://localhost/"), params: {}, context: {} } as never);
    const text = JSON.stringify(data);
    expect(data).toMatchObject({ kind: "welcome" });
    for (const secret of [w.activity.title, w.activity.area, w.activity.starts_at, w.activity.id])
      expect(text).not.toContain(secret);
  });

  test("signed in lists the member's activities, and a foreign group filter is ignored", async () => {
    const w = await world();
    await createActivity(w.db, { chapter_id: w.oslo.id, group_id: w.men.id, title: "Ikke for deg" });
    const request = new Request(`http://localhost/?group=${w.men.id}&week=99`, { headers: { Cookie: w.cookie } });
    const data = await indexLoader({ request, params: {}, context: {} } as never);
    if (data.kind !== "member") throw new Error("expected the member's page");
    expect(data.activities.map((a) => a.title)).toEqual(["Middag på kafeen"]);
    expect(data.filter).toEqual({ group: "", week: "", language: "", interpreterOnly: false });
    expect(data.groups.map((g) => g.name)).toEqual(["Kvinnegruppa"]);
  });

  test("staff are sent to their own start page", async () => {
    const w = await world();
    const staff = await createStaff(w.db, { chapterIds: [w.oslo.id] });
    const request = new Request("http://localhost/", { headers: { Cookie: await cookieFor({ staffId: staff.id }) } });
    expect(await settle(indexLoader({ request, params: {}, context: {} } as never))).toMatchObject({
      status: 302,
      location: "/staff",
    });
  });
});

describe("an activity page", () => {
  test("hides the address until the member says they are coming", async () => {
    const w = await world();
    const before = await settle(getDetail(w.activity.id, w.cookie));
    expect(before).toMatchObject({ status: 200, body: { activity: { address: null, area: "Grünerløkka" } } });
    expect(JSON.stringify(before.body)).not.toContain("Hemmeligveien");

    const answered = await settle(post(w.activity.id, w.cookie, [["intent", "going"]]));
    expect(answered).toMatchObject({ status: 303, location: `/activities/${w.activity.id}` });
    const after = await settle(getDetail(w.activity.id, w.cookie));
    expect(after).toMatchObject({
      body: { activity: { address: "Hemmeligveien 7", goingCount: 1 }, member: { myStatus: "going" } },
    });
  });

  test("a member on the waitlist sees their place but not the address", async () => {
    const w = await world();
    const other = await createMember(w.db, { chapter_id: w.oslo.id, groupIds: [w.women.id] });
    await createRsvp(w.db, { activity_id: w.activity.id, member_id: other.id, status: "going" });
    await settle(post(w.activity.id, w.cookie, [["intent", "going"]]));
    const page = await settle(getDetail(w.activity.id, w.cookie));
    expect(page).toMatchObject({
      body: { activity: { address: null }, member: { myStatus: "waitlisted", waitlistPosition: 1 } },
    });
  });

  test("is a 404 for unknown ids and for activities the member may not see, for reading and answering", async () => {
    const w = await world();
    const otherGroup = await createActivity(w.db, { chapter_id: w.oslo.id, group_id: w.men.id });
    const otherChapter = await createActivity(w.db, { chapter_id: w.bergen.id });
    for (const id of [otherGroup.id, otherChapter.id, "unknown", "'; drop table rsvps; --"]) {
      expect(await settle(getDetail(id, w.cookie))).toMatchObject({ status: 404 });
      expect(await settle(post(id, w.cookie, [["intent", "going"]]))).toMatchObject({ status: 404 });
    }
    expect(await w.db.selectFrom("rsvps").selectAll().execute()).toEqual([]);
  });

  test("sends someone signed out to sign in, whatever the id", async () => {
    const w = await world();
    const page = await settle(getDetail(w.activity.id));
    expect(page.status).toBe(302);
    expect(page.location).toMatch(/^\/login\?redirectTo=/);
  });

  test("shows staff everything, address included, when their chapters cover it; other staff get a 404", async () => {
    const w = await world();
    const osloStaff = await createStaff(w.db, { chapterIds: [w.oslo.id] });
    const bergenStaff = await createStaff(w.db, { chapterIds: [w.bergen.id] });
    expect(await settle(getDetail(w.activity.id, await cookieFor({ staffId: osloStaff.id })))).toMatchObject({
      status: 200,
      body: { view: "staff", activity: { address: "Hemmeligveien 7" } },
    });
    expect(await settle(getDetail(w.activity.id, await cookieFor({ staffId: bergenStaff.id })))).toMatchObject({
      status: 404,
    });
  });

  test("has a neutral page title that never names the activity", () => {
    const { key, catalog } = catalogFor("nb", "member");
    const matches = [{ id: "root", data: { locale: "nb", siteName: "Møteplass", catalog, catalogKey: key } }];
    expect(activityMeta({ matches } as never)).toEqual([{ title: "Aktivitet – Møteplass" }]);
  });
});

describe("answering", () => {
  test("bad input is a 400 with field errors, keeps what was typed, and saves nothing", async () => {
    const w = await world();
    const cases: Array<[Array<[string, string]>, Record<string, string>]> = [
      [[], { intent: "activities.chooseAnswer" }],
      [[["intent", "maybe"]], { intent: "activities.chooseAnswer" }],
      [
        [
          ["intent", "going"],
          ["note", "x".repeat(501)],
        ],
        { note: "activities.noteTooLong" },
      ],
      [
        [
          ["intent", "going"],
          ["note", "hei \u202Eedoc.exe"],
        ],
        { note: "activities.noteCharacters" },
      ],
    ];
    for (const [fields, errors] of cases) {
      const result = await settle(post(w.activity.id, w.cookie, fields));
      expect(result.status).toBe(400);
      expect((result.body as { errors: Record<string, string> }).errors).toEqual(errors);
    }
    const long = await settle(
      post(w.activity.id, w.cookie, [
        ["intent", "going"],
        ["note", "y".repeat(600)],
      ]),
    );
    expect((long.body as { values: Record<string, string> }).values.note).toBe("y".repeat(600));
    expect(await w.db.selectFrom("rsvps").selectAll().execute()).toEqual([]);
  });

  test("a body that is not a form is a 400, not a 500", async () => {
    const w = await world();
    const request = new Request(`http://localhost/activities/${w.activity.id}`, {
      method: "POST",
      headers: { Cookie: w.cookie, "Content-Type": "multipart/form-data; boundary=nothing" },
      body: "garbage",
    });
    expect(
      await settle(activityAction({ request, params: { activityId: w.activity.id }, context: {} } as never)),
    ).toMatchObject({
      status: 400,
    });
  });

  test("HTML and script in the note are stored as text; extra fields like memberId and role are ignored", async () => {
    const w = await world();
    const other = await createMember(w.db, { chapter_id: w.oslo.id, groupIds: [w.women.id] });
    const note = '<script>alert("x")</script> <b>tolk</b>';
    const result = await settle(
      post(w.activity.id, w.cookie, [
        ["intent", "going"],
        ["note", note],
        ["memberId", other.id],
        ["role", "admin"],
        ["status", "going"],
        ["arrival", "0"],
        ["intent", "withdraw"],
      ]),
    );
    expect(result.status).toBe(303);
    const rows = await w.db.selectFrom("rsvps").select(["member_id", "status", "note", "arrival"]).execute();
    expect(rows).toEqual([{ member_id: w.member.id, status: "going", note, arrival: 1 }]);
  });

  test("a double-clicked submit saves one answer", async () => {
    const w = await world();
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        settle(
          post(w.activity.id, w.cookie, [
            ["intent", "going"],
            ["showPseudonym", "on"],
          ]),
        ),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([303, 303, 303]);
    const rows = await w.db.selectFrom("rsvps").select(["status", "show_pseudonym"]).execute();
    expect(rows).toEqual([{ status: "going", show_pseudonym: 1 }]);
    const page = await settle(getDetail(w.activity.id, w.cookie));
    expect(page).toMatchObject({ body: { activity: { goingCount: 1, shownPseudonyms: ["Solsikke"] } } });
  });

  test("after the deadline the answer is refused with a message, not an error page", async () => {
    const w = await world();
    const closed = await createActivity(w.db, {
      chapter_id: w.oslo.id,
      rsvp_deadline: new Date(Date.now() - HOUR).toISOString(),
    });
    const result = await settle(post(closed.id, w.cookie, [["intent", "going"]]));
    expect(result).toMatchObject({ status: 409, body: { errors: { form: "activities.closed" } } });
    expect(await settle(getDetail(closed.id, w.cookie))).toMatchObject({ body: { block: "closed" } });
  });

  test("withdrawing takes the answer away and gives the place to the first on the waitlist", async () => {
    const w = await world();
    const other = await createMember(w.db, { chapter_id: w.oslo.id, groupIds: [w.women.id] });
    // Under a day away, so the freed place is given at once rather than offered.
    const soon = new Date(Date.now() + 20 * 60 * 60 * 1000);
    await w.db
      .updateTable("activities")
      .set({ starts_at: soon.toISOString(), ends_at: new Date(soon.getTime() + 7_200_000).toISOString() })
      .where("id", "=", w.activity.id)
      .execute();
    await settle(post(w.activity.id, w.cookie, [["intent", "going"]]));
    await createRsvp(w.db, { activity_id: w.activity.id, member_id: other.id, status: "waitlisted" });
    expect(await settle(post(w.activity.id, w.cookie, [["intent", "withdraw"]]))).toMatchObject({ status: 303 });
    const rows = await w.db.selectFrom("rsvps").select(["member_id", "status"]).execute();
    expect(rows).toEqual([{ member_id: other.id, status: "going" }]);
  });
});
