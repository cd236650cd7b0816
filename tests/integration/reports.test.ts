// The report for funders against a hand-counted fixture: every figure, the breakdowns, the
// suppression on the page and in the CSV, and a coordinator seeing only her chapters.
import { loader as csvLoader } from "~/routes/staff.reports[.csv]";
import { loader as pageLoader } from "~/routes/staff.reports";
import { loadReportForStaff, reportCsvForStaff } from "~/features/reports/reports.server";
import type { AppDatabase } from "../../db/connection";
import { useTestDatabase } from "../setup/db";
import { createActivity, createChapter, createGroup, createMember, createRsvp, createStaff } from "../factories";
import { call, staffCookie } from "./support/staff";

const NOW = new Date("2026-12-01T12:00:00.000Z");
const OCTOBER = new URLSearchParams({ period: "month", month: "2026-10" });

async function checkIn(db: AppDatabase, activityId: string, memberId: string) {
  await db
    .insertInto("check_ins")
    .values({ activity_id: activityId, member_id: memberId, checked_in_at: NOW.toISOString() })
    .execute();
}

/**
 * Bergen: A1 (5 Oct, women) 6 going, 5 came + 2 without account = 7; A2 (20 Oct, everyone) 2 going,
 * both came + 1 walk-in member = 3; A3 (25 Oct) cancelled; A0 (10 Sep) where m2 came before.
 * Oslo: B1 (12 Oct, men) 6 going, 6 came.
 */
async function fixture(db: AppDatabase) {
  const bergen = await createChapter(db, { name: "Bergen" });
  const oslo = await createChapter(db, { name: "Oslo" });
  const women = await createGroup(db, { chapter_id: bergen.id, audience: "women" });
  const men = await createGroup(db, { chapter_id: oslo.id, audience: "men" });
  const at = (day: string) => ({ starts_at: `${day}T16:00:00.000Z`, ends_at: `${day}T18:00:00.000Z` });
  const a0 = await createActivity(db, { chapter_id: bergen.id, ...at("2026-09-10") });
  const a1 = await createActivity(db, { chapter_id: bergen.id, group_id: women.id, ...at("2026-10-05") });
  const a2 = await createActivity(db, { chapter_id: bergen.id, ...at("2026-10-20") });
  await createActivity(db, {
    chapter_id: bergen.id,
    ...at("2026-10-25"),
    status: "cancelled",
    cancelled_at: NOW.toISOString(),
  });
  const b1 = await createActivity(db, { chapter_id: oslo.id, group_id: men.id, ...at("2026-10-12") });
  const m = [];
  for (let i = 0; i < 8; i++) m.push(await createMember(db, { chapter_id: bergen.id }));
  const o = [];
  for (let i = 0; i < 6; i++) o.push(await createMember(db, { chapter_id: oslo.id }));
  for (const x of m.slice(0, 6)) await createRsvp(db, { activity_id: a1.id, member_id: x.id, status: "going" });
  for (const x of m.slice(0, 5)) await checkIn(db, a1.id, x.id);
  await db.insertInto("walk_in_counts").values({ activity_id: a1.id, count: 2 }).execute();
  for (const x of [m[0]!, m[6]!]) {
    await createRsvp(db, { activity_id: a2.id, member_id: x.id, status: "going" });
    await checkIn(db, a2.id, x.id);
  }
  await checkIn(db, a2.id, m[7]!.id);
  await checkIn(db, a0.id, m[1]!.id);
  for (const x of o) {
    await createRsvp(db, { activity_id: b1.id, member_id: x.id, status: "going" });
    await checkIn(db, b1.id, x.id);
  }
  const admin = { ...(await createStaff(db, { role: "admin" })), chapterIds: [] as string[] };
  const coordinator = { ...(await createStaff(db, { chapterIds: [bergen.id] })), chapterIds: [bergen.id] };
  return { bergen, oslo, admin, coordinator };
}

const shown = (value: number) => ({ kind: "shown", value });

