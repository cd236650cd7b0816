// The staff activity page's cancel, skip and undo under odd and hostile input (from a review of
// the "cancel the rest" change): no 500s, scope, nothing half-saved, the reason kept out of the
// log and notices, two undos at once, and what skipping does with "not going" and past dates.
import { action as editAction, loader as editLoader } from "~/routes/staff.activities.$activityId._index";
import { action as newAction } from "~/routes/staff.activities.new";
import { useTestDatabase } from "../setup/db";
import { createActivity, createChapter, createGroup, createMember, createRsvp, createStaff } from "../factories";
import { call, staffCookie } from "./support/staff";
import { formFields as form, weeklySeriesFields as weekly } from "./support/series";
import { listCancelledTogether, undoCancelledTogether } from "~/features/activities/staff-activities.server";
import { addWalkInMember } from "~/features/attendance/attendance.server";

const SECRET = "Hemmelig-grunn-7Q";

describe("the activity page's cancel, skip and undo under attack", () => {
  const testDb = useTestDatabase();

  async function setUp() {
    const db = testDb().db;
    const bergen = await createChapter(db, { name: "Bergen" });
    const oslo = await createChapter(db, { name: "Oslo" });
    const group = await createGroup(db, { chapter_id: bergen.id });
    const coordinator = await createStaff(db, { chapterIds: [bergen.id] });
    const osloCoordinator = await createStaff(db, { chapterIds: [oslo.id] });
    const cookie = await staffCookie(db, coordinator.id);
    const first = await call(newAction, "/staff/activities/new", {
      fields: form({ ...weekly, target: `group:${group.id}` }),
      cookie,
    });
    if (first.status === 200 && first.data?.holidays) {
      const reviewed = first.data.holidays.map((h: { date: string }) => h.date);
      const res = await call(newAction, "/staff/activities/new", {
        fields: form({ ...weekly, target: `group:${group.id}`, holidaysReviewed: reviewed, skipDates: [] }),
        cookie,
      });
      expect(res.status).toBe(303);
    }
    const series = await occurrences();
    const single = await createActivity(db, { chapter_id: bergen.id });
    const members = [];
    for (const at of [0, 2, 3, 5]) {
      const m = await createMember(db, { chapter_id: bergen.id, groupIds: [group.id] });
      await createRsvp(db, { activity_id: series[at]!.id, member_id: m.id, status: "going" });
      members.push(m);
    }
    return {
      db,
      series,
      single,
      bergen,
      cookie,
      staff: { id: coordinator.id, role: coordinator.role, chapterIds: [bergen.id] },
      oslo: { id: osloCoordinator.id, role: osloCoordinator.role, chapterIds: [oslo.id] },
      osloCookie: await staffCookie(db, osloCoordinator.id),
    };
  }

  async function occurrences() {
    return testDb()
      .db.selectFrom("activities")
      .selectAll()
      .where("series_id", "is not", null)
      .orderBy("starts_at")
      .execute();
  }

  const page = async (cookie: string, id: string) =>
    (await call(editLoader, `/staff/activities/${id}`, { cookie, params: { activityId: id } })).data;

  const post = (cookie: string, id: string, fields: Array<[string, string]>) =>
    call(editAction, `/staff/activities/${id}`, { fields, cookie, params: { activityId: id } });

  const counts = async () => {
    const db = testDb().db;
    const n = async (t: "notices" | "audit_log" | "cancellation_snapshots") =>
      Number(
        (
          await db
            .selectFrom(t)
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      notices: await n("notices"),
      audit: await n("audit_log"),
      snapshots: await n("cancellation_snapshots"),
      statuses: (await occurrences()).map((a) => a.status).join(","),
    };
  };

  it("never answers 500 to odd fields, for every new intent and every kind of activity", async () => {
    const { db, series, single, cookie } = await setUp();
    // One cancelled single and one cancelled series date (via cancelRest from the last date).
    const last = await page(cookie, series[5]!.id);
    expect(
      (
        await post(
          cookie,
          series[5]!.id,
          form({ intent: "cancelRest", seriesSequences: last.seriesSequences, reason: "x", confirm: "yes" }),
        )
      ).status,
    ).toBe(303);
    const targets = [single.id, series[0]!.id, series[5]!.id, "nope", "../x", "%00"];
    const odd = [
      "\u0000",
      "\u202e evil",
      "🙂".repeat(150),
      "🙂".repeat(151),
      "x".repeat(200_000),
      "\ud800",
      "<script>",
      "' OR 1=1 --",
    ];
    const variants: Array<Array<[string, string]>> = [
      [],
      [
        ["reason", "a"],
        ["reason", "b"],
        ["confirm", "yes"],
        ["confirm", "yes"],
      ],
      [["seriesSequences", "__proto__:1,constructor:2,toString:3,,:::,a:99999999999"]],
      [["seriesSequences", "x:1,".repeat(50_000)]],
      [
        ["skip", "__proto__"],
        ["skip", "constructor"],
        ["skip", ",,,"],
      ],
      [
        ["skip", series[1]!.id],
        ["skip", series[2]!.id],
        ["skip", series[1]!.id],
      ],
      [["sequence", "-1"]],
      [["sequence", "999999999"]],
      ...odd.map((s): Array<[string, string]> => [
        ["reason", s],
        ["skipReason", s],
        ["confirm", "yes"],
        ["skip", series[2]!.id],
      ]),
    ];
    for (const id of targets)
      for (const intent of ["cancel", "cancelRest", "undoCancel", "undoTogether", "skip", "", "UNDOTOGETHER"])
        for (const v of variants) {
          const res = await post(cookie, id, [["intent", intent], ["intent", "cancelRest"], ...v]);
          expect(res.status, `${intent} on ${id} with ${JSON.stringify(v).slice(0, 80)}`).toBeLessThan(500);
        }
    // No reason ever reached the database with a control or bidi character in it.
    const reasons = await db.selectFrom("activities").select("cancel_reason").execute();
    // eslint-disable-next-line no-control-regex -- the point is that none got through
    for (const { cancel_reason } of reasons) expect(cancel_reason ?? "").not.toMatch(/[\u0000\u202e]/);
  });

  it("a coordinator of another chapter gets 404 for undoTogether and the new query lists nothing", async () => {
    const { series, cookie, osloCookie, oslo } = await setUp();
    const p = await page(cookie, series[3]!.id);
    await post(
      cookie,
      series[3]!.id,
      form({ intent: "cancelRest", seriesSequences: p.seriesSequences, reason: SECRET, confirm: "yes" }),
    );
    const before = await counts();
    for (const id of series.map((s) => s.id)) {
      expect((await post(osloCookie, id, form({ intent: "undoTogether" }))).status).toBe(404);
      expect(
        (await call(editLoader, `/staff/activities/${id}`, { cookie: osloCookie, params: { activityId: id } })).status,
      ).toBe(404);
      expect(await listCancelledTogether(testDb().db, oslo, { activityId: id })).toEqual([]);
      expect(await undoCancelledTogether(testDb().db, oslo, { activityId: id })).toEqual({
        ok: false,
        error: "notFound",
      });
    }
    expect(await counts()).toEqual(before);
  });

  it("cancels nothing of the rest when one date changed meanwhile, and says so in the cancel form with what was typed", async () => {
    const { db, series, cookie } = await setUp();
    const p = await page(cookie, series[2]!.id);
    const stale = p.seriesSequences.replace(
      `${series[4]!.id}:${series[4]!.sequence}`,
      `${series[4]!.id}:${series[4]!.sequence + 7}`,
    );
    const before = await counts();
    const res = await post(
      cookie,
      series[2]!.id,
      form({ intent: "cancelRest", seriesSequences: stale, reason: SECRET, confirm: "yes" }),
    );
    expect(res.status).toBe(409);
    expect(res.data.cancel).toEqual({
      errors: { form: "staffSeries.changedMeanwhile" },
      values: { reason: SECRET, confirm: "yes" },
    });
    expect(await counts()).toEqual(before);
    expect(
      await db.selectFrom("activities").select("cancel_reason").where("cancel_reason", "is not", null).execute(),
    ).toEqual([]);
  });

  it("keeps the reason out of the audit log and notices for cancelRest, skip and undoTogether", async () => {
    const { db, series, cookie } = await setUp();
    const p = await page(cookie, series[0]!.id);
    await post(
      cookie,
      series[0]!.id,
      form({
        intent: "skip",
        skip: [series[0]!.id, series[1]!.id],
        seriesSequences: p.seriesSequences,
        skipReason: SECRET,
      }),
    );
    const q = await page(cookie, series[3]!.id);
    await post(
      cookie,
      series[3]!.id,
      form({ intent: "cancelRest", seriesSequences: q.seriesSequences, reason: SECRET, confirm: "yes" }),
    );
    expect((await post(cookie, series[5]!.id, form({ intent: "undoTogether" }))).headers.get("Location")).toContain(
      "restored=3",
    );
    const dump = JSON.stringify([
      await db.selectFrom("audit_log").selectAll().execute(),
      await db.selectFrom("notices").selectAll().execute(),
    ]);
    expect(dump).not.toContain("Hemmelig");
  });

  it("two undos of the same step at once restore each date once, with one notice and one audit row each", async () => {
    const { db, series, cookie } = await setUp();
    const p = await page(cookie, series[2]!.id);
    await post(
      cookie,
      series[2]!.id,
      form({ intent: "cancelRest", seriesSequences: p.seriesSequences, reason: "x", confirm: "yes" }),
    );
    const before = await counts();
    const results = await Promise.all([
      post(cookie, series[2]!.id, form({ intent: "undoTogether" })),
      post(cookie, series[5]!.id, form({ intent: "undoTogether" })),
      post(cookie, series[3]!.id, form({ intent: "undoCancel" })),
    ]);
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s === 303).length).toBeGreaterThanOrEqual(1);
    const after = await counts();
    const restored = await db
      .selectFrom("audit_log")
      .select("object_id")
      .where("action", "=", "activity.restore")
      .execute();
    expect(restored.map((r) => r.object_id).sort()).toEqual(
      series
        .slice(2)
        .map((s) => s.id)
        .sort(),
    );
    // Members going to dates 2, 3 and 5 were told once each.
    expect(after.notices - before.notices).toBe(3);
    expect(after.snapshots).toBe(before.snapshots - 4);
    expect(after.statuses).toBe("scheduled,scheduled,scheduled,scheduled,scheduled,scheduled");
  });
});

