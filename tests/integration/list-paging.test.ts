import {
  ACTIVITY_PAGE_SIZE,
  LONGEST_LISTED_ACTIVITY_DAYS,
  loadMemberHome,
} from "~/features/activities/member-activities.server";
import { INVITE_PAGE_SIZE, createInvites, loadChapterInvites } from "~/features/members/invites.server";
import { listMembersOfChapter, MEMBER_PAGE_SIZE } from "~/features/members/staff-members.server";
import type { StaffActor } from "~/features/staff/staff.server";
import { loadActivityAnswersPage } from "~/features/answers/staff-answers.server";
import { createActivity, createChapter, createGroup, createMember, createRsvp, createStaff } from "../factories";
import { createTestDatabase, type TestDatabase } from "../setup/db";
import { planProblems, recordingDatabase } from "./support/query-plan";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = new Date("2026-12-02T09:00:00.000Z");
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs).toISOString();
const noFilter = { group: null, week: null, language: null, interpreter: null };

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(() => database.close());

async function memberWithActivities(count: number) {
  const db = database.db;
  const oslo = await createChapter(db, { name: "Oslo" });
  const bergen = await createChapter(db, { name: "Bergen" });
  const women = await createGroup(db, { chapter_id: oslo.id, name: "Kvinnegruppa" });
  const member = await createMember(db, { chapter_id: oslo.id, groupIds: [women.id] });
  const others = await Promise.all([1, 2].map(() => createMember(db, { chapter_id: oslo.id, groupIds: [women.id] })));
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    // Two at each hour, so the tie-break on id decides between them.
    const activity = await createActivity(db, {
      chapter_id: oslo.id,
      group_id: i % 3 === 0 ? women.id : null,
      starts_at: at((Math.floor(i / 2) + 1) * HOUR),
      capacity: 2,
    });
    for (const other of others) await createRsvp(db, { activity_id: activity.id, member_id: other.id });
    await createRsvp(db, { activity_id: activity.id, member_id: member.id, status: "waitlisted" });
    ids.push(activity.id);
    // Another chapter's activity at the same time: never on this member's pages.
    await createActivity(db, { chapter_id: bergen.id, starts_at: at((Math.floor(i / 2) + 1) * HOUR) });
  }
  return { db, oslo, women, viewer: { id: member.id, chapterId: oslo.id }, ids };
}

async function allPages(read: (after: string | null) => Promise<{ ids: string[]; next: string | null }>) {
  const pages: string[][] = [];
  let after: string | null = null;
  do {
    const page = await read(after);
    pages.push(page.ids);
    after = page.next;
  } while (after !== null && pages.length < 20);
  return pages;
}

describe("the member's activity list, a page at a time", () => {
  test("shows the soonest activities first and a key to the next page, until every activity has been shown once", async () => {
    const w = await memberWithActivities(45);
    const pages = await allPages(async (after) => {
      const home = await loadMemberHome(w.db, w.viewer, { ...noFilter, after }, now);
      expect(home.laterPage).toBe(after !== null);
      return { ids: home.activities.map((a) => a.id), next: home.nextPage };
    });
    expect(pages.map((p) => p.length)).toEqual([ACTIVITY_PAGE_SIZE, ACTIVITY_PAGE_SIZE, 45 - 2 * ACTIVITY_PAGE_SIZE]);
    const sorted = await w.db
      .selectFrom("activities")
      .select("id")
      .where("chapter_id", "=", w.oslo.id)
      .orderBy("starts_at")
      .orderBy("id")
      .execute();
    expect(pages.flat()).toEqual(sorted.map((r) => r.id));
  });

  test("keeps the filters on the next page", async () => {
    const w = await memberWithActivities(70);
    const pages = await allPages(async (after) => {
      const home = await loadMemberHome(w.db, w.viewer, { ...noFilter, group: w.women.id, after }, now);
      expect(home.activities.every((a) => a.groupName === "Kvinnegruppa")).toBe(true);
      return { ids: home.activities.map((a) => a.id), next: home.nextPage };
    });
    expect(pages.flat()).toHaveLength(24);
    expect(new Set(pages.flat()).size).toBe(24);
  });

  test("reads a key it cannot understand as the first page", async () => {
    const w = await memberWithActivities(25);
    const first = await loadMemberHome(w.db, w.viewer, noFilter, now);
    for (const after of ["nonsense", "2026-12-02T10:00:00.000Z", "%", "2026-12-02T10:00:00.000Z~' or 1=1 --"]) {
      const home = await loadMemberHome(w.db, w.viewer, { ...noFilter, after }, now);
      expect(home.activities.map((a) => a.id)).toEqual(first.activities.map((a) => a.id));
      expect(home.laterPage).toBe(false);
    }
  });

  test("lists an activity under way, but not one that started longer ago than the longest listed activity", async () => {
    const w = await memberWithActivities(0);
    const underWay = await createActivity(w.db, {
      chapter_id: w.oslo.id,
      starts_at: at(-2 * DAY),
      ends_at: at(DAY),
    });
    await createActivity(w.db, {
      chapter_id: w.oslo.id,
      starts_at: at(-(LONGEST_LISTED_ACTIVITY_DAYS + 1) * DAY),
      ends_at: at(DAY),
    });
    const home = await loadMemberHome(w.db, w.viewer, noFilter, now);
    expect(home.activities.map((a) => a.id)).toEqual([underWay.id]);
  });
});

