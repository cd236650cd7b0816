import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { AppDatabase } from "../../db/connection";
import type { Member } from "../../db/schema";
import { rsvpGoing, rsvpNotGoing, withdrawRsvp, type RsvpOutcome } from "~/features/answers/answers.server";
import { promoteFromWaitlist } from "~/features/waitlist/waitlist.server";
import { createActivity, createChapter, createGroup, createMember } from "../factories";
import { createTestDatabase, type TestDatabase } from "../setup/db";

const HOUR = 60 * 60 * 1000;
// Worker threads do not inherit the test runner's TypeScript loader; tsx loads the worker's module.
const WORKER_BOOT = `import("tsx/esm/api").then((tsx) => tsx.tsImport(${JSON.stringify(
  fileURLToPath(new URL("./support/rsvp-worker.ts", import.meta.url)),
)}, ${JSON.stringify(import.meta.url)}))`;
let database: TestDatabase;
afterEach(() => database.close());
/** Under a day away: a freed place is given at once, not offered (offers: waitlist-offers.test.ts). */
const soon = () => new Date(Date.now() + 20 * 60 * 60 * 1000).toISOString();

async function setup({
  file = false,
  members = 4,
  capacity = 2 as number | null,
  ...activityFields
}: {
  file?: boolean;
  members?: number;
  capacity?: number | null;
  rsvp_deadline?: string | null;
  status?: "scheduled" | "cancelled";
  starts_at?: string;
} = {}) {
  database = await createTestDatabase({ file });
  const db = database.db;
  const chapter = await createChapter(db);
  const group = await createGroup(db, { chapter_id: chapter.id });
  const activity = await createActivity(db, {
    chapter_id: chapter.id,
    group_id: group.id,
    capacity,
    ...activityFields,
  });
  const people: Member[] = [];
  for (let i = 0; i < members; i++)
    people.push(await createMember(db, { chapter_id: chapter.id, groupIds: [group.id] }));
  const who = (i: number) => ({ id: people[i]!.id, chapterId: chapter.id });
  return { db, chapter, group, activity, people, who };
}

const noDetails = { note: null, showPseudonym: false };

async function answers(db: AppDatabase, activityId: string) {
  return db
    .selectFrom("rsvps")
    .select(["member_id", "status", "arrival", "note", "show_pseudonym"])
    .where("activity_id", "=", activityId)
    .orderBy("arrival")
    .execute();
}

