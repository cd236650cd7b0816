// The answers page of a large activity: 100 answers a page, plain previous/next links (no
// JavaScript needed), the totals and the door requests of every answer on each page.
import { describe, expect, it } from "vitest";
import { loader as answersLoader } from "~/routes/staff.activities.$activityId.answers";
import { ANSWER_PAGE_SIZE } from "~/features/answers/staff-answers.server";
import { useTestDatabase } from "../setup/db";
import { createActivity, createChapter, createMember, createRsvp, createStaff } from "../factories";
import { call, staffCookie } from "./support/staff";

describe("the answers page of a large activity", () => {
  const testDb = useTestDatabase();

  it("shows 100 answers a page with next and previous links, and the totals and door requests on every page", async () => {
    const db = testDb().db;
    const bergen = await createChapter(db, { name: "Bergen" });
    const activity = await createActivity(db, { chapter_id: bergen.id, capacity: null });
    const total = ANSWER_PAGE_SIZE + 5;
    for (let i = 0; i < total; i++) {
      const member = await createMember(db, { chapter_id: bergen.id, pseudonym: `Svar ${String(i).padStart(3, "0")}` });
      await createRsvp(db, { activity_id: activity.id, member_id: member.id, status: "going" });
    }
    // The last to answer asks to be met at the door: on the second page, yet shown on the first.
    const last = await db
      .selectFrom("rsvps")
      .select("id")
      .where("activity_id", "=", activity.id)
      .orderBy("arrival", "desc")
      .executeTakeFirstOrThrow();
    await db
      .updateTable("rsvps")
      .set({ meet_at_door: 1, meet_place: "ved porten" })
      .where("id", "=", last.id)
      .execute();
    const coordinator = await createStaff(db, { chapterIds: [bergen.id] });
    const cookie = await staffCookie(db, coordinator.id);
    const open = (query: string) =>
      call(answersLoader, `/staff/activities/${activity.id}/answers${query}`, {
        cookie,
        params: { activityId: activity.id },
      });

    const first = await open("");
    expect(first.status).toBe(200);
    expect(first.data.answers).toHaveLength(ANSWER_PAGE_SIZE);
    expect(first.data.counts).toEqual({ going: total, waitlisted: 0, notGoing: 0 });
    expect(first.data.doorRequests.map((d: { place: string }) => d.place)).toEqual(["ved porten"]);
    expect(first.data.previous).toBeNull();
    expect(first.data.next).toMatch(new RegExp(`^/staff/activities/${activity.id}/answers\\?after=`));

    const second = await open(first.data.next.slice(first.data.next.indexOf("?")));
    expect(second.data.answers).toHaveLength(5);
    expect(second.data.answers.at(-1).pseudonym).toBe(`Svar ${String(total - 1).padStart(3, "0")}`);
    expect(second.data.counts.going).toBe(total);
    expect(second.data.doorRequests).toHaveLength(1);
    expect(second.data.next).toBeNull();

    const back = await open(second.data.previous.slice(second.data.previous.indexOf("?")));
    expect(back.data.answers.map((a: { memberId: string }) => a.memberId)).toEqual(
      first.data.answers.map((a: { memberId: string }) => a.memberId),
    );
    expect(back.data.previous).toBeNull();
  });

  it("numbers the waitlist in queue order across pages, going on where the page before stopped", async () => {
    const db = testDb().db;
    const bergen = await createChapter(db, { name: "Bergen" });
    const activity = await createActivity(db, { chapter_id: bergen.id, capacity: 30 });
    // 30 going, 90 waiting: the first page holds the 30 going and the first 70 waiting.
    for (let i = 0; i < 120; i++) {
      const member = await createMember(db, { chapter_id: bergen.id, pseudonym: `Kø ${String(i).padStart(3, "0")}` });
      await createRsvp(db, { activity_id: activity.id, member_id: member.id, status: i < 30 ? "going" : "waitlisted" });
    }
    const coordinator = await createStaff(db, { chapterIds: [bergen.id] });
    const cookie = await staffCookie(db, coordinator.id);
    const open = (query: string) =>
      call(answersLoader, `/staff/activities/${activity.id}/answers${query}`, {
        cookie,
        params: { activityId: activity.id },
      });
    const first = await open("");
    expect(first.data.waitlistStart).toBe(1);
    expect(first.data.answers.filter((a: { status: string }) => a.status === "waitlisted")).toHaveLength(70);
    const second = await open(first.data.next.slice(first.data.next.indexOf("?")));
    expect(second.data.answers[0].pseudonym).toBe("Kø 100");
    // "Kø 100" is the 71st in the queue.
    expect(second.data.waitlistStart).toBe(71);
    const back = await open(second.data.previous.slice(second.data.previous.indexOf("?")));
    expect(back.data.waitlistStart).toBe(1);
  });
});
