// At the door on a phone: the Bergen coordinator checks in three members and one person without
// an account, then finds them in the month's report (4 attendances, shown as "<5").
import type { Browser, Page } from "playwright-core";
import { openDatabase } from "../../db/connection";
import { formatOsloDateInput } from "~/platform/oslo-time";
import { newId } from "~/platform/ids.server";
import { resources } from "~/i18n/catalogs.server";
import {
  DESKTOP,
  launchBrowser,
  PHONE,
  type RunningApp,
  screenshot,
  staffSignIn,
  startApp,
  waitForHydration,
  watchPage,
} from "./support";

const nb = resources.nb.translation;
const NO_PROBLEMS = { consoleErrors: [], pageErrors: [], cspViolations: [], foreignRequests: [] };
const GOING = ["Fossekall", "Ørn", "Måke", "Tåke"];

let app: RunningApp;
let browser: Browser;
let activityId: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp({ seed: true }), launchBrowser()]);
  const { db } = openDatabase(app.databasePath);
  try {
    const bergen = await db.selectFrom("chapters").select("id").where("slug", "=", "bergen").executeTakeFirstOrThrow();
    const staff = await db
      .selectFrom("staff_users")
      .select("id")
      .where("email", "=", "bergen@example.org")
      .executeTakeFirstOrThrow();
    activityId = newId();
    const now = Date.now();
    const at = new Date(now).toISOString();
    await db
      .insertInto("activities")
      .values({
        id: activityId,
        chapter_id: bergen.id,
        group_id: null,
        series_id: null,
        title: "Kveldskafé i kveld",
        description: "",
        starts_at: new Date(now - 30 * 60 * 1000).toISOString(),
        ends_at: new Date(now + 90 * 60 * 1000).toISOString(),
        area: "Sentrum",
        address: null,
        capacity: null,
        rsvp_deadline: null,
        languages: "nb",
        status: "scheduled",
        cancelled_at: null,
        created_by_staff_id: staff.id,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const members = await db
      .selectFrom("members")
      .select(["id", "pseudonym"])
      .where("pseudonym", "in", GOING)
      .execute();
    await db
      .insertInto("rsvps")
      .values(
        GOING.map((p, i) => ({
          id: newId(),
          activity_id: activityId,
          member_id: members.find((m) => m.pseudonym === p)!.id,
          status: "going" as const,
          arrival: i + 1,
          note: null,
          created_at: at,
          updated_at: at,
        })),
      )
      .execute();
  } finally {
    await db.destroy();
  }
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

function attendancesOfBergen(page: Page) {
  // The chapter table has figures down the side and chapters across; Bergen is the only column.
  return page
    .getByRole("table", { name: nb.staffReports.byChapter })
    .locator('tr[data-figure="attendances"] td')
    .first();
}

describe("check-in at the door", () => {
  test("a coordinator checks in three members and a walk-in on her phone and finds them in the month's report", async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: "nb-NO" });
    const page = await context.newPage();
    const problems = await watchPage(page, app.baseUrl);
    await staffSignIn(page, app.baseUrl);
    const month = formatOsloDateInput(new Date().toISOString()).slice(0, 7);
    const report = `${app.baseUrl}/staff/reports?period=month&month=${month}`;

    await page.goto(report, { waitUntil: "networkidle" });
    await expect.poll(() => attendancesOfBergen(page).textContent()).toBe("0");

    await page.goto(`${app.baseUrl}/staff/activities/${activityId}/check-in`, { waitUntil: "networkidle" });
    await waitForHydration(page);
    for (const pseudonym of GOING.slice(0, 3)) {
      await page.getByRole("button", { name: nb.staffAttendance.markFor.replace("{{pseudonym}}", pseudonym) }).click();
      await page
        .getByRole("button", { name: nb.staffAttendance.undoFor.replace("{{pseudonym}}", pseudonym) })
        .waitFor();
    }
    await page.getByRole("button", { name: nb.staffAttendance.more }).click();
    await expect
      .poll(() => page.locator(".check-in__summary").textContent())
      .toBe(nb.staffAttendance.cameCount_other.replace("{{count}}", "4"));
    await screenshot(page, "staff-check-in");

    await page.goto(report, { waitUntil: "networkidle" });
    await expect.poll(() => attendancesOfBergen(page).textContent()).toBe("<5");
    await page.getByRole("img", { name: nb.staffReports.chart.title }).waitFor();
    await screenshot(page, "staff-report");
    // The demo's past months, for the pictures: real numbers, and some suppressed.
    const from = formatOsloDateInput(new Date(Date.now() - 100 * 24 * 60 * 60 * 1000).toISOString());
    const today = formatOsloDateInput(new Date().toISOString());
    await page.goto(`${app.baseUrl}/staff/reports?period=dates&from=${from}&to=${today}`, {
      waitUntil: "networkidle",
    });
    await screenshot(page, "staff-report-all");
    await page.setViewportSize(DESKTOP);
    await screenshot(page, "staff-report-all");
    expect(problems).toEqual(NO_PROBLEMS);
    await context.close();
  });
});
