// What staff see of the wishes: counts by county, municipality, audience and month, suppressed.
import { loader } from "~/routes/staff.demand";
import { demandForStaff } from "~/features/demand/demand.server";
import type { AppDatabase } from "../../db/connection";
import type { Audience } from "../../db/schema";
import type { StaffScope } from "~/features/staff/staff.server";
import { useTestDatabase } from "../setup/db";
import { createChapter, createStaff } from "../factories";
import { call, staffCookie } from "./support/staff";

const database = useTestDatabase();
const admin: StaffScope = { role: "admin", chapterIds: [] };

async function wishes(
  db: AppDatabase,
  rows: Array<{ month: string; county: string; municipality?: string; audience: Audience; count: number }>,
) {
  await db
    .insertInto("interest_counts")
    .values(
      rows.map((r) => ({
        month: r.month,
        county_number: r.county,
        municipality_number: r.municipality ?? "",
        audience: r.audience,
        language: "",
        count: r.count,
      })),
    )
    .execute();
}

const period = { from: "2026-01", to: "2026-03", audience: null, county: null };

describe("demandForStaff", () => {
  test("adds up counts by county and audience over the period, and by month", async () => {
    const { db } = database();
    await wishes(db, [
      { month: "2026-01", county: "55", municipality: "5501", audience: "women", count: 7 },
      { month: "2026-02", county: "55", municipality: "5501", audience: "women", count: 5 },
      { month: "2026-02", county: "55", audience: "men", count: 6 },
      { month: "2026-03", county: "46", municipality: "4601", audience: "everyone", count: 9 },
      { month: "2026-03", county: "46", audience: "women", count: 8 },
      // outside the period
      { month: "2025-12", county: "46", audience: "women", count: 40 },
    ]);
    const view = await demandForStaff(db, admin, period);
    const troms = view.places.find((p) => p.id === "55")!;
    const vestland = view.places.find((p) => p.id === "46")!;
    expect(view.places).toHaveLength(15);
    expect(troms.cells).toEqual([
      { kind: "shown", value: 12 },
      { kind: "shown", value: 6 },
      { kind: "shown", value: 0 },
    ]);
    expect(troms.total).toEqual({ kind: "shown", value: 18 });
    expect(troms.band).toBe("10");
    expect(vestland.total).toEqual({ kind: "shown", value: 17 });
    expect(view.places.find((p) => p.id === "03")!.band).toBe("none");
    expect(view.grandTotal).toEqual({ kind: "shown", value: 35 });
    expect(view.months.map((m) => [m.month, m.figure])).toEqual([
      ["2026-01", { kind: "shown", value: 7 }],
      ["2026-02", { kind: "shown", value: 11 }],
      ["2026-03", { kind: "shown", value: 17 }],
    ]);
  });

  test("shows 1 to 4 as small, hides enough other figures that none can be worked out, and keeps 0", async () => {
    const { db } = database();
    await wishes(db, [
      { month: "2026-01", county: "55", audience: "women", count: 3 },
      { month: "2026-01", county: "46", audience: "women", count: 20 },
      { month: "2026-01", county: "03", audience: "women", count: 30 },
    ]);
    const view = await demandForStaff(db, admin, { ...period, audience: "women" });
    const total = (id: string) => view.places.find((p) => p.id === id)!.total;
    expect(total("55")).toEqual({ kind: "small" });
    expect(total("18")).toEqual({ kind: "shown", value: 0 });
    // With the national total published, one more county must be hidden, or 3 would follow.
    const hidden = view.places.filter((p) => p.total.kind !== "shown");
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    expect(hidden.every((p) => p.band === "hidden")).toBe(true);
    // No figure in the result carries a hidden value.
    expect(JSON.stringify(view)).not.toMatch(/"value":3\b/);
  });

  test("a county drill-down lists its municipalities with wishes and those without one named", async () => {
    const { db } = database();
    await wishes(db, [
      { month: "2026-01", county: "55", municipality: "5501", audience: "women", count: 12 },
      { month: "2026-01", county: "55", audience: "men", count: 9 },
      { month: "2026-01", county: "46", municipality: "4601", audience: "women", count: 30 },
    ]);
    const view = await demandForStaff(db, admin, { ...period, county: "55" });
    expect(view.places.map((p) => [p.id, p.name, p.total])).toEqual([
      ["5501", "Tromsø", { kind: "shown", value: 12 }],
      ["", "", { kind: "shown", value: 9 }],
    ]);
    expect(view.grandTotal).toEqual({ kind: "shown", value: 21 });
  });
});

describe("/staff/demand", () => {
  test("a coordinator sees the same national, suppressed figures as an admin", async () => {
    const { db } = database();
    const bergen = await createChapter(db, { name: "Bergen", slug: "bergen" });
    const coordinator = await createStaff(db, { role: "coordinator", chapterIds: [bergen.id] });
    const adminUser = await createStaff(db, { role: "admin" });
    await wishes(db, [
      { month: "2026-01", county: "56", audience: "women", count: 2 },
      { month: "2026-01", county: "18", audience: "women", count: 11 },
      { month: "2026-01", county: "50", audience: "men", count: 13 },
    ]);
    const path = "/staff/demand?from=2026-01&to=2026-01";
    const asCoordinator = await call(loader, path, { cookie: await staffCookie(db, coordinator.id) });
    const asAdmin = await call(loader, path, { cookie: await staffCookie(db, adminUser.id) });
    expect(asCoordinator.status).toBe(200);
    expect(asCoordinator.data).toEqual(asAdmin.data);
    const finnmark = asCoordinator.data.places.find((p: any) => p.id === "56");
    expect(finnmark.total).toBe("<5");
    expect(asCoordinator.data.map.counties.find((c: any) => c.number === "56").band).toBe("hidden");
  });

  test("odd filters fall back to the defaults instead of failing", async () => {
    const { db } = database();
    const adminUser = await createStaff(db, { role: "admin" });
    const res = await call(loader, "/staff/demand?from=%00&to=2026-13&audience=x&county=99", {
      cookie: await staffCookie(db, adminUser.id),
    });
    expect(res.status).toBe(200);
    expect(res.data.query.audience).toBeNull();
    expect(res.data.query.county).toBeNull();
    expect(res.data.months).toHaveLength(12);
  });
});
