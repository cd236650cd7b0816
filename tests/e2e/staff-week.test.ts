// The Bergen coordinator looks at her week: seven day columns on a desktop, one day after another
// on a phone, and on paper without the quick-exit bar or footer. Screenshots of each, and of the
// printed invite slips, for people to look at.
import fs from "node:fs";
import type { Browser, Page } from "playwright-core";
import { openDatabase } from "../../db/connection";
import { isoWeekKey, isoWeekOfDate } from "~/platform/oslo-weeks";
import { formatOsloDateInput } from "~/platform/oslo-time";
import { resources } from "~/i18n/catalogs.server";
import { LOCALE_NAMES } from "~/i18n/config";
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
let bergenId = "";
let signedIn: Page | undefined;
/** the week of the activity whose member asked to be met (not always this week: it depends on the day) */
let doorWeek = "";

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp({ seed: true }), launchBrowser()]);
  // One member going to the next Bergen activity asks to be met at the bus stop, with a note.
  const opened = openDatabase(app.databasePath);
  try {
    const now = new Date().toISOString();
    bergenId = (
      await opened.db.selectFrom("chapters").select("id").where("slug", "=", "bergen").executeTakeFirstOrThrow()
    ).id;
    const rsvp = await opened.db
      .selectFrom("rsvps")
      .innerJoin("activities", "activities.id", "rsvps.activity_id")
      .innerJoin("chapters", "chapters.id", "activities.chapter_id")
      .where("chapters.slug", "=", "bergen")
      .where("rsvps.status", "=", "going")
      .where("activities.starts_at", ">", now)
      .select(["rsvps.id", "activities.starts_at"])
      .orderBy("activities.starts_at")
      .executeTakeFirstOrThrow();
    doorWeek = isoWeekKey(isoWeekOfDate(formatOsloDateInput(rsvp.starts_at)));
    await opened.db
      .updateTable("rsvps")
      .set({ meet_at_door: 1, meet_place: "ved bussholdeplassen", note: "Første gang, litt nervøs" })
      .where("id", "=", rsvp.id)
      .execute();
  } finally {
    await opened.db.destroy();
  }
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("the staff week", () => {
  test("shows the week as seven days on a desktop and a phone, pages by week, and prints without the exit bar", async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: "nb-NO" });
    const page = await context.newPage();
    const problems = await watchPage(page, app.baseUrl);
    await staffSignIn(page, app.baseUrl);
    // The slips test below goes on with this signed-in page, whatever this one finds.
    signedIn = page;
    await screenshot(page, "staff-dashboard");

    await page.goto(`${app.baseUrl}/staff/week?week=${doorWeek}`, { waitUntil: "networkidle" });
    await waitForHydration(page);
    const heading = page.getByRole("heading", { level: 1 });
    await expect(heading.textContent()).resolves.toMatch(/^Uke \d{1,2}/);
    expect(await page.locator(".week-day").count()).toBe(7);
    await expect(page.getByText(nb.staffWeek.door, { exact: true }).first().isVisible()).resolves.toBe(true);
    await expect(page.getByText("ved bussholdeplassen").first().isVisible()).resolves.toBe(true);
    await screenshot(page, "staff-week");

    // Seven columns side by side on a desktop: the days share one row.
    const tops = await page.locator(".week-day").evaluateAll((days) => days.map((d) => d.getBoundingClientRect().top));
    expect(new Set(tops).size).toBe(1);

    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".quick-exit").isVisible()).toBe(false);
    expect(await page.locator(".site-footer").isVisible()).toBe(false);
    await screenshot(page, "staff-week-print");
    await page.emulateMedia({ media: "screen" });

    const before = await heading.textContent();
    await page.getByRole("link", { name: `${nb.staffWeek.next} →` }).click();
    await page.waitForURL(
      (url) => /^\d{4}-W\d{2}$/.test(url.searchParams.get("week") ?? "") && !url.href.includes(doorWeek),
    );
    await expect.poll(() => heading.textContent()).not.toBe(before);

    await page.setViewportSize(PHONE);
    await page.goto(`${app.baseUrl}/staff/week?week=${doorWeek}`, { waitUntil: "networkidle" });
    const phoneTops = await page
      .locator(".week-day")
      .evaluateAll((days) => days.map((d) => d.getBoundingClientRect().top));
    expect(new Set(phoneTops).size).toBe(7);
    await screenshot(page, "staff-week");

    expect(problems).toEqual(NO_PROBLEMS);
    await page.setViewportSize(DESKTOP);
  });

  // The same signed-in page: a TOTP code is accepted once, so a second sign-in in the same 30 s would fail.
  test("invite slips in Norwegian and Arabic print without the quick-exit bar and footer, the label only on the staff list", async () => {
    const page = signedIn!;
    await page.setViewportSize(DESKTOP);
    await page.emulateMedia({ media: "screen" });
    await page.goto(`${app.baseUrl}/staff/chapters/${bergenId}/invites`, { waitUntil: "networkidle" });
    await waitForHydration(page);
    await page.getByLabel(nb.staff.invites.count, { exact: true }).fill("6");
    await page.getByLabel(nb.staffSlips.label, { exact: true }).fill("Bergen, gruppa for menn, delt ut på kafeen");
    await page.getByLabel(LOCALE_NAMES.ar, { exact: true }).check();
    await page.getByLabel("Gutta i Bergen", { exact: true }).check();
    await page.getByRole("button", { name: nb.staff.invites.submit }).click();
    await page.getByRole("heading", { name: nb.staff.invites.slipsTitle }).waitFor();
    expect(await page.getByRole("button", { name: nb.staff.invites.print }).isVisible()).toBe(true);
    const slips = page.locator(".staff-slip");
    expect(await slips.count()).toBe(6);
    expect(await slips.first().locator('[lang="ar"][dir="rtl"]').count()).toBe(1);
    expect(await slips.first().locator('[lang="nb-NO"][dir="ltr"]').count()).toBe(1);
    expect(await page.locator(".staff-slip-list").textContent()).not.toContain("kafeen");
    // The list below is loaded again after the slips are shown: wait for the new batch on it.
    await page.locator("#invite-list ~ ul").getByText("Bergen, gruppa for menn, delt ut på kafeen").first().waitFor();
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".quick-exit").isVisible()).toBe(false);
    expect(await page.locator(".site-footer").isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: nb.staff.invites.print }).isVisible()).toBe(false);
    await screenshot(page, "invite-slips-print");
    // Several slips to an A4 page: print to PDF and count the pages.
    const pdf = await page.pdf({ format: "A4", printBackground: false });
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    fs.writeFileSync("test-results/screenshots/invite-slips.pdf", pdf);
    await page.emulateMedia({ media: "screen" });
    await screenshot(page, "invite-slips-and-list");

    // A member's page, from the chapter's member list: her groups, status and attendance.
    await page.goto(`${app.baseUrl}/staff/chapters/${bergenId}/members`, { waitUntil: "networkidle" });
    await page.locator(".staff-member-list a").first().click();
    await page.waitForURL(/\/staff\/chapters\/[^/]+\/members\/[^/]+$/);
    await page.getByRole("heading", { name: nb.staffMember.history }).waitFor();
    await waitForHydration(page);
    expect(await page.locator("main").textContent()).not.toContain("undefined");
    await screenshot(page, "staff-member");
    await page.context().close();
  });
});