async function staffWorld() {
  const db = database.db;
  const chapter = await createChapter(db, { name: "Oslo" });
  const other = await createChapter(db, { name: "Bergen" });
  const group = await createGroup(db, { chapter_id: chapter.id });
  const staffUser = await createStaff(db, { chapterIds: [chapter.id] });
  const staff: StaffActor = { id: staffUser.id, role: "coordinator", chapterIds: [chapter.id] };
  return { db, chapter, other, group, staff };
}

async function addMembers(w: Awaited<ReturnType<typeof staffWorld>>, count: number) {
  for (let i = 0; i < count; i++) {
    // Pairs with the same pseudonym but another case... and plain names; the order is by pseudonym, then id.
    await createMember(w.db, {
      chapter_id: w.chapter.id,
      pseudonym: `Medlem ${String(i).padStart(3, "0")}`,
      groupIds: [w.group.id],
    });
    await createMember(w.db, { chapter_id: w.other.id, pseudonym: `Annen ${i}` });
  }
}

describe("staff's member list of a chapter, a page at a time", () => {
  test("pages through every member of the chapter once, by pseudonym, and no one else's", async () => {
    const w = await staffWorld();
    await addMembers(w, MEMBER_PAGE_SIZE * 2 + 7);
    const pages = await allPages(async (after) => {
      const { members, next } = await listMembersOfChapter(w.db, w.staff, {
        chapterId: w.chapter.id,
        after: after ?? undefined,
      });
      return { ids: members.map((m) => m.pseudonym), next };
    });
    expect(pages.map((p) => p.length)).toEqual([MEMBER_PAGE_SIZE, MEMBER_PAGE_SIZE, 7]);
    const names = pages.flat();
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(MEMBER_PAGE_SIZE * 2 + 7);
    expect(names.every((n) => n.startsWith("Medlem"))).toBe(true);
  });

  test("gives nothing for a key from another chapter", async () => {
    const w = await staffWorld();
    await addMembers(w, 3);
    const stranger = await createMember(w.db, { chapter_id: w.other.id, pseudonym: "Aaaa" });
    const { members } = await listMembersOfChapter(w.db, w.staff, { chapterId: w.chapter.id, after: stranger.id });
    expect(members).toEqual([]);
  });
});

describe("staff's invite list of a chapter, a page at a time", () => {
  test("pages through every invite once, newest first", async () => {
    const w = await staffWorld();
    const made: string[] = [];
    for (let day = 0; day < 3; day++) {
      const created = await createInvites(
        w.db,
        {
          chapterId: w.chapter.id,
          groupIds: [],
          expiresAt: new Date(now.getTime() + 30 * DAY),
          count: 60,
          createdByStaffId: null,
        },
        new Date(now.getTime() + day * DAY),
      );
      made.push(...created.map((c) => c.id));
    }
    const pages = await allPages(async (after) => {
      const { invites, next } = await loadChapterInvites(
        w.db,
        w.staff,
        { chapterId: w.chapter.id, after: after ?? undefined },
        now,
      );
      return { ids: invites.map((i) => i.id), next };
    });
    expect(pages.map((p) => p.length)).toEqual([INVITE_PAGE_SIZE, 180 - INVITE_PAGE_SIZE]);
    expect(new Set(pages.flat())).toEqual(new Set(made));
    const newestFirst = await w.db
      .selectFrom("invites")
      .select("id")
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .execute();
    expect(pages.flat()).toEqual(newestFirst.map((r) => r.id));
  });
});

