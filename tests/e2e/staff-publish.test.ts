// The Bergen coordinator signs in with a password and a TOTP code, publishes an activity for the
// men's group, and the member Fjellrev, on his own phone, sees it and says he is coming.
import type { Browser } from "playwright-core";
import { openDatabase } from "../../db/connection";
import { DEMO_MEMBER_PASSPHRASE } from "../../scripts/demo-data";
import { formatOsloDateInput } from "~/platform/oslo-time";
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
const DAY = 24 * 60 * 60 * 1000;
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

describe("publishing an activity", () => {
  test("the Bergen coordinator publishes for the men's group and Fjellrev sees it and says he is coming", async () => {
    const title = `Grilling i parken ${Date.now() % 10_000}`;
    const day = formatOsloDateInput(new Date(Date.now() + 2 * DAY).toISOString());

    const staffContext = await browser.newContext({ viewport: DESKTOP, locale: "nb-NO" });
    const staff = await staffContext.newPage();
    const staffProblems = await watchPage(staff, app.baseUrl);
    await staffSignIn(staff, app.baseUrl);
    await staff.getByRole("heading", { level: 1, name: nb.staff.home.title }).waitFor();
    await screenshot(staff, "staff-home");

    await staff.getByRole("link", { name: nb.staff.home.newActivity }).click();
    await staff.getByRole("heading", { level: 1, name: nb.staff.activity.newTitle }).waitFor();
    await waitForHydration(staff);
    await staff.locator("#field-target").selectOption({ label: `Gutta i Bergen (${nb.staff.audience.men})` });
    await staff.getByLabel(nb.staff.activityForm.title, { exact: true }).fill(title);
    await staff
      .getByLabel(nb.staff.activityForm.description, { exact: true })
      .fill("Vi griller pølser og halloumi. Ta med godt humør.");
    await staff.locator("#field-startDate").fill(day);
    await staff.locator("#field-startTime").fill("18:00");
    await staff.locator("#field-endDate").fill(day);
    await staff.locator("#field-endTime").fill("20:30");
    await staff.getByLabel(nb.staff.activityForm.area, { exact: true }).fill("Nordnes");
    await staff.getByLabel(nb.staff.activityForm.address, { exact: true }).fill("Ved grillplassen i Nordnesparken");
    await staff.getByLabel(nb.staff.activityForm.capacity, { exact: true }).fill("10");
    await staff.getByLabel("العربية").check();
    await staff.setViewportSize(PHONE);
    await screenshot(staff, "staff-new-activity");
    await staff.setViewportSize(DESKTOP);
    await screenshot(staff, "staff-new-activity");
    await Promise.all([
      staff.waitForURL(/\/staff\/activities\/[^/?]+\?created=1$/),
      staff.getByRole("button", { name: nb.staff.activity.publish }).click(),
    ]);
    await staff.getByText(nb.staff.activity.created_one).waitFor();
    const activityId = new URL(staff.url()).pathname.split("/").pop()!;
    await screenshot(staff, "staff-activity-published");

    // Stored in UTC: 18:00 in Oslo is 16:00 or 17:00 UTC, whatever the server's own zone.
    const { db } = openDatabase(app.databasePath);
    try {
      const row = await db
        .selectFrom("activities")
        .select(["starts_at", "group_id", "sequence"])
        .where("id", "=", activityId)
        .executeTakeFirstOrThrow();
      expect(formatOsloDateInput(row.starts_at)).toBe(day);
      expect(row.starts_at).toMatch(/T1[67]:00:00\.000Z$/);
      expect(row.sequence).toBe(0);
    } finally {
      await db.destroy();
    }

    const memberContext = await browser.newContext({
      viewport: PHONE,
      locale: "nb-NO",
      isMobile: true,
      hasTouch: true,
    });
    const member = await memberContext.newPage();
    const memberProblems = await watchPage(member, app.baseUrl);
    await member.goto(app.baseUrl + "/login", { waitUntil: "networkidle" });
    await waitForHydration(member);
    await member.getByLabel(nb.login.pseudonymLabel, { exact: true }).fill("Fjellrev");
    await member.getByLabel(nb.login.passphraseLabel, { exact: true }).fill(DEMO_MEMBER_PASSPHRASE);
    await Promise.all([
      member.waitForURL(app.baseUrl + "/"),
      member.getByRole("button", { name: nb.login.submit }).click(),
    ]);

    await member.goto(`${app.baseUrl}/activities/${activityId}`, { waitUntil: "networkidle" });
    await member.getByRole("heading", { level: 1, name: title }).waitFor();
    await waitForHydration(member);
    await member.getByRole("button", { name: nb.activities.going }).click();
    await member.getByText(nb.activities.answerGoing).first().waitFor();
    await screenshot(member, "member-rsvp-to-staff-activity");

    // Back on the staff side, the answer is there.
    await staff.goto(`${app.baseUrl}/staff/activities/${activityId}/answers`, { waitUntil: "networkidle" });
    await staff.getByText("Fjellrev").waitFor();
    await screenshot(staff, "staff-answers");
    await staff.setViewportSize(PHONE);
    await screenshot(staff, "staff-answers");

    expect(staffProblems).toEqual(NO_PROBLEMS);
    expect(memberProblems).toEqual(NO_PROBLEMS);
    await staffContext.close();
    await memberContext.close();
  });
});
