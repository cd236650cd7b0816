// A weekly programme: series edited this / following / all (across the change to summer time),
// answers surviving edits, skipped dates, the rest cancelled, holidays, past starts, copies.
import { action as editAction, loader as editLoader } from "~/routes/staff.activities.$activityId._index";
import { action as newAction } from "~/routes/staff.activities.new";
import { useTestDatabase } from "../setup/db";
import { createChapter, createGroup, createMember, createRsvp, createStaff } from "../factories";
import { call, staffCookie } from "./support/staff";
import { formFields as form, weeklySeriesFields as weekly } from "./support/series";
import { listNoticesForMember } from "~/features/my-notices/my-notices.server";
import {
  cancelRestOfSeries,
  listCancelledTogether,
  undoCancelledTogether,
} from "~/features/activities/staff-activities.server";

describe("a weekly series", () => {
  const testDb = useTestDatabase();

  async function setUp() {
    const db = testDb().db;
    const bergen = await createChapter(db, { name: "Bergen" });
    const oslo = await createChapter(db, { name: "Oslo" });
    const group = await createGroup(db, { chapter_id: bergen.id });
    const coordinator = await createStaff(db, { chapterIds: [bergen.id] });
    const osloCoordinator = await createStaff(db, { chapterIds: [oslo.id] });
    return {
      db,
      group,
      staff: { id: coordinator.id, role: coordinator.role, chapterIds: [bergen.id] },
      cookie: await staffCookie(db, coordinator.id),
      osloCookie: await staffCookie(db, osloCoordinator.id),
    };
  }

  async function publishSeries(cookie: string, target: string, fields: Record<string, string | string[]> = {}) {
    const first = await call(newAction, "/staff/activities/new", {
      fields: form({ ...weekly, target, ...fields }),
      cookie,
    });
    // Easter week 2027 (21–29 March) is in the way: the first answer asks, the second publishes.
    if (first.status === 200 && first.data?.holidays) {
      const reviewed = first.data.holidays.map((h: { date: string }) => h.date);
      const res = await call(newAction, "/staff/activities/new", {
        fields: form({ ...weekly, target, ...fields, holidaysReviewed: reviewed, skipDates: [] }),
        cookie,
      });
      expect(res.status).toBe(303);
      return occurrences();
    }
    expect(first.status).toBe(303);
    return occurrences();
  }

  async function occurrences() {
    return testDb()
      .db.selectFrom("activities")
      .selectAll()
      .where("series_id", "is not", null)
      .orderBy("starts_at")
      .execute();
  }

  async function editPage(cookie: string, id: string) {
    const page = await call(editLoader, `/staff/activities/${id}`, { cookie, params: { activityId: id } });
    expect(page.status).toBe(200);
    return page.data;
  }

  async function edit(cookie: string, id: string, scope: string, fields: Record<string, string | string[]>) {
    const page = await editPage(cookie, id);
    return call(editAction, `/staff/activities/${id}`, {
      fields: form({
        ...page.values,
        languages: page.values.languages.split(","),
        sequence: String(page.sequence),
        seriesSequences: page.seriesSequences,
        scope,
        ...fields,
      }),
      cookie,
      params: { activityId: id },
    });
  }

  it("moves this and the following dates to 19:00 Oslo time across the change to summer time, and keeps answers", async () => {
    const { db, group, cookie } = await setUp();
    const before = await publishSeries(cookie, `group:${group.id}`);
    expect(before).toHaveLength(6);
    // 18:00 in winter is 17:00 UTC, in summer 16:00 UTC: the series is built in wall-clock time.
    expect(before.map((a) => a.starts_at)).toEqual([
      "2027-03-11T17:00:00.000Z",
      "2027-03-18T17:00:00.000Z",
      "2027-03-25T17:00:00.000Z",
      "2027-04-01T16:00:00.000Z",
      "2027-04-08T16:00:00.000Z",
      "2027-04-15T16:00:00.000Z",
    ]);
    const member = await createMember(db, { chapter_id: group.chapter_id!, groupIds: [group.id] });
    await createRsvp(db, { activity_id: before[3]!.id, member_id: member.id, status: "going", note: "hei" });

    const res = await edit(cookie, before[2]!.id, "following", { startTime: "19:00", endTime: "21:00" });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toContain("saved=4");

    const after = await occurrences();
    expect(after.map((a) => a.id)).toEqual(before.map((a) => a.id));
    expect(after.map((a) => a.starts_at)).toEqual([
      "2027-03-11T17:00:00.000Z",
      "2027-03-18T17:00:00.000Z",
      "2027-03-25T18:00:00.000Z",
      "2027-04-01T17:00:00.000Z",
      "2027-04-08T17:00:00.000Z",
      "2027-04-15T17:00:00.000Z",
    ]);
    expect(after[5]!.ends_at).toBe("2027-04-15T19:00:00.000Z");
    const answer = await db
      .selectFrom("rsvps")
      .selectAll()
      .where("member_id", "=", member.id)
      .executeTakeFirstOrThrow();
    expect(answer).toMatchObject({ activity_id: before[3]!.id, status: "going", note: "hei" });
    const audit = await db.selectFrom("audit_log").selectAll().where("action", "=", "activity.update").execute();
    expect(audit).toHaveLength(4);
    expect(audit.every((a) => JSON.parse(a.details!).scope === "following")).toBe(true);
  });

  it("changes only the one date when asked, and the whole series (place, capacity, text) when asked", async () => {
    const { group, cookie } = await setUp();
    const before = await publishSeries(cookie, `group:${group.id}`);

    expect((await edit(cookie, before[1]!.id, "this", { area: "Fana" })).status).toBe(303);
    let after = await occurrences();
    expect(after.map((a) => a.area)).toEqual(["Sentrum", "Fana", "Sentrum", "Sentrum", "Sentrum", "Sentrum"]);

    const res = await edit(cookie, before[4]!.id, "all", {
      area: "Laksevåg",
      address: "Nytt sted 1",
      capacity: "8",
      title: "Middag og prat",
      languages: ["nb", "en"],
    });
    expect(res.status).toBe(303);
    after = await occurrences();
    expect(new Set(after.map((a) => `${a.area}|${a.address}|${a.capacity}|${a.title}|${a.languages}`))).toEqual(
      new Set(["Laksevåg|Nytt sted 1|8|Middag og prat|nb,en"]),
    );
    // The clock times are untouched by a change of place.
    expect(after.map((a) => a.starts_at)).toEqual(before.map((a) => a.starts_at));
  });

  it("moves the whole series to another weekday by the same number of days", async () => {
    const { group, cookie } = await setUp();
    const before = await publishSeries(cookie, `group:${group.id}`);
    const res = await edit(cookie, before[0]!.id, "all", { startDate: "2027-03-12", endDate: "2027-03-12" });
    expect(res.status).toBe(303);
    const after = await occurrences();
    expect(after.map((a) => a.starts_at)).toEqual([
      "2027-03-12T17:00:00.000Z",
      "2027-03-19T17:00:00.000Z",
      "2027-03-26T17:00:00.000Z",
      "2027-04-02T16:00:00.000Z",
      "2027-04-09T16:00:00.000Z",
      "2027-04-16T16:00:00.000Z",
    ]);
  });

  it("keeps every going member when capacity is lowered below them, and lets no one new in", async () => {
    const { db, group, cookie } = await setUp();
    const before = await publishSeries(cookie, `group:${group.id}`);
    const members = await Promise.all(
      [1, 2, 3].map(() => createMember(db, { chapter_id: group.chapter_id!, groupIds: [group.id] })),
    );
    for (const m of members) await createRsvp(db, { activity_id: before[0]!.id, member_id: m.id, status: "going" });
    expect((await edit(cookie, before[0]!.id, "all", { capacity: "1" })).status).toBe(303);
    const going = await db
      .selectFrom("rsvps")
      .select("member_id")
      .where("activity_id", "=", before[0]!.id)
      .where("status", "=", "going")
      .execute();
    expect(going).toHaveLength(3);
    expect((await editPage(cookie, before[0]!.id)).overflow).toBe(2);
  });

  it("saves nothing of a series edit when one date was changed by someone else meanwhile", async () => {
    const { group, cookie } = await setUp();
    const before = await publishSeries(cookie, `group:${group.id}`);
    const page = await editPage(cookie, before[0]!.id);
    // Someone edits the fourth date alone after the form was opened.
    expect((await edit(cookie, before[3]!.id, "this", { area: "Fana" })).status).toBe(303);
    const res = await call(editAction, `/staff/activities/${before[0]!.id}`, {
      fields: form({
        ...page.values,
        languages: ["nb"],
        sequence: String(page.sequence),
        seriesSequences: page.seriesSequences,
        scope: "all",
        startTime: "17:00",
        endTime: "19:00",
      }),
      cookie,
      params: { activityId: before[0]!.id },
    });
    expect(res.status).toBe(409);
    expect((await occurrences()).map((a) => a.starts_at)).toEqual(before.map((a) => a.starts_at));
  });

  it("removes a skipped date nobody answered, and cancels a skipped date with answers with staff's reason", async () => {
    const { db, group, cookie } = await setUp();
    const before = await publishSeries(cookie, `group:${group.id}`);
    const member = await createMember(db, { chapter_id: group.chapter_id!, groupIds: [group.id] });
    await createRsvp(db, { activity_id: before[2]!.id, member_id: member.id, status: "going" });
    const page = await editPage(cookie, before[0]!.id);
    const res = await call(editAction, `/staff/activities/${before[0]!.id}`, {
      fields: form({
        intent: "skip",
        skip: [before[1]!.id, before[2]!.id],
        seriesSequences: page.seriesSequences,
        skipReason: "  Lokalet er stengt  ",
      }),
      cookie,
      params: { activityId: before[0]!.id },
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toContain("removed=1&skippedCancelled=1");
    const after = await occurrences();
    expect(after.map((a) => a.id)).toEqual([before[0]!.id, before[2]!.id, ...before.slice(3).map((a) => a.id)]);
    expect(after.find((a) => a.id === before[2]!.id)).toMatchObject({
      status: "cancelled",
      cancel_reason: "Lokalet er stengt",
    });
    expect(await db.selectFrom("rsvps").select("status").execute()).toEqual([{ status: "going" }]);
    const told = await listNoticesForMember(db, { id: member.id, chapterId: group.chapter_id! });
    expect(told.map((n) => [n.kind, n.activity?.cancelReason])).toEqual([["cancelled", "Lokalet er stengt"]]);
  });

  it("skips nothing when a ticked date has answers and no reason is given, and keeps the ticks", async () => {
    const { db, group, cookie } = await setUp();
    const before = await publishSeries(cookie, `group:${group.id}`);
    const member = await createMember(db, { chapter_id: group.chapter_id!, groupIds: [group.id] });
    await createRsvp(db, { activity_id: before[2]!.id, member_id: member.id, status: "going" });
    const page = await editPage(cookie, before[0]!.id);
    const skip = async (skipReason: string) =>
      call(editAction, `/staff/activities/${before[0]!.id}`, {
        fields: form({
          intent: "skip",
          skip: [before[1]!.id, before[2]!.id],
          seriesSequences: page.seriesSequences,
          skipReason,
        }),
        cookie,
        params: { activityId: before[0]!.id },
      });
    const missing = await skip("   ");
    expect(missing.status).toBe(400);
    expect(missing.data.skipForm).toEqual({
      errors: { skipReason: "staffSeries.skipReasonRequired" },
      values: { skipReason: "   ", skip: [before[1]!.id, before[2]!.id] },
    });
    const tooLong = await skip("x".repeat(301));
    expect(tooLong.status).toBe(400);
    expect(tooLong.data.skipForm.errors).toEqual({ skipReason: "staffNotices.reasonTooLong" });
    // Nothing half-done: the unanswered date was not removed either, and nobody was told.
    const after = await occurrences();
    expect(after.map((a) => [a.id, a.status])).toEqual(before.map((a) => [a.id, "scheduled"]));
    expect(await db.selectFrom("notices").selectAll().execute()).toEqual([]);
    // Dates nobody answered need no reason.
    const unanswered = await call(editAction, `/staff/activities/${before[0]!.id}`, {
      fields: form({ intent: "skip", skip: [before[1]!.id], seriesSequences: page.seriesSequences }),
      cookie,
      params: { activityId: before[0]!.id },
    });
    expect(unanswered.status).toBe(303);
    expect(await occurrences()).toHaveLength(5);
  });

  /** Two members going to the fourth and the sixth date, one on the first. */
  async function seriesWithAnswers() {
    const setup = await setUp();
    const before = await publishSeries(setup.cookie, `group:${setup.group.id}`);
    const members = [];
    for (const at of [0, 3, 5]) {
      const member = await createMember(setup.db, { chapter_id: setup.group.chapter_id!, groupIds: [setup.group.id] });
      await createRsvp(setup.db, { activity_id: before[at]!.id, member_id: member.id, status: "going" });
      members.push({ id: member.id, chapterId: setup.group.chapter_id! });
    }
    return { ...setup, before, members };
  }

  const cancelRest = (
    cookie: string,
    id: string,
    page: { seriesSequences: string; sequence: number },
    fields: Record<string, string>,
  ) =>
    call(editAction, `/staff/activities/${id}`, {
      fields: form({
        intent: "cancelRest",
        seriesSequences: page.seriesSequences,
        sequence: String(page.sequence),
        ...fields,
      }),
      cookie,
      params: { activityId: id },
    });

  it("cancels this date and the rest of the series with one reason that reaches everyone going, leaving earlier dates", async () => {
    const { db, cookie, before, members } = await seriesWithAnswers();
    const page = await editPage(cookie, before[3]!.id);
    expect(page.restCount).toBe(3);
    const res = await cancelRest(cookie, before[3]!.id, page, { reason: "Sorry, the leader is ill", confirm: "yes" });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toContain("cancelledRest=3");
    const after = await occurrences();
    expect(after.map((a) => a.status)).toEqual([
      "scheduled",
      "scheduled",
      "scheduled",
      "cancelled",
      "cancelled",
      "cancelled",
    ]);
    expect(after.slice(3).map((a) => a.cancel_reason)).toEqual(Array(3).fill("Sorry, the leader is ill"));
    expect(after[0]!.cancel_reason).toBeNull();
    // Those going to a cancelled date read the reason; the one going to the first date hears nothing.
    for (const member of members.slice(1)) {
      const told = await listNoticesForMember(db, member);
      expect(told.map((n) => [n.kind, n.activity?.cancelReason])).toEqual([["cancelled", "Sorry, the leader is ill"]]);
    }
    expect(await listNoticesForMember(db, members[0]!)).toEqual([]);
    const audit = await db
      .selectFrom("audit_log")
      .select(["action", "details"])
      .where("action", "=", "activity.cancelRest")
      .execute();
    expect(audit).toHaveLength(3);
    // The log keeps the reason's length, never the words.
    for (const row of audit) {
      expect(JSON.parse(row.details ?? "{}")).toMatchObject({ reasonLength: "Sorry, the leader is ill".length });
      expect(row.details).not.toContain("leader");
    }
  });

  it("cancels nothing of the rest without a reason or without the tick, and keeps what was typed", async () => {
    const { db, cookie, before } = await seriesWithAnswers();
    const page = await editPage(cookie, before[3]!.id);
    const noReason = await cancelRest(cookie, before[3]!.id, page, { reason: "  ", confirm: "yes" });
    expect(noReason.status).toBe(400);
    expect(noReason.data.cancel).toEqual({
      errors: { reason: "staffNotices.reasonRequired" },
      values: { reason: "  ", confirm: "yes" },
    });
    const noTick = await cancelRest(cookie, before[3]!.id, page, { reason: "Syk" });
    expect(noTick.status).toBe(400);
    expect(noTick.data.cancel).toEqual({
      errors: { confirm: "staffNotices.confirmRequired" },
      values: { reason: "Syk", confirm: "" },
    });
    const neither = await cancelRest(cookie, before[3]!.id, page, {});
    expect(neither.status).toBe(400);
    expect(Object.keys(neither.data.cancel.errors).sort()).toEqual(["confirm", "reason"]);
    const tooLong = await cancelRest(cookie, before[3]!.id, page, { reason: "x".repeat(301), confirm: "yes" });
    expect(tooLong.data.cancel.errors).toEqual({ reason: "staffNotices.reasonTooLong" });
    expect((await occurrences()).every((a) => a.status === "scheduled")).toBe(true);
    expect(await db.selectFrom("notices").selectAll().execute()).toEqual([]);
    expect(await db.selectFrom("cancellation_snapshots").selectAll().execute()).toEqual([]);
  });

  it("undoes the rest of a series together: every date and answer as before, and everyone told", async () => {
    const { db, cookie, before, members } = await seriesWithAnswers();
    // The second date is cancelled on its own first: undoing the rest together leaves it cancelled.
    const second = await editPage(cookie, before[1]!.id);
    const alone = await call(editAction, `/staff/activities/${before[1]!.id}`, {
      fields: form({ intent: "cancel", sequence: String(second.sequence), reason: "Ferie", confirm: "yes" }),
      cookie,
      params: { activityId: before[1]!.id },
    });
    expect(alone.status).toBe(303);
    const answersBefore = await db.selectFrom("rsvps").selectAll().orderBy("id").execute();
    const page = await editPage(cookie, before[3]!.id);
    expect((await cancelRest(cookie, before[3]!.id, page, { reason: "Syk", confirm: "yes" })).status).toBe(303);

    // Opened from a later date of the same step, the page offers to undo all three.
    const later = await editPage(cookie, before[5]!.id);
    expect(later.cancelledTogether).toBe(3);
    expect((await editPage(cookie, before[1]!.id)).cancelledTogether).toBe(1);
    const undo = await call(editAction, `/staff/activities/${before[5]!.id}`, {
      fields: form({ intent: "undoTogether" }),
      cookie,
      params: { activityId: before[5]!.id },
    });
    expect(undo.status).toBe(303);
    expect(undo.headers.get("Location")).toContain("restored=3");
    expect((await occurrences()).map((a) => a.status)).toEqual([
      "scheduled",
      "cancelled",
      "scheduled",
      "scheduled",
      "scheduled",
      "scheduled",
    ]);
    const answersAfter = await db.selectFrom("rsvps").selectAll().orderBy("id").execute();
    expect(answersAfter.map(({ updated_at: _, ...a }) => a)).toEqual(answersBefore.map(({ updated_at: _, ...a }) => a));
    for (const member of members.slice(1))
      expect((await listNoticesForMember(db, member)).map((n) => n.kind)).toEqual(["restored", "cancelled"]);
    expect(
      await db.selectFrom("audit_log").select("action").where("action", "=", "activity.restore").execute(),
    ).toHaveLength(3);
    // Nothing is left to undo together: a second press says so and changes nothing.
    const again = await call(editAction, `/staff/activities/${before[5]!.id}`, {
      fields: form({ intent: "undoTogether" }),
      cookie,
      params: { activityId: before[5]!.id },
    });
    expect(again.status).toBe(409);
    expect(again.data.undoError).toBe("staffSeries.changedMeanwhile");
    // The date cancelled on its own, two days ago: too late, and the page says so.
    const twoDaysAgo = new Date(Date.now() - 48 * 3600_000).toISOString();
    await db.updateTable("cancellation_snapshots").set({ cancelled_at: twoDaysAgo }).execute();
    for (const intent of ["undoCancel", "undoTogether"]) {
      const late = await call(editAction, `/staff/activities/${before[1]!.id}`, {
        fields: form({ intent }),
        cookie,
        params: { activityId: before[1]!.id },
      });
      expect(late.status).toBe(409);
      expect(late.data.undoError).toBe("staffNotices.tooLateToUndo");
    }
    expect((await occurrences())[1]!.status).toBe("cancelled");
  });

  it("undoes the rest together even when one of its dates was put back on its own meanwhile", async () => {
    const { db, cookie, before, members } = await seriesWithAnswers();
    const page = await editPage(cookie, before[2]!.id);
    expect((await cancelRest(cookie, before[2]!.id, page, { reason: "Syk", confirm: "yes" })).status).toBe(303);
    const post = (id: string, intent: string) =>
      call(editAction, `/staff/activities/${id}`, { fields: form({ intent }), cookie, params: { activityId: id } });
    expect((await post(before[3]!.id, "undoCancel")).status).toBe(303);
    const together = await post(before[5]!.id, "undoTogether");
    expect(together.headers.get("Location")).toContain("restored=3");
    expect((await occurrences()).every((a) => a.status === "scheduled")).toBe(true);
    // Each date restored once: one audit row and one "on again" notice for each.
    const restores = await db
      .selectFrom("audit_log")
      .select("object_id")
      .where("action", "=", "activity.restore")
      .execute();
    expect(restores.map((r) => r.object_id).sort()).toEqual(
      before
        .slice(2)
        .map((a) => a.id)
        .sort(),
    );
    for (const member of members.slice(1))
      expect((await listNoticesForMember(db, member)).map((n) => n.kind)).toEqual(["restored", "cancelled"]);
  });

  it("undoes together only the dates that have not started, and refuses after a day", async () => {
    const { db, group, cookie, staff } = await setUp();
    const before = await publishSeries(cookie, `group:${group.id}`);
    const page = await editPage(cookie, before[0]!.id);
    expect(page.restCount).toBe(6);
    const sequences = Object.fromEntries(before.map((a) => [a.id, a.sequence]));
    // Cancelled on the morning of the second date (18 March, 18:00 Oslo = 17:00 UTC).
    const cancelledAt = new Date("2027-03-18T09:00:00.000Z");
    const cancelled = await cancelRestOfSeries(
      db,
      staff,
      { activityId: before[1]!.id, expectedSequences: sequences, reason: "Syk" },
      cancelledAt,
    );
    expect(cancelled).toMatchObject({ ok: true, changedIds: before.slice(1).map((a) => a.id) });
    const rest = before.slice(1).map((a) => a.id);
    const beforeStart = new Date("2027-03-18T12:00:00.000Z");
    expect(await listCancelledTogether(db, staff, { activityId: before[3]!.id }, beforeStart)).toEqual(rest);
    // That evening the second date has started: it stays cancelled, the four later ones can come back.
    const evening = new Date("2027-03-18T17:30:00.000Z");
    expect(await listCancelledTogether(db, staff, { activityId: before[1]!.id }, evening)).toEqual([]);
    expect(await undoCancelledTogether(db, staff, { activityId: before[1]!.id }, evening)).toEqual({
      ok: false,
      error: "tooLate",
    });
    // A day after cancelling, it is too late for all of them.
    const nextDay = new Date("2027-03-19T09:00:00.000Z");
    expect(await undoCancelledTogether(db, staff, { activityId: before[3]!.id }, nextDay)).toEqual({
      ok: false,
      error: "tooLate",
    });
    expect(await undoCancelledTogether(db, staff, { activityId: before[3]!.id }, evening)).toEqual({
      ok: true,
      restored: 4,
    });
    expect((await occurrences()).map((a) => a.status)).toEqual([
      "scheduled",
      "cancelled",
      "scheduled",
      "scheduled",
      "scheduled",
      "scheduled",
    ]);
  });

  it("answers 404 to a coordinator of another chapter for every series action, and changes nothing", async () => {
    const { group, cookie, osloCookie } = await setUp();
    const before = await publishSeries(cookie, `group:${group.id}`);
    const page = await editPage(cookie, before[0]!.id);
    for (const intent of ["skip", "cancelRest", "undoTogether", "copyNextWeek", "save"]) {
      const res = await call(editAction, `/staff/activities/${before[0]!.id}`, {
        fields: form({
          ...page.values,
          languages: ["nb"],
          intent,
          skip: [before[1]!.id],
          sequence: String(page.sequence),
          seriesSequences: page.seriesSequences,
          scope: "all",
          area: "Fana",
          reason: "Syk",
          confirm: "yes",
          skipReason: "Syk",
        }),
        cookie: osloCookie,
        params: { activityId: before[0]!.id },
      });
      expect(res.status).toBe(404);
    }
    const after = await occurrences();
    expect(after).toHaveLength(6);
    expect(after.every((a) => a.area === "Sentrum" && a.status === "scheduled")).toBe(true);
  });
});
