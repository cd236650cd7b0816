// The Bergen coordinator repeats an activity weekly over Christmas: the form lists the holiday
// dates to skip, then the series is published and its edit form offers this / following / all.
import type { Browser } from "playwright-core";
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

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp({ seed: true }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("a weekly series over Christmas", () => {
  test("the coordinator is shown the Christmas dates to skip, publishes the rest, and sees the series edit form", async () => {
    // The coming Christmas: this year's until 10 December, then next year's (a start must not be past).
    const today = new Date();
    const year = today.getUTCFullYear() + (today.getUTCMonth() === 11 && today.getUTCDate() > 10 ? 1 : 0);
    const context = await browser.newContext({ viewport: DESKTOP, locale: "nb-NO" });
    const staff = await context.newPage();
    const problems = await watchPage(staff, app.baseUrl);
    await staffSignIn(staff, app.baseUrl);
    await staff.goto(app.baseUrl + "/staff/activities/new", { waitUntil: "networkidle" });
    await waitForHydration(staff);
    await staff.locator("#field-target").selectOption({ label: `Gutta i Bergen (${nb.staff.audience.men})` });
    await staff.getByLabel(nb.staff.activityForm.title, { exact: true }).fill("Middag sammen");
    await staff.locator("#field-startDate").fill(`${year}-12-17`);
    await staff.locator("#field-startTime").fill("17:00");
    await staff.locator("#field-endDate").fill(`${year}-12-17`);
    await staff.locator("#field-endTime").fill("19:00");
    await staff.getByLabel(nb.staff.activityForm.area, { exact: true }).fill("Sentrum");
    await staff.locator("#field-repeat").selectOption("weekly");
    await staff.locator("#field-repeatUntil").fill(`${year + 1}-01-14`);
    await staff.getByRole("button", { name: nb.staff.activity.publish }).click();
    await staff.getByText(nb.staffSeries.holidaysHeading).waitFor();
    const ticked = staff.locator('input[name="skipDates"]:checked');
    expect(await ticked.count()).toBeGreaterThanOrEqual(2);
    await staff.setViewportSize(PHONE);
    await screenshot(staff, "staff-series-holidays");
    await staff.setViewportSize(DESKTOP);
    await screenshot(staff, "staff-series-holidays");

    await Promise.all([
      staff.waitForURL(/\/staff\/activities\/[^/?]+\?created=\d+$/),
      staff.getByRole("button", { name: nb.staff.activity.publish }).click(),
    ]);
    await staff.getByText(nb.staffSeries.scopeLegend).waitFor();
    expect(await staff.locator(".staff-series-list li").count()).toBeGreaterThanOrEqual(2);
    await staff.setViewportSize(PHONE);
    await screenshot(staff, "staff-series-edit");
    await staff.setViewportSize(DESKTOP);
    await screenshot(staff, "staff-series-edit");
    expect(problems).toEqual(NO_PROBLEMS);
    await context.close();
  });
});