describe("the report for funders", () => {
  const testDb = useTestDatabase();

  it("counts every figure as a person would by hand", async () => {
    const db = testDb().db;
    const { admin } = await fixture(db);
    const { report } = await loadReportForStaff(db, admin, { params: OCTOBER, threshold: 1 }, NOW);
    expect(report.total).toEqual({
      held: 3,
      cancelled: 1,
      attendances: shown(16),
      uniqueParticipants: shown(13),
      newParticipants: shown(12),
      returningParticipants: shown(1),
      averagePerActivity: shown(5.3),
      shareWhoCame: shown(93),
    });
    const [bergen, oslo] = report.byChapter;
    expect(bergen!.figures).toEqual({
      held: 2,
      cancelled: 1,
      attendances: shown(10),
      uniqueParticipants: shown(7),
      newParticipants: shown(6),
      returningParticipants: shown(1),
      averagePerActivity: shown(5),
      shareWhoCame: shown(88),
    });
    expect(oslo!.figures).toMatchObject({
      held: 1,
      attendances: shown(6),
      uniqueParticipants: shown(6),
      shareWhoCame: shown(100),
    });
    expect(report.byAudience.map((a) => [a.audience, a.figures.attendances])).toEqual([
      ["women", shown(7)],
      ["men", shown(6)],
      ["everyone", shown(3)],
    ]);
    expect(report.byMonth).toEqual([{ month: "2026-10", figures: report.total }]);
  });

  it("counts September's activity in a quarter and in chosen dates, and m2 as new there", async () => {
    const db = testDb().db;
    const { admin } = await fixture(db);
    const quarter = await loadReportForStaff(
      db,
      admin,
      { params: new URLSearchParams({ period: "quarter", quarter: "2026-Q3" }), threshold: 1 },
      NOW,
    );
    expect(quarter.report.total).toMatchObject({
      held: 1,
      attendances: shown(1),
      newParticipants: shown(1),
      returningParticipants: shown(0),
    });
    const dates = await loadReportForStaff(
      db,
      admin,
      { params: new URLSearchParams({ period: "dates", from: "2026-09-01", to: "2026-10-05" }), threshold: 1 },
      NOW,
    );
    expect(dates.report.total).toMatchObject({ held: 2, attendances: shown(8) });
    expect(dates.report.months).toEqual(["2026-09", "2026-10"]);
  });

  it("shows 1 to 4 as <5 and hides enough beside them that no total gives them away", async () => {
    const db = testDb().db;
    const { admin } = await fixture(db);
    const { report } = await loadReportForStaff(db, admin, { params: OCTOBER }, NOW);
    expect(report.total.returningParticipants).toEqual({ kind: "small" });
    expect(report.total.newParticipants).toEqual({ kind: "complementary" });
    expect(report.total.shareWhoCame).toEqual({ kind: "hidden" });
    expect(report.byAudience.map((a) => a.figures.attendances)).toEqual([
      shown(7),
      { kind: "complementary" },
      { kind: "small" },
    ]);
    expect(report.total.attendances).toEqual(shown(16));
    expect(report.byChapter[0]!.figures.shareWhoCame).toEqual({ kind: "hidden" });
  });

  it("writes the same suppressed figures into the CSV, with the legend", async () => {
    const db = testDb().db;
    const { admin } = await fixture(db);
    const csv = await reportCsvForStaff(db, admin, { params: OCTOBER, locale: "en" }, NOW);
    const lines = csv.split("\r\n");
    expect(lines).toContain("Bergen,2,1,10,7,:,<5,5,:");
    expect(lines).toContain("Everyone,1,1,<5,<5,<5,0,:,:");
    expect(csv).toContain("hidden so that a small number cannot be worked out from the totals");
  });

  it("shows a coordinator her own chapters only, in the page and the CSV", async () => {
    const db = testDb().db;
    const { coordinator } = await fixture(db);
    const cookie = await staffCookie(db, coordinator.id);
    const page = await call(pageLoader, "/staff/reports?period=month&month=2026-10", { cookie });
    expect(page.status).toBe(200);
    expect(page.data.chapters.map((c: { name: string }) => c.name)).toEqual(["Bergen"]);
    expect(page.data.report.byChapter.map((c: { name: string }) => c.name)).toEqual(["Bergen"]);
    const asked = await call(pageLoader, `/staff/reports?period=month&month=2026-10&chapter=${"x"}`, { cookie });
    expect(asked.data.report.byChapter.map((c: { name: string }) => c.name)).toEqual(["Bergen"]);
    const csv = await call(csvLoader, "/staff/reports.csv?period=month&month=2026-10", { cookie });
    expect(csv.status).toBe(200);
  });

  it("counts at most the last 36 months of a longer chosen period, and says which", async () => {
    const db = testDb().db;
    const { admin } = await fixture(db);
    const long = await loadReportForStaff(
      db,
      admin,
      { params: new URLSearchParams({ period: "dates", from: "2000-01-01", to: "2026-12-31" }), threshold: 1 },
      NOW,
    );
    const window = await loadReportForStaff(
      db,
      admin,
      { params: new URLSearchParams({ period: "dates", from: "2024-01-01", to: "2026-12-31" }), threshold: 1 },
      NOW,
    );
    expect(long.from).toBe("2024-01-01");
    expect(long.to).toBe("2026-12-31");
    expect(long.report.months).toHaveLength(36);
    expect(long.report.total.attendances).toEqual(window.report.total.attendances);
    expect(long.report.total.attendances).toMatchObject({ kind: "shown", value: 17 });
  });

  it("answers odd periods in the address with the default period, never a 500", async () => {
    const db = testDb().db;
    const { coordinator } = await fixture(db);
    const cookie = await staffCookie(db, coordinator.id);
    for (const query of [
      "period=dates&from=2026-01-01&to=2026-13-45",
      "period=dates&from=2026-02-31&to=2026-03-01",
      "period=year&year=9999",
      "period=year&year=0000",
      "period=quarter&quarter=9999-Q4",
      "period=month&month=0000-01",
    ]) {
      const page = await call(pageLoader, `/staff/reports?${query}`, { cookie });
      expect(page.status, query).toBe(200);
      const csv = await call(csvLoader, `/staff/reports.csv?${query}`, { cookie });
      expect(csv.status, query).toBe(200);
    }
  });

  it("does not let a coordinator pick another chapter's figures through the address", async () => {
    const db = testDb().db;
    const { coordinator, oslo } = await fixture(db);
    const view = await loadReportForStaff(
      db,
      coordinator,
      { params: new URLSearchParams({ period: "month", month: "2026-10", chapter: oslo.id }), threshold: 1 },
      NOW,
    );
    expect(view.report.total.attendances).toEqual(shown(10));
    expect(view.report.byChapter.map((c) => c.name)).toEqual(["Bergen"]);
  });
});
