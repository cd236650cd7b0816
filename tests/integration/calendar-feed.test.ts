// Feeds as calendar apps read them: every calendar here is parsed with ical.js.
import type { AppDatabase } from "../../db/connection";
import { buildFeedCalendar } from "~/features/calendar/build-feed.server";
import {
  createFeedToken,
  findFeedByToken,
  revokeFeedTokensOf,
  rotateFeedToken,
  type Feed,
} from "~/features/calendar/feed-tokens.server";
import { feedVersion } from "~/features/calendar/feed-version.server";
import { listFeedActivities } from "~/features/calendar/feed-activities.server";
import { updateFeedSettings } from "~/features/calendar/member-calendar.server";
import { rsvpGoing, rsvpNotGoing, withdrawRsvp } from "~/features/answers/answers.server";
import { cancelActivity, updateActivity } from "~/features/activities/staff-activities.server";
import { hashSecret } from "~/platform/secrets.server";
import { useTestDatabase } from "../setup/db";
import { createActivity, createChapter, createGroup, createMember, createRsvp, createStaff } from "../factories";
import { parseCalendar } from "./ical-client";

const database = useTestDatabase();
const NOW = new Date("2027-03-01T12:00:00.000Z");
const DAY_MS = 24 * 60 * 60 * 1000;
/** An admin who makes changes (and is named in the audit rows they write). */
async function anAdmin(db: AppDatabase) {
  const staff = await createStaff(db, { role: "admin" });
  return { id: staff.id, role: "admin" as const, chapterIds: [] };
}

async function calendarOf(db: AppDatabase, feed: Feed, now = NOW) {
  return buildFeedCalendar(await listFeedActivities(db, feed, now), {
    audience: feed.kind,
    locale: feed.kind === "member" ? feed.locale : "nb",
    discreetTitles: feed.kind === "member" && feed.discreetTitles,
    calendarName: "Kalender",
  });
}

async function feedOf(db: AppDatabase, owner: Parameters<typeof createFeedToken>[1]) {
  const { token } = await createFeedToken(db, owner, NOW);
  const feed = await findFeedByToken(db, token);
  if (!feed) throw new Error("the new token found no feed");
  return feed;
}

/** A member of one group in one chapter, with a feed. */
async function memberWithFeed(fields: Partial<Parameters<typeof createMember>[1]> = {}) {
  const db = database().db;
  const chapter = await createChapter(db);
  const group = await createGroup(db, { chapter_id: chapter.id });
  const member = await createMember(db, { chapter_id: chapter.id, groupIds: [group.id], ...fields });
  const feed = await feedOf(db, { memberId: member.id });
  const activity = (at: string, more: Partial<Parameters<typeof createActivity>[1]> = {}) =>
    createActivity(db, { chapter_id: chapter.id, group_id: group.id, starts_at: at, ...more });
  return { db, chapter, group, member, feed, activity };
}

const inDays = (days: number) => new Date(NOW.getTime() + days * DAY_MS).toISOString();