/** An activity of the staff world's chapter with `count` answers: going, waitlisted and not going mixed. */
async function activityWithAnswers(w: Awaited<ReturnType<typeof staffWorld>>, count: number, name = "Svarer") {
  const activity = await createActivity(w.db, { chapter_id: w.chapter.id, starts_at: at(DAY), capacity: null });
  const statuses = ["waitlisted", "going", "not_going"] as const;
  for (let i = 0; i < count; i++) {
    const member = await createMember(w.db, { chapter_id: w.chapter.id, pseudonym: `${name} ${i}` });
    await createRsvp(w.db, { activity_id: activity.id, member_id: member.id, status: statuses[i % 3] });
  }
  return activity;
}

describe("an activity's answers for staff, a page at a time", () => {
  test("pages forward through going, waitlisted and not going in arrival order, and back again", async () => {
    const w = await staffWorld();
    const activity = await activityWithAnswers(w, 8);
    const expected = await w.db
      .selectFrom("rsvps")
      .select(["id", "status", "arrival"])
      .where("activity_id", "=", activity.id)
      .execute();
    const rank = { going: 0, waitlisted: 1, not_going: 2 } as const;
    expected.sort((a, b) => rank[a.status] - rank[b.status] || a.arrival - b.arrival || (a.id < b.id ? -1 : 1));

    const read = (keys: { after?: string; before?: string }) =>
      loadActivityAnswersPage(w.db, w.staff, { activityId: activity.id, limit: 3, ...keys }).then((p) => p!);
    const forward: string[][] = [];
    let page = await read({});
    expect(page.previous).toBeNull();
    forward.push(page.answers.map((a) => a.id));
    while (page.next) {
      page = await read({ after: page.next });
      forward.push(page.answers.map((a) => a.id));
    }
    expect(forward.map((p) => p.length)).toEqual([3, 3, 2]);
    expect(forward.flat()).toEqual(expected.map((r) => r.id));
    // The counts are of every answer, whatever the page.
    expect(page.counts).toEqual({ going: 3, waitlisted: 3, notGoing: 2 });

    const backward: string[][] = [page.answers.map((a) => a.id)];
    while (page.previous) {
      page = await read({ before: page.previous });
      backward.unshift(page.answers.map((a) => a.id));
    }
    expect(backward).toEqual(forward);
  });

  test("starts at the first page for a key that is not an answer of this activity", async () => {
    const w = await staffWorld();
    const activity = await activityWithAnswers(w, 4);
    const other = await activityWithAnswers(w, 1, "Annen svarer");
    const [otherAnswer] = await w.db.selectFrom("rsvps").select("id").where("activity_id", "=", other.id).execute();
    const page = await loadActivityAnswersPage(w.db, w.staff, { activityId: activity.id, after: otherAnswer!.id });
    expect(page!.answers).toHaveLength(4);
    expect(page!.previous).toBeNull();
  });
});

