import { readReminderChoice, sendDueReminders, setReminderChoice } from "~/features/notices/reminders.server";
import { createActivity, createChapter, createMember, createRsvp } from "../factories";
import { createTestDatabase, type TestDatabase } from "../setup/db";

let database: TestDatabase;
afterEach(() => database.close());

// 15:00 Oslo on a winter day, outside quiet hours; the activity starts at 18:00 the next day.
const NOW = new Date("2026-12-02T14:00:00.000Z");
const START = "2026-12-03T17:00:00.000Z";
const DAY_BEFORE = new Date("2026-12-02T17:30:00.000Z");

async function world() {
  database = await createTestDatabase();
  const db = database.db;
  const chapter = await createChapter(db);
  const activity = await createActivity(db, {
    chapter_id: chapter.id,
    starts_at: START,
    ends_at: "2026-12-03T19:00:00.000Z",
  });
  const going = await createMember(db, { chapter_id: chapter.id });
  const twoHours = await createMember(db, { chapter_id: chapter.id, reminder: "two_hours" });
  const none = await createMember(db, { chapter_id: chapter.id, reminder: "none" });
  const waiting = await createMember(db, { chapter_id: chapter.id });
  for (const m of [going, twoHours, none]) await createRsvp(db, { activity_id: activity.id, member_id: m.id });
  await createRsvp(db, { activity_id: activity.id, member_id: waiting.id, status: "waitlisted" });
  return { db, chapter, activity, going, twoHours, none, waiting };
}

const reminders = (db: TestDatabase["db"]) =>
  db.selectFrom("notices").select(["member_id", "activity_id"]).where("kind", "=", "reminder").execute();

describe("reminders", () => {
  test("the day before, those going who want it get exactly one, however often it runs", async () => {
    const { db, activity, going } = await world();
    expect(await sendDueReminders(db, { now: NOW })).toBe(0);
    expect(await sendDueReminders(db, { now: DAY_BEFORE })).toBe(1);
    expect(await sendDueReminders(db, { now: new Date(DAY_BEFORE.getTime() + 60_000) })).toBe(0);
    expect(await reminders(db)).toEqual([{ member_id: going.id, activity_id: activity.id }]);
  });

  test("two hours before, the member who chose that gets hers", async () => {
    const { db, twoHours } = await world();
    await sendDueReminders(db, { now: DAY_BEFORE });
    expect(await sendDueReminders(db, { now: new Date("2026-12-03T15:05:00.000Z") })).toBe(1);
    expect((await reminders(db)).map((r) => r.member_id)).toContain(twoHours.id);
  });

  test("two callers at once send each reminder once", async () => {
    const { db } = await world();
    const counts = await Promise.all([
      sendDueReminders(db, { now: DAY_BEFORE }),
      sendDueReminders(db, { now: DAY_BEFORE }),
    ]);
    expect(counts[0]! + counts[1]!).toBe(1);
    expect(await reminders(db)).toHaveLength(1);
  });

  test("an activity and member whose key is already recorded get no second reminder", async () => {
    const { db, activity, going } = await world();
    await db
      .insertInto("reminder_sends")
      .values({ activity_id: activity.id, member_id: going.id, sent_at: NOW.toISOString() })
      .execute();
    expect(await sendDueReminders(db, { now: DAY_BEFORE })).toBe(0);
    expect(await reminders(db)).toEqual([]);
  });

  test("quiet hours hold reminders back until morning", async () => {
    const { db } = await world();
    expect(await sendDueReminders(db, { now: new Date("2026-12-02T22:30:00.000Z") })).toBe(0);
    expect(await sendDueReminders(db, { now: new Date("2026-12-03T07:00:00.000Z") })).toBe(1);
  });

  test("none for a cancelled activity, a withdrawn answer or after the start", async () => {
    const { db, activity, going } = await world();
    await db.updateTable("activities").set({ status: "cancelled" }).where("id", "=", activity.id).execute();
    expect(await sendDueReminders(db, { now: DAY_BEFORE })).toBe(0);
    await db.updateTable("activities").set({ status: "scheduled" }).where("id", "=", activity.id).execute();
    await db.deleteFrom("rsvps").where("member_id", "=", going.id).execute();
    expect(await sendDueReminders(db, { now: DAY_BEFORE })).toBe(0);
    expect(await sendDueReminders(db, { now: new Date("2026-12-03T17:30:00.000Z") })).toBe(0);
    expect(await reminders(db)).toEqual([]);
  });

  test("a member's choice is saved, and anything but the three choices is refused", async () => {
    const { db, going } = await world();
    expect(await readReminderChoice(db, { memberId: going.id })).toBe("day_before");
    expect(await setReminderChoice(db, going, { choice: "every_minute" })).toBe(false);
    expect(await setReminderChoice(db, going, { choice: "none" })).toBe(true);
    expect(await readReminderChoice(db, { memberId: going.id })).toBe("none");
    expect(await sendDueReminders(db, { now: DAY_BEFORE })).toBe(0);
  });
});
