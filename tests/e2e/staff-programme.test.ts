// #13 in a browser: the Bergen coordinator runs a weekly programme over Christmas. She moves the
// rest of the series to 18:00, skips Christmas Eve, cancels one date with a reason and undoes it;
// Fjellrev, going to every date, then finds a notice for each on /notices, and staff's message too.
// Without JavaScript, the Oslo coordinator cancels the rest of a series (a reason and a tick first)
// and undoes it for every date at once.
import type { Browser, Page } from "playwright-core";
import { openDatabase } from "../../db/connection";
import { DEMO_ADMIN_EMAIL, DEMO_MEMBER_PASSPHRASE } from "../../scripts/demo-data";
import { newId } from "~/platform/ids.server";
import { resources } from "~/i18n/catalogs.server";
import { createActivity, createRsvp } from "../factories";
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
const TITLE = "Torsdagsmiddag";
const REASON = "Beklager, lederen er syk";
const SKIP_REASON = "Vi holder stengt på julaften";
const MESSAGE = "Vi møtes ved inngangen mot parken.";

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp({ seed: true }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** A weekly Bergen series, 17:00–19:00 Oslo time, 17 December to 7 January, with Fjellrev going to every date. */
async function weeklySeriesOverChristmas(): Promise<{ ids: string[]; year: number }> {
  const today = new Date();
  const year = today.getUTCFullYear() + (today.getUTCMonth() === 11 && today.getUTCDate() > 16 ? 1 : 0);
  const days = [`${year}-12-17`, `${year}-12-24`, `${year}-12-31`, `${year + 1}-01-07`];
  const { db } = openDatabase(app.databasePath);
  try {
    const chapter = await db.selectFrom("chapters").select("id").where("name", "=", "Bergen").executeTakeFirstOrThrow();
    const group = await db
      .selectFrom("groups")
      .select("id")
      .where("name", "=", "Gutta i Bergen")
      .executeTakeFirstOrThrow();
    const member = await db
      .selectFrom("members")
      .select("id")
      .where("pseudonym", "=", "Fjellrev")
      .executeTakeFirstOrThrow();
    const seriesId = newId();
    const ids: string[] = [];
    for (const day of days) {
      // Winter in Oslo is UTC+1: 17:00 there is 16:00 UTC.
      const activity = await createActivity(db, {
        chapter_id: chapter.id,
        group_id: group.id,
        series_id: seriesId,
        title: TITLE,
        area: "Sentrum",
        starts_at: `${day}T16:00:00.000Z`,
        ends_at: `${day}T18:00:00.000Z`,
      });
      await createRsvp(db, { activity_id: activity.id, member_id: member.id, status: "going" });
      ids.push(activity.id);
    }
    return { ids, year };
  } finally {
    await db.destroy();
  }
}

async function memberSignIn(page: Page, pseudonym: string) {
  await page.goto(app.baseUrl + "/login", { waitUntil: "networkidle" });
  await waitForHydration(page);
  await page.getByLabel(nb.login.pseudonymLabel).fill(pseudonym);
  await page.getByLabel(nb.login.passphraseLabel).fill(DEMO_MEMBER_PASSPHRASE);
  await Promise.all([page.waitForURL(app.baseUrl + "/"), page.getByRole("button", { name: nb.login.submit }).click()]);
}

/** The whole page, and (when given) one part of it close up, at phone and desktop size. */
async function bothSizes(page: Page, name: string, part?: string) {
  for (const size of [PHONE, DESKTOP]) {
    await page.setViewportSize(size);
    const file = await screenshot(page, name);
    if (part) await page.locator(part).screenshot({ path: file.replace(`${name}-`, `${name}-part-`) });
  }
}

describe("running a weekly programme over Christmas", () => {
  test("the coordinator moves, skips, cancels and undoes, and Fjellrev sees a notice for each", async () => {
    const { ids } = await weeklySeriesOverChristmas();
    const [first, christmasEve, newYearsEve] = ids as [string, string, string, string];
    const context = await browser.newContext({ viewport: DESKTOP, locale: "nb-NO" });
    const staff = await context.newPage();
    const problems = await watchPage(staff, app.baseUrl);
    await staffSignIn(staff, app.baseUrl);

    // The rest of the series, from the first date on, moves to 18:00.
    await staff.goto(`${app.baseUrl}/staff/activities/${first}`, { waitUntil: "networkidle" });
    await waitForHydration(staff);
    await staff.locator("#field-startTime").fill("18:00");
    await staff.locator("#field-endTime").fill("20:00");
    await staff.locator('input[name="scope"][value="following"]').check();
    await Promise.all([
      staff.waitForURL(new RegExp(`/staff/activities/${first}\\?saved=4$`)),
      staff.getByRole("button", { name: nb.staff.activity.save, exact: true }).click(),
    ]);

    // Christmas Eve is skipped: Fjellrev had answered, so it is cancelled with a reason and she is told.
    await staff.locator(`input[name="skip"][value="${christmasEve}"]`).check();
    await staff.getByLabel(nb.staffSeries.skipReasonLabel).fill(SKIP_REASON);
    await Promise.all([
      staff.waitForURL(/\?skipped=1/),
      staff.getByRole("button", { name: nb.staffSeries.skip, exact: true }).click(),
    ]);
    await bothSizes(staff, "staff-programme-series", 'section[aria-labelledby="series-title"]');

    // New Year's Eve is cancelled with a reason, then the cancellation is undone.
    await staff.goto(`${app.baseUrl}/staff/activities/${newYearsEve}`, { waitUntil: "networkidle" });
    await waitForHydration(staff);
    await bothSizes(staff, "staff-programme-cancel", 'section[aria-labelledby="cancel-title"]');
    await staff.getByLabel(nb.staffNotices.reasonLabel).fill(REASON);
    await staff.getByLabel(nb.staffNotices.confirmLabel).check();
    await Promise.all([
      staff.waitForURL(/\?cancelled=1$/),
      staff.getByRole("button", { name: nb.staffSeries.cancelThisOnly, exact: true }).click(),
    ]);
    await staff.getByText(REASON).first().waitFor();
    await bothSizes(staff, "staff-programme-cancelled", 'section[aria-labelledby="undo-title"]');
    await Promise.all([
      staff.waitForURL(/\?restored=1$/),
      staff.getByRole("button", { name: nb.staffNotices.undo, exact: true }).click(),
    ]);
    await staff.getByText(nb.staffNotices.restored).waitFor();

    // And a message to everyone going to the first date.
    await staff.goto(`${app.baseUrl}/staff/activities/${first}`, { waitUntil: "networkidle" });
    await waitForHydration(staff);
    await staff.getByLabel(nb.staffNotices.messageLabel).fill(MESSAGE);
    await Promise.all([
      staff.waitForURL(/\?messaged=1$/),
      staff.getByRole("button", { name: nb.staffNotices.messageSend, exact: true }).click(),
    ]);
    await staff.getByText(nb.staffNotices.messageSent.replace("{{n}}", "1")).waitFor();
    expect(await staff.getByLabel(nb.staffNotices.messageLabel).inputValue()).toBe("");
    await bothSizes(staff, "staff-programme-message", 'section[aria-labelledby="message-title"]');
    expect(problems).toEqual(NO_PROBLEMS);
    await context.close();

    const memberContext = await browser.newContext({ viewport: PHONE, locale: "nb-NO" });
    const fjellrev = await memberContext.newPage();
    const memberProblems = await watchPage(fjellrev, app.baseUrl);
    await memberSignIn(fjellrev, "Fjellrev");
    await fjellrev.goto(app.baseUrl + "/notices", { waitUntil: "networkidle" });
    const items = fjellrev.locator(".notice-item");
    const texts = await items.allInnerTexts();
    const about = texts.filter((text) => text.includes(TITLE));
    const timeChanged = nb.notices.kind.changed_time.split(":")[0]!;
    const cancelled = nb.notices.kind.cancelled.split(":")[0]!;
    const restored = nb.notices.kind.restored.split(":")[0]!;
    // Four dates moved (Christmas Eve and New Year's Eve included: the moves came first).
    expect(about.filter((text) => text.includes(timeChanged))).toHaveLength(4);
    expect(about.filter((text) => text.includes(`${cancelled}:`))).toHaveLength(2);
    expect(about.filter((text) => text.includes(`${cancelled}:`) && text.includes(REASON))).toHaveLength(1);
    expect(about.filter((text) => text.includes(`${cancelled}:`) && text.includes(SKIP_REASON))).toHaveLength(1);
    expect(about.filter((text) => text.includes(restored))).toHaveLength(1);
    expect(about.join("\n")).toContain("18:00");
    expect(about.filter((text) => text.includes(MESSAGE))).toHaveLength(1);
    await bothSizes(fjellrev, "staff-programme-member-notices");
    expect(memberProblems).toEqual(NO_PROBLEMS);
    await memberContext.close();
  });

  test("without JavaScript, cancelling the rest of a series needs a reason and a tick, and is undone for every date at once", async () => {
    const ids = await weeklyOsloSeries();
    const context = await browser.newContext({ viewport: PHONE, locale: "nb-NO", javaScriptEnabled: false });
    const staff = await context.newPage();
    const problems = await watchPage(staff, app.baseUrl);
    await staffSignIn(staff, app.baseUrl, { email: "oslo@example.org", javaScript: false });
    await staff.goto(`${app.baseUrl}/staff/activities/${ids[1]}`);
    const cancelRest = staff.getByRole("button", {
      name: nb.staffSeries.cancelRest.replace("{{count}}", "3"),
      exact: true,
    });
    await staff.getByText(nb.staffSeries.cancelRestExplain.replace("{{count}}", "3")).waitFor();

    // Pressed at once: nothing is cancelled, and the form says what is missing next to each field.
    await cancelRest.click();
    await staff.locator(".error-summary").waitFor();
    await staff.locator("#field-reason-error").getByText(nb.validation.staffNotices.reasonRequired).waitFor();
    await staff.getByText(nb.validation.staffNotices.confirmRequired).first().waitFor();
    expect(await statuses(ids)).toEqual(["scheduled", "scheduled", "scheduled", "scheduled"]);
    await bothSizes(staff, "staff-programme-cancel-rest-refused", 'section[aria-labelledby="cancel-title"]');

    await staff.getByLabel(nb.staffNotices.reasonLabel).fill(REASON);
    await staff.getByLabel(nb.staffNotices.confirmLabel).check();
    await Promise.all([staff.waitForURL(/\?cancelledRest=3$/), cancelRest.click()]);
    await staff.getByText(nb.staffSeries.cancelledRest.replace("{{count}}", "3")).waitFor();
    expect(await statuses(ids)).toEqual(["scheduled", "cancelled", "cancelled", "cancelled"]);
    await bothSizes(staff, "staff-programme-cancelled-rest", 'section[aria-labelledby="undo-title"]');

    const undoTogether = nb.staffNotices.undoTogether.replace("{{count}}", "3");
    await Promise.all([
      staff.waitForURL(/\?restored=3$/),
      staff.getByRole("button", { name: undoTogether, exact: true }).click(),
    ]);
    await staff.getByText(nb.staffNotices.restoredTogether.replace("{{count}}", "3")).waitFor();
    expect(await statuses(ids)).toEqual(["scheduled", "scheduled", "scheduled", "scheduled"]);
    // The one refused form answers 400 as a whole page (no JavaScript): the browser notes it, nothing else.
    expect(problems).toEqual({
      ...NO_PROBLEMS,
      consoleErrors: ["Failed to load resource: the server responded with a status of 400 (Bad Request)"],
    });
    await context.close();
  });

  test("when a date changed meanwhile, cancelling the rest does nothing, says so, and works on the second try", async () => {
    const ids = await weeklyOsloSeries(2);
    const context = await browser.newContext({ viewport: DESKTOP, locale: "nb-NO" });
    const staff = await context.newPage();
    const problems = await watchPage(staff, app.baseUrl);
    // The admin: the Oslo coordinator signed in moments ago, and a TOTP code is taken once.
    await staffSignIn(staff, app.baseUrl, { email: DEMO_ADMIN_EMAIL, password: "demo-admin-pass" });
    await staff.goto(`${app.baseUrl}/staff/activities/${ids[1]}`, { waitUntil: "networkidle" });
    await waitForHydration(staff);
    // Someone else edits the last date after the page was opened.
    const { db } = openDatabase(app.databasePath);
    try {
      await db
        .updateTable("activities")
        .set((eb) => ({ sequence: eb("sequence", "+", 1), area: "Tøyen" }))
        .where("id", "=", ids[3]!)
        .execute();
    } finally {
      await db.destroy();
    }
    const cancelRest = staff.getByRole("button", {
      name: nb.staffSeries.cancelRest.replace("{{count}}", "3"),
      exact: true,
    });
    await staff.getByLabel(nb.staffNotices.reasonLabel).fill(REASON);
    await staff.getByLabel(nb.staffNotices.confirmLabel).check();
    await cancelRest.click();
    await staff.getByText(nb.validation.staffSeries.changedMeanwhile).first().waitFor();
    expect(await statuses(ids)).toEqual(["scheduled", "scheduled", "scheduled", "scheduled"]);
    // What she typed is still there, and the page has read the dates again: the second try works.
    expect(await staff.getByLabel(nb.staffNotices.reasonLabel).inputValue()).toBe(REASON);
    await Promise.all([staff.waitForURL(/\?cancelledRest=3$/), cancelRest.click()]);
    expect(await statuses(ids)).toEqual(["scheduled", "cancelled", "cancelled", "cancelled"]);
    // The refused try answered 409 to the page's own request: the browser notes it, nothing else.
    expect(problems).toEqual({
      ...NO_PROBLEMS,
      consoleErrors: ["Failed to load resource: the server responded with a status of 409 (Conflict)"],
    });
    await context.close();
  });
});

/** A weekly Oslo series of four Tuesdays in February, `yearsAhead` from now, open to the whole chapter. */
async function weeklyOsloSeries(yearsAhead = 1): Promise<string[]> {
  const year = new Date().getUTCFullYear() + yearsAhead;
  const { db } = openDatabase(app.databasePath);
  try {
    const chapter = await db.selectFrom("chapters").select("id").where("name", "=", "Oslo").executeTakeFirstOrThrow();
    const seriesId = newId();
    const ids: string[] = [];
    for (const day of ["02", "09", "16", "23"]) {
      const activity = await createActivity(db, {
        chapter_id: chapter.id,
        group_id: null,
        series_id: seriesId,
        title: "Tirsdagskafé",
        area: "Grünerløkka",
        starts_at: `${year}-02-${day}T16:00:00.000Z`,
        ends_at: `${year}-02-${day}T18:00:00.000Z`,
      });
      ids.push(activity.id);
    }
    return ids;
  } finally {
    await db.destroy();
  }
}

async function statuses(ids: string[]): Promise<string[]> {
  const { db } = openDatabase(app.databasePath);
  try {
    const rows = await db.selectFrom("activities").select(["id", "status"]).where("id", "in", ids).execute();
    return ids.map((id) => rows.find((r) => r.id === id)?.status ?? "missing");
  } finally {
    await db.destroy();
  }
}