describe("list queries", () => {
  /** Every query the lists send, first page and a later one, with their plans. */
  async function listQueries() {
    const m = await memberWithActivities(25);
    const w = await staffWorld();
    await addMembers(w, 3);
    await createInvites(w.db, {
      chapterId: w.chapter.id,
      groupIds: [w.group.id],
      expiresAt: new Date(now.getTime() + DAY),
      count: 3,
      createdByStaffId: null,
    });
    const recording = recordingDatabase(database.sqlite);
    const home = await loadMemberHome(recording.db, m.viewer, noFilter, now);
    await loadMemberHome(recording.db, m.viewer, { ...noFilter, after: home.nextPage }, now);
    await loadMemberHome(recording.db, m.viewer, { ...noFilter, group: m.women.id, week: "0" }, now);
    const firstMembers = await listMembersOfChapter(recording.db, w.staff, { chapterId: w.chapter.id, limit: 2 });
    await listMembersOfChapter(recording.db, w.staff, { chapterId: w.chapter.id, after: firstMembers.next! });
    const firstInvites = await loadChapterInvites(recording.db, w.staff, { chapterId: w.chapter.id }, now);
    await loadChapterInvites(
      recording.db,
      w.staff,
      { chapterId: w.chapter.id, after: firstInvites.invites[0]!.id },
      now,
    );
    const listed = [...recording.queries];
    recording.reset();
    const activity = await activityWithAnswers(w, 6);
    const answers = await loadActivityAnswersPage(recording.db, w.staff, { activityId: activity.id, limit: 2 });
    const later = await loadActivityAnswersPage(recording.db, w.staff, {
      activityId: activity.id,
      after: answers!.next!,
      limit: 2,
    });
    await loadActivityAnswersPage(recording.db, w.staff, { activityId: activity.id, before: later!.previous! });
    return [...listed, ...recording.queries];
  }

  test("are each served by indexes: no full scan and no sort in a temporary B-tree", async () => {
    const queries = await listQueries();
    expect(queries.length).toBeGreaterThanOrEqual(14);
    // The groups beside a list (a member's own, a chapter's) are a handful of rows, sorted by name.
    const groupLists = [
      /^select "groups"\."id", "groups"\."name" from "group_memberships"/,
      /from "groups" left join "chapters"/,
      // Beside the answers page: the staff who may meet a member at the door (the chapter's staff, a
      // handful) and the replies to the notes of one activity (a few), each sorted as it is read.
      /^select "id", "display_name" from "staff_users"/,
      /^select "answer_replies"\."id"/,
    ];
    const problems = queries
      .filter((query) => !groupLists.some((pattern) => pattern.test(query.sql)))
      .map((query) => ({
        sql: query.sql,
        // Sorting one member's own group names (a handful) for the members list is not a list sort.
        problems: planProblems(database.sqlite, query).filter((p) => !/FOR group_concat\(ORDER BY\)/.test(p)),
      }))
      .filter((q) => q.problems.length > 0);
    expect(problems).toEqual([]);
  });

  test("the query plan check finds a full scan and a sort when there is one", async () => {
    const recording = recordingDatabase(database.sqlite);
    await recording.db.selectFrom("activities").select("id").where("title", "=", "x").orderBy("area").execute();
    expect(planProblems(database.sqlite, recording.queries[0]!)).toEqual([
      expect.stringMatching(/^SCAN activities/),
      expect.stringMatching(/USE TEMP B-TREE FOR ORDER BY/),
    ]);
  });

  test("take the same number of queries for 3 or 30 rows", async () => {
    const count = async (rows: number) => {
      const w = await staffWorld();
      await addMembers(w, rows);
      await createInvites(w.db, {
        chapterId: w.chapter.id,
        groupIds: [w.group.id],
        expiresAt: new Date(now.getTime() + DAY),
        count: rows,
        createdByStaffId: null,
      });
      const recording = recordingDatabase(database.sqlite);
      const { members } = await listMembersOfChapter(recording.db, w.staff, { chapterId: w.chapter.id });
      const memberQueries = recording.queries.length;
      recording.reset();
      const { invites } = await loadChapterInvites(recording.db, w.staff, { chapterId: w.chapter.id }, now);
      expect(members).toHaveLength(rows);
      expect(invites).toHaveLength(rows);
      expect(members.every((m) => m.group_names !== null)).toBe(true);
      expect(invites.every((i) => i.groupNames.length === 1)).toBe(true);
      return { memberQueries, inviteQueries: recording.queries.length };
    };
    const few = await count(3);
    await database.close();
    database = await createTestDatabase();
    const many = await count(30);
    expect(many).toEqual(few);
    // invites: groups of the chapter, the page, the counts, and the group names of the page's invites
    expect(few).toEqual({ memberQueries: 1, inviteQueries: 4 });
  });

  test("take the same number of queries for an activity's 3 or 30 answers", async () => {
    const count = async (rows: number) => {
      const w = await staffWorld();
      const activity = await activityWithAnswers(w, rows);
      const recording = recordingDatabase(database.sqlite);
      const page = await loadActivityAnswersPage(recording.db, w.staff, { activityId: activity.id });
      expect(page!.answers).toHaveLength(rows);
      return recording.queries.length;
    };
    const few = await count(3);
    await database.close();
    database = await createTestDatabase();
    const many = await count(30);
    expect(many).toBe(few);
    // the activity, one page query per kind of answer, the counts, the door requests, the replies, the staff who may meet
    expect(few).toBe(8);
  });
});