describe("a member's feed", () => {
  test("holds what the member is going to as CONFIRMED and waitlisted for as TENTATIVE, and nothing else", async () => {
    const { db, member, feed, activity } = await memberWithFeed();
    const going = await activity(inDays(3), { title: "Middag" });
    const waiting = await activity(inDays(4), { title: "Tur" });
    const declined = await activity(inDays(5), { title: "Kino" });
    await activity(inDays(6), { title: "Ikke svart" });
    await createRsvp(db, { activity_id: going.id, member_id: member.id, status: "going" });
    await createRsvp(db, { activity_id: waiting.id, member_id: member.id, status: "waitlisted" });
    await createRsvp(db, { activity_id: declined.id, member_id: member.id, status: "not_going" });

    const { events } = parseCalendar(await calendarOf(db, feed));
    expect(events.map((e) => [e.summary, e.status])).toEqual([
      ["Middag", "CONFIRMED"],
      ["Tur", "TENTATIVE"],
    ]);
    expect(events[1]!.transparency).toBe("TRANSPARENT");
    expect(events[0]!.transparency).toBeNull();
  });

  test("shows a place offered to the member as TENTATIVE, saying so, beside going (CONFIRMED) and the plain waitlist", async () => {
    const { db, member, feed, activity } = await memberWithFeed({ locale: "en" });
    const going = await activity(inDays(3), { title: "Middag" });
    const offered = await activity(inDays(4), { title: "Tur" });
    const waiting = await activity(inDays(5), { title: "Kino" });
    const lapsed = await activity(inDays(6), { title: "Bading" });
    await createRsvp(db, { activity_id: going.id, member_id: member.id, status: "going" });
    await createRsvp(db, { activity_id: offered.id, member_id: member.id, status: "waitlisted" });
    await db
      .updateTable("rsvps")
      .set({ offer_expires_at: inDays(1) })
      .where("activity_id", "=", offered.id)
      .execute();
    await createRsvp(db, { activity_id: waiting.id, member_id: member.id, status: "waitlisted" });
    // An offer that ran out leaves her "not going": the activity leaves the feed.
    await createRsvp(db, { activity_id: lapsed.id, member_id: member.id, status: "not_going" });

    const { events } = parseCalendar(await calendarOf(db, feed));
    expect(events.map((e) => [e.summary, e.status, e.transparency, e.description])).toEqual([
      ["Middag", "CONFIRMED", null, expect.stringContaining("You are going.")],
      ["Tur", "TENTATIVE", "TRANSPARENT", expect.stringContaining("A place is offered to you.")],
      ["Kino", "TENTATIVE", "TRANSPARENT", expect.stringContaining("You are on the waiting list.")],
    ]);
  });

  test("with 'all activities' on, also shows unanswered ones it may see as TENTATIVE, never other groups' or chapters'", async () => {
    const { db, chapter, member, activity } = await memberWithFeed({ feed_all_group_activities: 1 });
    const feed = (await findFeedByToken(db, (await rotateFeedToken(db, { memberId: member.id }, NOW)).token))!;
    await activity(inDays(2), { title: "Gruppe" });
    await createActivity(db, {
      chapter_id: chapter.id,
      group_id: null,
      starts_at: inDays(3),
      title: "Hele lokallaget",
    });
    await createActivity(db, { chapter_id: null, group_id: null, starts_at: inDays(4), title: "Nasjonal" });
    const otherGroup = await createGroup(db, { chapter_id: chapter.id });
    await createActivity(db, {
      chapter_id: chapter.id,
      group_id: otherGroup.id,
      starts_at: inDays(5),
      title: "Annen gruppe",
    });
    const otherChapter = await createChapter(db);
    await createActivity(db, {
      chapter_id: otherChapter.id,
      group_id: null,
      starts_at: inDays(6),
      title: "Annet lokallag",
    });
    const declined = await activity(inDays(7), { title: "Sa nei" });
    await createRsvp(db, { activity_id: declined.id, member_id: member.id, status: "not_going" });

    const { events } = parseCalendar(await calendarOf(db, feed));
    expect(events.map((e) => [e.summary, e.status, e.transparency])).toEqual([
      ["Gruppe", "TENTATIVE", "TRANSPARENT"],
      ["Hele lokallaget", "TENTATIVE", "TRANSPARENT"],
      ["Nasjonal", "TENTATIVE", "TRANSPARENT"],
    ]);
    expect(events[0]!.description).toContain("Du har ikke svart ennå.");
  });

  test("shows 18:00 Oslo time on both sides of both clock changes, with the right UTC instants", async () => {
    const { db, member, feed, activity } = await memberWithFeed();
    const times = [
      "2027-03-25T17:00:00.000Z", // Thursday before summer time: 18:00 CET
      "2027-04-01T16:00:00.000Z", // Thursday after: 18:00 CEST
      "2027-10-28T16:00:00.000Z", // Thursday before winter time: 18:00 CEST
      "2027-11-04T17:00:00.000Z", // Thursday after: 18:00 CET
    ];
    for (const at of times) {
      const a = await activity(at);
      await createRsvp(db, { activity_id: a.id, member_id: member.id });
    }
    const calendar = parseCalendar(await calendarOf(db, feed));
    expect(calendar.timezoneIds).toEqual(["Europe/Oslo"]);
    expect(calendar.events.map((e) => [e.startZone, e.startLocal, e.startUtc])).toEqual([
      ["Europe/Oslo", "2027-03-25T18:00:00", "2027-03-25T17:00:00.000Z"],
      ["Europe/Oslo", "2027-04-01T18:00:00", "2027-04-01T16:00:00.000Z"],
      ["Europe/Oslo", "2027-10-28T18:00:00", "2027-10-28T16:00:00.000Z"],
      ["Europe/Oslo", "2027-11-04T18:00:00", "2027-11-04T17:00:00.000Z"],
    ]);
    expect(calendar.events.map((e) => e.endLocal)).toEqual([
      "2027-03-25T20:00:00",
      "2027-04-01T20:00:00",
      "2027-10-28T20:00:00",
      "2027-11-04T20:00:00",
    ]);
  });

  test("keeps both readings of the repeated October hour apart", async () => {
    const { db, member, feed, activity } = await memberWithFeed();
    for (const at of ["2027-10-31T00:30:00.000Z", "2027-10-31T01:30:00.000Z"]) {
      const a = await activity(at, { ends_at: new Date(Date.parse(at) + 20 * 60 * 1000).toISOString() });
      await createRsvp(db, { activity_id: a.id, member_id: member.id });
    }
    const text = await calendarOf(db, feed);
    const { events } = parseCalendar(text);
    expect(events.map((e) => e.startUtc)).toEqual(["2027-10-31T00:30:00.000Z", "2027-10-31T01:30:00.000Z"]);
    // Clients read a repeated local time differently, so these two are written in UTC.
    expect(text).toContain("DTSTART:20271031T003000Z");
    expect(text).toContain("DTSTART:20271031T013000Z");
  });

  test("gives the exact address only in events the member is going to", async () => {
    const { db, member, activity } = await memberWithFeed({ feed_all_group_activities: 1 });
    const feed = (await findFeedByToken(db, (await rotateFeedToken(db, { memberId: member.id }, NOW)).token))!;
    const going = await activity(inDays(2), { area: "Grünerløkka", address: "Hemmelig gate 1" });
    const waiting = await activity(inDays(3), { area: "Sentrum", address: "Hemmelig gate 2" });
    await activity(inDays(4), { area: "Majorstuen", address: "Hemmelig gate 3" });
    await createRsvp(db, { activity_id: going.id, member_id: member.id, status: "going" });
    await createRsvp(db, { activity_id: waiting.id, member_id: member.id, status: "waitlisted" });

    const text = await calendarOf(db, feed);
    expect(parseCalendar(text).events.map((e) => e.location)).toEqual(["Hemmelig gate 1", "Sentrum", "Majorstuen"]);
    expect(text).not.toContain("Hemmelig gate 2");
    expect(text).not.toContain("Hemmelig gate 3");
  });

  test("with discreet titles, every event is 'Avtale' with no description, and only a going event keeps its address", async () => {
    const { db, member, activity } = await memberWithFeed({ discreet_titles: 1 });
    const feed = (await findFeedByToken(db, (await rotateFeedToken(db, { memberId: member.id }, NOW)).token))!;
    const going = await activity(inDays(2), {
      title: "Kvinnegruppa: middag",
      description: "Ta med mat",
      area: "Grünerløkka",
      address: "Gata 1",
    });
    const waiting = await activity(inDays(3), { title: "Samtalegruppe", area: "Sentrum", address: "Gata 2" });
    await createRsvp(db, { activity_id: going.id, member_id: member.id, status: "going" });
    await createRsvp(db, { activity_id: waiting.id, member_id: member.id, status: "waitlisted" });

    const text = await calendarOf(db, feed);
    const { events } = parseCalendar(text);
    expect(events.map((e) => [e.summary, e.description, e.location])).toEqual([
      ["Avtale", null, "Gata 1"],
      ["Avtale", null, null],
    ]);
    for (const secret of [
      "Kvinnegruppa",
      "middag",
      "Ta med mat",
      "Grünerløkka",
      "Samtalegruppe",
      "Sentrum",
      "Gata 2",
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  test("uses the neutral title of the member's language", async () => {
    const { db, member, activity } = await memberWithFeed({ discreet_titles: 1, locale: "en" });
    const feed = (await findFeedByToken(db, (await rotateFeedToken(db, { memberId: member.id }, NOW)).token))!;
    const a = await activity(inDays(2), { title: "Middag" });
    await createRsvp(db, { activity_id: a.id, member_id: member.id });
    expect(parseCalendar(await calendarOf(db, feed)).events[0]!.summary).toBe("Appointment");
  });

  test("keeps a cancelled activity as CANCELLED for 30 days after it was cancelled, then drops it", async () => {
    const { db, member, feed, activity } = await memberWithFeed();
    const a = await activity(inDays(40));
    await createRsvp(db, { activity_id: a.id, member_id: member.id });
    const cancelledAt = new Date(NOW.getTime() + DAY_MS);
    expect(
      await cancelActivity(
        db,
        await anAdmin(db),
        { activityId: a.id, expectedSequence: 0, reason: "Lederen er syk" },
        cancelledAt,
      ),
    ).toMatchObject({
      ok: true,
    });

    const soon = parseCalendar(await calendarOf(db, feed, new Date(cancelledAt.getTime() + 29 * DAY_MS)));
    expect(soon.events.map((e) => [e.uid, e.status, e.sequence])).toEqual([
      [`${a.id}@kalender.invalid`, "CANCELLED", 1],
    ]);
    expect(soon.events[0]!.location).toBe("Sentrum");

    const later = parseCalendar(await calendarOf(db, feed, new Date(cancelledAt.getTime() + 31 * DAY_MS)));
    expect(later.events).toEqual([]);
  });

  test("drops an activity the member stops going to, whether they say 'not going' or withdraw", async () => {
    const { db, member, chapter, feed, activity } = await memberWithFeed();
    const a = await activity(inDays(3));
    const b = await activity(inDays(4));
    const who = { id: member.id, chapterId: chapter.id };
    await rsvpGoing(db, who, { activityId: a.id, note: null, showPseudonym: false }, NOW);
    await rsvpGoing(db, who, { activityId: b.id, note: null, showPseudonym: false }, NOW);
    expect(parseCalendar(await calendarOf(db, feed)).events).toHaveLength(2);

    await rsvpNotGoing(db, who, { activityId: a.id, note: null }, NOW);
    await withdrawRsvp(db, who, { activityId: b.id }, NOW);
    expect(parseCalendar(await calendarOf(db, feed)).events).toEqual([]);
  });

  test("keeps the UID and raises SEQUENCE when staff edit the activity", async () => {
    const { db, member, feed, activity } = await memberWithFeed();
    const a = await activity(inDays(3), { title: "Middag" });
    await createRsvp(db, { activity_id: a.id, member_id: member.id });
    const before = parseCalendar(await calendarOf(db, feed)).events[0]!;

    const result = await updateActivity(
      db,
      await anAdmin(db),
      {
        activityId: a.id,
        expectedSequence: a.sequence,
        title: "Middag, ny tid",
        description: "",
        area: a.area,
        address: a.address,
        capacity: a.capacity,
        languages: a.languages,
        interpreterAvailable: false,
        startsAt: inDays(3.5),
        endsAt: inDays(3.6),
        rsvpDeadline: null,
      },
      new Date(NOW.getTime() + 1000),
    );
    expect(result).toMatchObject({ ok: true });
    const after = parseCalendar(await calendarOf(db, feed)).events[0]!;
    expect(after.uid).toBe(before.uid);
    expect(after.uid).toBe(`${a.id}@kalender.invalid`);
    expect(after.sequence).toBe(before.sequence + 1);
    expect(after.summary).toBe("Middag, ny tid");
    expect(after.dtstamp).toBe("2027-03-01T12:00:01Z");
    expect(after.lastModified).toBe("2027-03-01T12:00:01Z");
  });

  test("gives byte-identical text for unchanged data, whatever time it is asked", async () => {
    const { db, member, feed, activity } = await memberWithFeed();
    for (const days of [2, 9, 30]) {
      const a = await activity(inDays(days), { title: `Aktivitet ${days}`, description: "Linje 1\nLinje 2" });
      await createRsvp(db, { activity_id: a.id, member_id: member.id });
    }
    const first = await calendarOf(db, feed);
    const again = await calendarOf(db, feed, new Date(NOW.getTime() + 60 * 60 * 1000));
    expect(again).toBe(first);
  });

  test("survives hostile and long titles: the right number of events with the right text, lines folded within 75 octets", async () => {
    const { db, member, feed, activity } = await memberWithFeed();
    const hostile = [
      "Middag\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil@example.com\r\nSUMMARY:Injisert",
      "Kafé; med, komma \\ og kolon: 😀🎉 عربي",
      "ø".repeat(80) + "😀".repeat(40) + "漢".repeat(80),
      "Line\rbreak\nand\r\nmore",
    ];
    for (const [i, title] of hostile.entries()) {
      const a = await activity(inDays(2 + i), { title, description: `END:VCALENDAR\r\nBEGIN:VEVENT ${title}` });
      await createRsvp(db, { activity_id: a.id, member_id: member.id });
    }
    const text = await calendarOf(db, feed);
    const { events } = parseCalendar(text);
    expect(events).toHaveLength(4);
    // ical.js reads escaped line breaks back as "\n"; everything else comes back exactly.
    expect(events.map((e) => e.summary)).toEqual(hostile.map((t) => t.replace(/\r\n|\r/g, "\n")));
    expect(events.map((e) => e.propertyNames.filter((n) => n === "uid" || n === "summary").length)).toEqual([
      2, 2, 2, 2,
    ]);
    expect(text.match(/^BEGIN:VEVENT$/gm)).toHaveLength(4);
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/); // no emoji split by folding
  });

  test("has the neutral calendar name, refresh hints, and no organiser, URL or attendee", async () => {
    const { db, member, feed, activity } = await memberWithFeed();
    const a = await activity(inDays(2));
    await createRsvp(db, { activity_id: a.id, member_id: member.id });
    const calendar = parseCalendar(await calendarOf(db, feed));
    expect(calendar.name).toBe("Kalender");
    expect(calendar.refreshInterval).toBe("PT1H");
    expect(calendar.publishedTtl).toBe("PT1H");
    expect(calendar.propertyNames).not.toContain("url");
    expect(calendar.propertyNames).not.toContain("x-wr-caldesc");
    for (const name of ["organizer", "url", "attendee", "attach"])
      expect(calendar.events[0]!.propertyNames).not.toContain(name);
  });

  test("escapes the calendar name, which ical-generator writes as given", () => {
    const text = buildFeedCalendar([], {
      audience: "member",
      locale: "nb",
      discreetTitles: false,
      calendarName: "Min, kalender\r\nX-EVIL:1",
    });
    // Escaped as RFC 5545 TEXT; ical.js hands X- properties back unparsed, so read the raw line.
    expect(text).toContain("\r\nX-WR-CALNAME:Min\\, kalender\\nX-EVIL:1\r\n");
    expect(parseCalendar(text).propertyNames).not.toContain("x-evil");
  });
});

describe("a staff chapter feed", () => {
  test("holds every activity of the chapter, with addresses, and nothing from other chapters", async () => {
    const db = database().db;
    const chapter = await createChapter(db);
    const other = await createChapter(db);
    const group = await createGroup(db, { chapter_id: chapter.id });
    const staff = await createStaff(db, { chapterIds: [chapter.id] });
    await createActivity(db, {
      chapter_id: chapter.id,
      group_id: group.id,
      starts_at: inDays(2),
      title: "Gruppe",
      address: "Gata 1",
    });
    await createActivity(db, { chapter_id: chapter.id, starts_at: inDays(3), title: "Lokallag" });
    await createActivity(db, { chapter_id: other.id, starts_at: inDays(4), title: "Annet" });
    await createActivity(db, { chapter_id: null, starts_at: inDays(5), title: "Nasjonal" });
    const feed = await feedOf(db, { staffId: staff.id, chapterId: chapter.id });

    const { events } = parseCalendar(await calendarOf(db, feed));
    expect(events.map((e) => [e.summary, e.status, e.location])).toEqual([
      ["Gruppe", "CONFIRMED", "Gata 1"],
      ["Lokallag", "CONFIRMED", "Sentrum"],
    ]);
  });
});

describe("feed tokens", () => {
  test("are stored only as a hash of the 256-bit token", async () => {
    const db = database().db;
    const chapter = await createChapter(db);
    const member = await createMember(db, { chapter_id: chapter.id });
    const { token } = await createFeedToken(db, { memberId: member.id });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await db.selectFrom("feed_tokens").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toBe(hashSecret(token));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  test("rotating ends the old link at once and the new one works", async () => {
    const db = database().db;
    const chapter = await createChapter(db);
    const member = await createMember(db, { chapter_id: chapter.id });
    const first = await createFeedToken(db, { memberId: member.id });
    const second = await rotateFeedToken(db, { memberId: member.id });
    expect(await findFeedByToken(db, first.token)).toBeUndefined();
    expect(await findFeedByToken(db, second.token)).toMatchObject({ kind: "member", memberId: member.id });
  });

  test("unknown, malformed, revoked and deactivated-owner tokens all find nothing", async () => {
    const db = database().db;
    const chapter = await createChapter(db);
    const revoked = await createMember(db, { chapter_id: chapter.id });
    const deactivated = await createMember(db, { chapter_id: chapter.id });
    const revokedToken = (await createFeedToken(db, { memberId: revoked.id })).token;
    const deactivatedToken = (await createFeedToken(db, { memberId: deactivated.id })).token;
    await revokeFeedTokensOf(db, { memberId: revoked.id });
    await db
      .updateTable("members")
      .set({ deactivated_at: NOW.toISOString() })
      .where("id", "=", deactivated.id)
      .execute();

    for (const token of ["A".repeat(43), "short", "../../etc/passwd", revokedToken, deactivatedToken]) {
      expect(await findFeedByToken(db, token)).toBeUndefined();
    }
  });

  test("a coordinator's chapter feed ends when they leave the chapter or are deactivated; an admin's works for any chapter", async () => {
    const db = database().db;
    const chapter = await createChapter(db);
    const leaving = await createStaff(db, { chapterIds: [chapter.id] });
    const deactivated = await createStaff(db, { chapterIds: [chapter.id] });
    const admin = await createStaff(db, { role: "admin" });
    const leavingToken = (await createFeedToken(db, { staffId: leaving.id, chapterId: chapter.id })).token;
    const deactivatedToken = (await createFeedToken(db, { staffId: deactivated.id, chapterId: chapter.id })).token;
    const adminToken = (await createFeedToken(db, { staffId: admin.id, chapterId: chapter.id })).token;
    expect(await findFeedByToken(db, leavingToken)).toMatchObject({ kind: "staff", chapterId: chapter.id });

    await db.deleteFrom("staff_chapters").where("staff_id", "=", leaving.id).execute();
    await db
      .updateTable("staff_users")
      .set({ deactivated_at: NOW.toISOString() })
      .where("id", "=", deactivated.id)
      .execute();
    expect(await findFeedByToken(db, leavingToken)).toBeUndefined();
    expect(await findFeedByToken(db, deactivatedToken)).toBeUndefined();
    expect(await findFeedByToken(db, adminToken)).toMatchObject({ kind: "staff", staffId: admin.id });
  });
});

describe("the feed version", () => {
  test("stays the same while nothing changes and changes with every change the calendar would show", async () => {
    const { db, member, chapter, group, activity } = await memberWithFeed();
    const token = (await rotateFeedToken(db, { memberId: member.id }, NOW)).token;
    const feed = async () => (await findFeedByToken(db, token))!;
    const version = async () => (await feedVersion(db, await feed(), "Kalender", NOW)).key;
    const a = await activity(inDays(3));
    const b = await activity(inDays(4));
    const who = { id: member.id, chapterId: chapter.id };
    await rsvpGoing(db, who, { activityId: a.id, note: null, showPseudonym: false }, NOW);

    const seen = new Set<string>();
    const expectNew = async () => {
      const v = await version();
      expect(seen.has(v)).toBe(false);
      seen.add(v);
    };
    await expectNew();
    expect(await version()).toBe([...seen][0]);

    await rsvpGoing(db, who, { activityId: b.id, note: null, showPseudonym: false }, NOW); // a row arrives
    await expectNew();
    await withdrawRsvp(db, who, { activityId: a.id }, NOW); // a row leaves, its answer deleted
    await expectNew();
    await rsvpGoing(db, who, { activityId: a.id, note: null, showPseudonym: false }, NOW); // back as before: same calendar, same version
    expect(await version()).toBe([...seen][1]);
    await updateFeedSettings(db, member, { discreetTitles: true, allActivities: false });
    await expectNew();
    await updateFeedSettings(db, member, { discreetTitles: true, allActivities: true }); // b comes back, unanswered
    await expectNew();
    await cancelActivity(
      db,
      await anAdmin(db),
      { activityId: a.id, expectedSequence: 0, reason: "Lederen er syk" },
      new Date(NOW.getTime() + 1000),
    );
    await expectNew();
    await db
      .deleteFrom("group_memberships")
      .where("member_id", "=", member.id)
      .where("group_id", "=", group.id)
      .execute();
    await expectNew();
    expect(await feedVersion(db, await feed(), "Min kalender", NOW)).not.toEqual(
      await feedVersion(db, await feed(), "Kalender", NOW),
    );
  });
});