describe("two undos of the same cancelled dates at once, called directly", () => {
  const testDb = useTestDatabase();
  it("one restores every date, the other is told it changed, twenty times over", async () => {
    const db = testDb().db;
    const bergen = await createChapter(db, { name: "Bergen" });
    const coordinator = await createStaff(db, { chapterIds: [bergen.id] });
    const staff = { id: coordinator.id, role: coordinator.role, chapterIds: [bergen.id] };
    const { cancelRestOfSeries } = await import("~/features/activities/staff-activities.server");
    for (let round = 0; round < 20; round++) {
      const seriesId = `series-${round}`;
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const a = await createActivity(db, {
          chapter_id: bergen.id,
          series_id: seriesId,
          starts_at: new Date(Date.now() + (i + 2) * 86400_000).toISOString(),
        });
        const m = await createMember(db, { chapter_id: bergen.id });
        await createRsvp(db, { activity_id: a.id, member_id: m.id, status: "going" });
        ids.push(a.id);
      }
      const seqs = Object.fromEntries(
        (await db.selectFrom("activities").select(["id", "sequence"]).where("series_id", "=", seriesId).execute()).map(
          (r) => [r.id, r.sequence],
        ),
      );
      expect(
        await cancelRestOfSeries(db, staff, { activityId: ids[0]!, expectedSequences: seqs, reason: "x" }),
      ).toMatchObject({ ok: true });
      const [a, b] = await Promise.all([
        undoCancelledTogether(db, staff, { activityId: ids[0]! }),
        undoCancelledTogether(db, staff, { activityId: ids[4]! }),
      ]);
      expect([a, b].filter((r) => r.ok)).toEqual([{ ok: true, restored: 5 }]);
      const restores = await db
        .selectFrom("audit_log")
        .select("object_id")
        .where("action", "=", "activity.restore")
        .where("object_id", "in", ids)
        .execute();
      expect(restores).toHaveLength(5);
    }
  });
});

