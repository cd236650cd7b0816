// SUPPRESSION_THRESHOLD reaches the pages: with 10, a figure of 7 is "<10" where 5 would show it.
// Set before the first request reads the environment (env() reads it once per test file).
process.env.SUPPRESSION_THRESHOLD = "10";

import { loader as demandLoader } from "~/routes/staff.demand";
import { loader as reportLoader } from "~/routes/staff.reports";
import { useTestDatabase } from "../setup/db";
import { createStaff } from "../factories";
import { call, staffCookie } from "./support/staff";

const database = useTestDatabase();

describe("SUPPRESSION_THRESHOLD", () => {
  test("hides figures below it on the demand page and tells the report page", async () => {
    const { db } = database();
    const admin = await createStaff(db, { role: "admin" });
    await db
      .insertInto("interest_counts")
      .values([
        { month: "2026-01", county_number: "56", municipality_number: "", audience: "women", language: "", count: 7 },
        { month: "2026-01", county_number: "18", municipality_number: "", audience: "women", language: "", count: 30 },
        { month: "2026-01", county_number: "50", municipality_number: "", audience: "women", language: "", count: 40 },
      ])
      .execute();
    const cookie = await staffCookie(db, admin.id);
    const demand = await call(demandLoader, "/staff/demand?from=2026-01&to=2026-01", { cookie });
    expect(demand.status).toBe(200);
    expect(demand.data.places.find((p: { id: string }) => p.id === "56").total).toBe("<10");
    const report = await call(reportLoader, "/staff/reports?period=month&month=2026-01", { cookie });
    expect(report.status).toBe(200);
    expect(report.data.report.threshold).toBe(10);
  });
});