describe("capacity under concurrency", () => {
  test("20 parallel 'going' answers to 5 places give exactly 5 going and 15 waitlisted in arrival order", async () => {
    const { db, activity, who } = await setup({ members: 20, capacity: 5 });
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => rsvpGoing(db, who(i), { activityId: activity.id, ...noDetails })),
    );
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const rows = await answers(db, activity.id);
    expect(rows.map((r) => r.arrival)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(rows.filter((r) => r.status === "going")).toHaveLength(5);
    // The first five to arrive have the places; everyone after them waits, in order.
    expect(rows.slice(0, 5).every((r) => r.status === "going")).toBe(true);
    expect(rows.slice(5).every((r) => r.status === "waitlisted")).toBe(true);
    const positions = outcomes
      .filter((o): o is Extract<RsvpOutcome, { ok: true }> => o.ok && o.status === "waitlisted")
      .map((o) => o.waitlistPosition);
    expect(positions.sort((a, b) => a! - b!)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
  });

  test("20 'going' answers from five separate connections to one file never overbook", async () => {
    const { db, activity, chapter, people, who } = await setup({ file: true, members: 20, capacity: 7 });
    const batches = [0, 1, 2, 3].map((w) =>
      people.slice(w * 4, w * 4 + 4).map((p) => ({ memberId: p.id, chapterId: chapter.id })),
    );
    const workers = batches.map(
      (members) =>
        new Worker(WORKER_BOOT, {
          eval: true,
          workerData: { filename: database.filename, activityId: activity.id, members },
        }),
    );
    const messages = workers.map((worker) => {
      const next = () =>
        new Promise<{ ready?: true; outcomes?: unknown[] }>((resolve, reject) => {
          worker.once("message", resolve);
          worker.once("error", reject);
        });
      return { ready: next(), next };
    });
    // Start every connection at once, once all are loaded.
    await Promise.all(messages.map((m) => m.ready));
    const fromWorkers = messages.map((m) => m.next());
    for (const worker of workers) worker.postMessage("go");
    const fromHere = Promise.all(
      [16, 17, 18, 19].map((i) => rsvpGoing(db, who(i), { activityId: activity.id, ...noDetails })),
    );
    const outcomes = [...(await Promise.all(fromWorkers)).flatMap((m) => m.outcomes ?? []), ...(await fromHere)];
    expect(outcomes).toHaveLength(20);
    expect(outcomes.every((o) => (o as RsvpOutcome).ok === true)).toBe(true);
    const rows = await answers(db, activity.id);
    expect(rows.map((r) => r.arrival)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(rows.slice(0, 7).every((r) => r.status === "going")).toBe(true);
    expect(rows.slice(7).every((r) => r.status === "waitlisted")).toBe(true);
  }, 30_000);

  test("without a capacity everyone who answers is going", async () => {
    const { db, activity, who } = await setup({ members: 6, capacity: null });
    await Promise.all([0, 1, 2, 3, 4, 5].map((i) => rsvpGoing(db, who(i), { activityId: activity.id, ...noDetails })));
    expect((await answers(db, activity.id)).every((r) => r.status === "going")).toBe(true);
  });
});

describe("the waitlist", () => {
  test("a member who withdraws frees their place for the first on the waitlist", async () => {
    const { db, activity, who, people } = await setup({ members: 4, capacity: 2, starts_at: soon() });
    for (const i of [0, 1, 2, 3]) await rsvpGoing(db, who(i), { activityId: activity.id, ...noDetails });
    expect(await withdrawRsvp(db, who(0), { activityId: activity.id })).toEqual({
      ok: true,
      status: null,
      waitlistPosition: null,
    });
    const rows = await answers(db, activity.id);
    expect(rows.map((r) => [r.member_id, r.status])).toEqual([
      [people[1]!.id, "going"],
      [people[2]!.id, "going"],
      [people[3]!.id, "waitlisted"],
    ]);
    expect(await rsvpGoing(db, who(3), { activityId: activity.id, ...noDetails })).toEqual({
      ok: true,
      status: "waitlisted",
      waitlistPosition: 1,
    });
  });

  test("a member who says they cannot come frees their place the same way", async () => {
    const { db, activity, who, people } = await setup({ members: 3, capacity: 1, starts_at: soon() });
    for (const i of [0, 1, 2]) await rsvpGoing(db, who(i), { activityId: activity.id, ...noDetails });
    expect(await rsvpNotGoing(db, who(0), { activityId: activity.id, note: "Syk" })).toEqual({
      ok: true,
      status: "not_going",
      waitlistPosition: null,
    });
    const rows = await answers(db, activity.id);
    expect(rows.map((r) => [r.member_id, r.status])).toEqual([
      [people[0]!.id, "not_going"],
      [people[1]!.id, "going"],
      [people[2]!.id, "waitlisted"],
    ]);
  });

  test("a member who was not going and then is goes to the back of the queue", async () => {
    const { db, who, activity } = await setup({ members: 3, capacity: 1 });
    for (const i of [0, 1, 2]) await rsvpGoing(db, who(i), { activityId: activity.id, ...noDetails });
    await rsvpNotGoing(db, who(1), { activityId: activity.id, note: null });
    expect(await rsvpGoing(db, who(1), { activityId: activity.id, ...noDetails })).toEqual({
      ok: true,
      status: "waitlisted",
      waitlistPosition: 2,
    });
  });

  test("more capacity promotes the earliest waiting, as many as the new places", async () => {
    const { db, activity, who, people } = await setup({ members: 4, capacity: 1, starts_at: soon() });
    for (const i of [0, 1, 2, 3]) await rsvpGoing(db, who(i), { activityId: activity.id, ...noDetails });
    await db.updateTable("activities").set({ capacity: 3 }).where("id", "=", activity.id).execute();
    expect(await promoteFromWaitlist(db, { activityId: activity.id })).toEqual([people[1]!.id, people[2]!.id]);
    expect((await answers(db, activity.id)).map((r) => r.status)).toEqual(["going", "going", "going", "waitlisted"]);
  });

  test("less capacity moves nobody who is going, and frees nothing until the count is below it", async () => {
    const { db, activity, who } = await setup({ members: 5, capacity: 3 });
    for (const i of [0, 1, 2, 3]) await rsvpGoing(db, who(i), { activityId: activity.id, ...noDetails });
    await db.updateTable("activities").set({ capacity: 1 }).where("id", "=", activity.id).execute();
    expect(await promoteFromWaitlist(db, { activityId: activity.id })).toEqual([]);
    expect((await answers(db, activity.id)).map((r) => r.status)).toEqual(["going", "going", "going", "waitlisted"]);
    await withdrawRsvp(db, who(0), { activityId: activity.id });
    expect((await answers(db, activity.id)).map((r) => r.status)).toEqual(["going", "going", "waitlisted"]);
    expect(await rsvpGoing(db, who(4), { activityId: activity.id, ...noDetails })).toMatchObject({
      status: "waitlisted",
      waitlistPosition: 2,
    });
  });

  test("saying 'going' twice keeps the place already held and updates the note", async () => {
    const { db, activity, who } = await setup({ members: 3, capacity: 1 });
    for (const i of [0, 1, 2]) await rsvpGoing(db, who(i), { activityId: activity.id, ...noDetails });
    const before = await answers(db, activity.id);
    expect(
      await rsvpGoing(db, who(1), { activityId: activity.id, note: "Kommer litt senere", showPseudonym: true }),
    ).toEqual({
      ok: true,
      status: "waitlisted",
      waitlistPosition: 1,
    });
    const after = await answers(db, activity.id);
    expect(after.map((r) => [r.member_id, r.status, r.arrival])).toEqual(
      before.map((r) => [r.member_id, r.status, r.arrival]),
    );
    expect(after[1]).toMatchObject({ note: "Kommer litt senere", show_pseudonym: 1 });
  });
});

describe("when answers are closed", () => {
  test("no answer is taken after the RSVP deadline, and nothing changes", async () => {
    const { db, activity, who } = await setup({ rsvp_deadline: new Date(Date.now() + HOUR).toISOString() });
    await rsvpGoing(db, who(0), { activityId: activity.id, ...noDetails });
    const later = new Date(Date.now() + 2 * HOUR);
    expect(await rsvpGoing(db, who(1), { activityId: activity.id, ...noDetails }, later)).toEqual({
      ok: false,
      reason: "closed",
    });
    expect(await withdrawRsvp(db, who(0), { activityId: activity.id }, later)).toEqual({ ok: false, reason: "closed" });
    expect(await rsvpNotGoing(db, who(0), { activityId: activity.id, note: null }, later)).toEqual({
      ok: false,
      reason: "closed",
    });
    expect((await answers(db, activity.id)).map((r) => r.status)).toEqual(["going"]);
  });

  test("without a deadline answers close when the activity starts", async () => {
    const { db, activity, who } = await setup();
    const atStart = new Date(activity.starts_at);
    expect(await rsvpGoing(db, who(0), { activityId: activity.id, ...noDetails }, atStart)).toEqual({
      ok: false,
      reason: "closed",
    });
    expect(
      await rsvpGoing(db, who(0), { activityId: activity.id, ...noDetails }, new Date(atStart.getTime() - 1000)),
    ).toMatchObject({ ok: true });
  });

  test("a cancelled activity takes no answers and promotes nobody", async () => {
    const { db, activity, who } = await setup({ capacity: 1 });
    await rsvpGoing(db, who(0), { activityId: activity.id, ...noDetails });
    await rsvpGoing(db, who(1), { activityId: activity.id, ...noDetails });
    await db
      .updateTable("activities")
      .set({ status: "cancelled", capacity: 5 })
      .where("id", "=", activity.id)
      .execute();
    expect(await rsvpGoing(db, who(2), { activityId: activity.id, ...noDetails })).toEqual({
      ok: false,
      reason: "cancelled",
    });
    expect(await withdrawRsvp(db, who(0), { activityId: activity.id })).toEqual({ ok: false, reason: "cancelled" });
    expect(await promoteFromWaitlist(db, { activityId: activity.id })).toEqual([]);
    expect((await answers(db, activity.id)).map((r) => r.status)).toEqual(["going", "waitlisted"]);
  });
});

describe("who may answer", () => {
  test("a member cannot answer an activity they may not see, and it looks like one that does not exist", async () => {
    const { db, chapter, who } = await setup({ members: 1 });
    const otherGroup = await createGroup(db, { chapter_id: chapter.id });
    const hidden = await createActivity(db, { chapter_id: chapter.id, group_id: otherGroup.id });
    const otherChapter = await createChapter(db);
    const elsewhere = await createActivity(db, { chapter_id: otherChapter.id });
    for (const activityId of [hidden.id, elsewhere.id, "no-such-id"]) {
      expect(await rsvpGoing(db, who(0), { activityId, ...noDetails })).toEqual({ ok: false, reason: "not_found" });
      expect(await withdrawRsvp(db, who(0), { activityId })).toEqual({ ok: false, reason: "not_found" });
    }
    expect(await db.selectFrom("rsvps").selectAll().execute()).toEqual([]);
  });
});

describe("what is stored with an answer", () => {
  test("the note is kept as plain text and the pseudonym is hidden unless the member chose otherwise", async () => {
    const { db, activity, who } = await setup({ members: 2 });
    await rsvpGoing(db, who(0), {
      activityId: activity.id,
      note: "<b>Jeg</b> trenger tolk <script>x</script>",
      showPseudonym: false,
    });
    await rsvpGoing(db, who(1), { activityId: activity.id, note: null, showPseudonym: true });
    const [first, second] = await answers(db, activity.id);
    expect(first).toMatchObject({ note: "<b>Jeg</b> trenger tolk <script>x</script>", show_pseudonym: 0 });
    expect(second).toMatchObject({ note: null, show_pseudonym: 1 });
  });

  test("someone who is not coming does not show their pseudonym", async () => {
    const { db, activity, who } = await setup({ members: 1 });
    await rsvpGoing(db, who(0), { activityId: activity.id, note: null, showPseudonym: true });
    await rsvpNotGoing(db, who(0), { activityId: activity.id, note: null });
    expect((await answers(db, activity.id))[0]).toMatchObject({ status: "not_going", show_pseudonym: 0 });
  });
});