describe("skipping dates nobody will be told about", () => {
  const testDb = useTestDatabase();
  it("cancels a date only 'not going' answered without asking for a reason, keeping their notes", async () => {
    const db = testDb().db;
    const bergen = await createChapter(db, { name: "Bergen" });
    const group = await createGroup(db, { chapter_id: bergen.id });
    const coordinator = await createStaff(db, { chapterIds: [bergen.id] });
    const cookie = await staffCookie(db, coordinator.id);
    const a = await createActivity(db, { chapter_id: bergen.id, group_id: group.id, series_id: "s1" });
    const b = await createActivity(db, {
      chapter_id: bergen.id,
      group_id: group.id,
      series_id: "s1",
      starts_at: new Date(Date.now() + 14 * 86400_000).toISOString(),
    });
    const m = await createMember(db, { chapter_id: bergen.id, groupIds: [group.id] });
    await createRsvp(db, {
      activity_id: b.id,
      member_id: m.id,
      status: "not_going",
      note: "Beklager, jeg er bortreist",
    });
    const p = (await call(editLoader, `/staff/activities/${a.id}`, { cookie, params: { activityId: a.id } })).data;
    expect(p.occurrences.find((o: { id: string }) => o.id === b.id)).toMatchObject({ goingCount: 0, waitlistCount: 0 });
    const res = await call(editAction, `/staff/activities/${a.id}`, {
      fields: form({ intent: "skip", skip: [b.id], seriesSequences: p.seriesSequences }),
      cookie,
      params: { activityId: a.id },
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toContain("removed=0&skippedCancelled=1");
    expect(
      await db.selectFrom("activities").select(["status", "cancel_reason"]).where("id", "=", b.id).execute(),
    ).toEqual([{ status: "cancelled", cancel_reason: null }]);
    expect(await db.selectFrom("rsvps").select("note").execute()).toEqual([{ note: "Beklager, jeg er bortreist" }]);
    expect(await db.selectFrom("notices").selectAll().execute()).toEqual([]);
  });

  it("leaves alone a date not yet started that already has someone checked in at the door", async () => {
    const db = testDb().db;
    const bergen = await createChapter(db, { name: "Bergen" });
    const group = await createGroup(db, { chapter_id: bergen.id });
    const coordinator = await createStaff(db, { chapterIds: [bergen.id] });
    const staff = { id: coordinator.id, role: coordinator.role, chapterIds: [bergen.id] };
    const cookie = await staffCookie(db, coordinator.id);
    const a = await createActivity(db, { chapter_id: bergen.id, group_id: group.id, series_id: "s1" });
    // The door opened early: the date starts in 20 minutes, and a walk-in is checked in.
    const soon = Date.now() + 20 * 60_000;
    const b = await createActivity(db, {
      chapter_id: bergen.id,
      group_id: group.id,
      series_id: "s1",
      starts_at: new Date(soon).toISOString(),
      ends_at: new Date(soon + 2 * 3600_000).toISOString(),
    });
    const m = await createMember(db, { chapter_id: bergen.id, groupIds: [group.id] });
    expect(await addWalkInMember(db, staff, { activityId: b.id, pseudonym: m.pseudonym })).toBe("added");
    const p = (await call(editLoader, `/staff/activities/${a.id}`, { cookie, params: { activityId: a.id } })).data;
    const res = await call(editAction, `/staff/activities/${a.id}`, {
      fields: form({ intent: "skip", skip: [b.id], seriesSequences: p.seriesSequences, skipReason: "Stengt" }),
      cookie,
      params: { activityId: a.id },
    });
    expect(res.headers.get("Location")).toContain("removed=0&skippedCancelled=0");
    expect(await db.selectFrom("activities").select("status").where("id", "=", b.id).execute()).toEqual([
      { status: "scheduled" },
    ]);
    expect(await db.selectFrom("check_ins").select("member_id").execute()).toEqual([{ member_id: m.id }]);
  });

  it("neither skips nor cancels with the rest a date that has started, and greys out its box", async () => {
    const db = testDb().db;
    const bergen = await createChapter(db, { name: "Bergen" });
    const coordinator = await createStaff(db, { chapterIds: [bergen.id] });
    const cookie = await staffCookie(db, coordinator.id);
    const hour = 3600_000;
    const started = await createActivity(db, {
      chapter_id: bergen.id,
      series_id: "s2",
      starts_at: new Date(Date.now() - hour).toISOString(),
      ends_at: new Date(Date.now() + hour).toISOString(),
    });
    const next = await createActivity(db, {
      chapter_id: bergen.id,
      series_id: "s2",
      starts_at: new Date(Date.now() + 7 * 24 * hour).toISOString(),
      ends_at: new Date(Date.now() + 7 * 24 * hour + 2 * hour).toISOString(),
    });
    const open = async () =>
      (await call(editLoader, `/staff/activities/${started.id}`, { cookie, params: { activityId: started.id } })).data;
    const p = await open();
    expect(p.occurrences.map((o: { started: boolean }) => o.started)).toEqual([true, false]);
    expect(p.restCount).toBe(1);
    const skip = await call(editAction, `/staff/activities/${started.id}`, {
      fields: form({ intent: "skip", skip: [started.id], seriesSequences: p.seriesSequences }),
      cookie,
      params: { activityId: started.id },
    });
    expect(skip.status).toBe(303);
    expect(skip.headers.get("Location")).toContain("removed=0&skippedCancelled=0");
    const rest = await call(editAction, `/staff/activities/${started.id}`, {
      fields: form({ intent: "cancelRest", seriesSequences: p.seriesSequences, reason: "Syk", confirm: "yes" }),
      cookie,
      params: { activityId: started.id },
    });
    // Shown on the date that was cancelled, where its undo is.
    expect(rest.headers.get("Location")).toBe(`/staff/activities/${next.id}?cancelledRest=1`);
    const rows = await db.selectFrom("activities").select(["id", "status"]).orderBy("starts_at").execute();
    expect(rows).toEqual([
      { id: started.id, status: "scheduled" },
      { id: next.id, status: "cancelled" },
    ]);
  });
});

describe("multipart bodies with files where text is expected", () => {
  const testDb = useTestDatabase();
  it("never answers 500", async () => {
    const db = testDb().db;
    const bergen = await createChapter(db, { name: "Bergen" });
    const coordinator = await createStaff(db, { chapterIds: [bergen.id] });
    const cookie = await staffCookie(db, coordinator.id);
    const a = await createActivity(db, { chapter_id: bergen.id, series_id: "s1" });
    for (const intent of ["cancel", "cancelRest", "undoTogether", "undoCancel", "skip"]) {
      const body = new FormData();
      body.append("intent", intent);
      for (const f of ["reason", "skipReason", "seriesSequences", "skip", "confirm", "sequence", "languages"])
        body.append(f, new File(["x"], "x.txt"));
      body.append("skip", a.id);
      const request = new Request(`http://localhost/staff/activities/${a.id}`, {
        method: "POST",
        body,
        headers: { Cookie: cookie },
      });
      let status: number;
      try {
        const context = { cspNonce: "", clientAddress: "127.0.0.1" };
        const r = (await editAction({ request, params: { activityId: a.id }, context })) as any;
        status = r instanceof Response ? r.status : (r?.init?.status ?? 200);
      } catch (e) {
        if (!(e instanceof Response)) throw e;
        status = e.status;
      }
      expect(status, intent).toBeLessThan(500);
    }
  });
});
