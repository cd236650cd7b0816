// The member's whole journey on a phone: join with a demo invite, sign in, browse, answer, land on
// the waitlist, and get the place when someone else cancels.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { openDatabase } from "../../db/connection";
import { DEMO_MEMBER_PASSPHRASE } from "../../scripts/demo-data";
import { osloWeekRange } from "~/platform/oslo-weeks";
import { resources } from "~/i18n/catalogs.server";
import {
  launchBrowser,
  PHONE,
  screenshot,
  startApp,
  waitForHydration,
  watchPage,
  type PageProblems,
  type RunningApp,
} from "./support";

const nb = resources.nb.translation;
const DAY = 24 * 60 * 60 * 1000;

let app: RunningApp;
let browser: Browser;
let testActivity: { id: string; title: string; startsAt: Date };

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp({ seed: true }), launchBrowser()]);
  testActivity = await addFullActivity();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** An Oslo activity with one place, already taken by the demo member Solsikke. */
async function addFullActivity() {
  const { db } = openDatabase(app.databasePath);
  try {
    const oslo = await db.selectFrom("chapters").select("id").where("slug", "=", "oslo").executeTakeFirstOrThrow();
    const solsikke = await db
      .selectFrom("members")
      .select("id")
      .where("pseudonym", "=", "Solsikke")
      .executeTakeFirstOrThrow();
    const now = new Date();
    const startsAt = new Date(now.getTime() + 2 * DAY);
    const activity = {
      id: "e2e-pizza",
      chapter_id: oslo.id,
      group_id: null,
      title: "Pizzakveld med én plass",
      description: "Vi lager pizza. Oppskrift: https://example.org/pizza",
      starts_at: startsAt.toISOString(),
      ends_at: new Date(startsAt.getTime() + 2 * 60 * 60 * 1000).toISOString(),
      area: "Tøyen",
      address: "Testveien 1, ring på «Kafé»",
      capacity: 1,
      languages: "nb,en",
      status: "scheduled" as const,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    await db.insertInto("activities").values(activity).execute();
    await db
      .insertInto("rsvps")
      .values({
        id: "e2e-solsikke",
        activity_id: activity.id,
        member_id: solsikke.id,
        status: "going",
        arrival: 1,
        created_at: activity.created_at,
        updated_at: activity.created_at,
      })
      .execute();
    return { id: activity.id, title: activity.title, startsAt };
  } finally {
    await db.destroy();
  }
}

async function newPhone(): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context = await browser.newContext({ viewport: PHONE, locale: "nb-NO", isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const problems = await watchPage(page, app.baseUrl);
  return { context, page, problems };
}

async function signIn(page: Page, pseudonym: string, passphrase: string) {
  await page.goto(app.baseUrl + "/login", { waitUntil: "networkidle" });
  await waitForHydration(page);
  await page.getByLabel(nb.login.pseudonymLabel).fill(pseudonym);
  await page.getByLabel(nb.login.passphraseLabel).fill(passphrase);
  await Promise.all([page.waitForURL(app.baseUrl + "/"), page.getByRole("button", { name: nb.login.submit }).click()]);
}

const NO_PROBLEMS = { consoleErrors: [], pageErrors: [], cspViolations: [], foreignRequests: [] };

describe("a new member on a phone", () => {
  test("joins, signs in, browses, lands on the waitlist and takes the place offered when someone cancels", async () => {
    const newcomer = await newPhone();
    const solsikke = await newPhone();
    const { page } = newcomer;
    try {
      // Join with a demo invite.
      await page.goto(app.baseUrl + "/join", { waitUntil: "networkidle" });
      await waitForHydration(page);
      await page.getByLabel(nb.join.codeLabel).fill("DEMO-OSLO-0001");
      await page.getByLabel(nb.join.pseudonymLabel).fill("Vandrefalk");
      await page.getByLabel(nb.join.passphraseLabel).fill("tre blå sykler under treet");
      const joined = page.waitForResponse((r) => r.url().includes("/join") && r.request().method() === "POST");
      await page.getByRole("button", { name: nb.join.submit }).click();
      expect((await joined).status()).toBe(200);

      // Joining signs the member in: the front page is now their activity list.
      await page.goto(app.baseUrl + "/", { waitUntil: "networkidle" });
      await page.getByRole("heading", { level: 1, name: nb.activities.listTitle }).waitFor();
      await screenshot(page, "member-1-joined");

      // Sign out and back in with the pseudonym and passphrase just chosen.
      await Promise.all([
        page.waitForURL(app.baseUrl + "/"),
        page.getByRole("button", { name: nb.layout.signOut }).click(),
      ]);
      await page.getByRole("heading", { level: 1, name: nb.home.title }).waitFor();
      await signIn(page, "Vandrefalk", "tre blå sykler under treet");

      // Browse: the list, then only the week of the test activity (a plain GET form).
      await page.getByRole("heading", { level: 1, name: nb.activities.listTitle }).waitFor();
      expect(await page.locator(".activity-card").count()).toBeGreaterThan(1);
      await screenshot(page, "member-2-activities");
      const week = testActivity.startsAt < osloWeekRange(new Date(), 0).end ? "0" : "1";
      await page.getByLabel(nb.activities.filterWeek).selectOption(week);
      await Promise.all([
        page.waitForURL(/[?&]week=/),
        page.getByRole("button", { name: nb.activities.applyFilter }).click(),
      ]);
      const card = page.locator(".activity-card", { hasText: testActivity.title });
      await expect(card.textContent()).resolves.toContain(nb.activities.full);
      expect(page.url()).toContain(`week=${week}`);

      // The activity is full: the address stays hidden, and answering puts the member on the waitlist.
      await card.getByRole("link", { name: testActivity.title }).click();
      await page.waitForURL(`${app.baseUrl}/activities/${testActivity.id}`);
      // A client-side navigation sets the title just after the URL changes: wait for it.
      await expect.poll(() => page.title()).toBe("Aktivitet – Møteplass");
      await expect(page.locator("main").textContent()).resolves.toContain(nb.activities.addressWhenGoing);
      await page.getByLabel(nb.activities.showPseudonymLabel).check();
      await page.getByRole("button", { name: nb.activities.joinWaitlist }).click();
      await page.getByText(nb.activities.statusWaitlisted.replace("{{position}}", "1")).waitFor();
      expect(await page.locator("main").textContent()).not.toContain("Testveien 1");
      await screenshot(page, "member-3-waitlisted");

      // Solsikke, who had the place, takes her answer back on her own phone.
      await signIn(solsikke.page, "Solsikke", DEMO_MEMBER_PASSPHRASE);
      await solsikke.page.goto(`${app.baseUrl}/activities/${testActivity.id}`, { waitUntil: "networkidle" });
      await waitForHydration(solsikke.page);
      await expect(solsikke.page.locator("main").textContent()).resolves.toContain("Testveien 1");
      await solsikke.page.getByRole("button", { name: nb.activities.withdraw }).click();
      await solsikke.page.getByText(nb.activities.statusNone).waitFor();

      // Two days before the start the freed place is offered to the newcomer; she takes it.
      await page.reload({ waitUntil: "networkidle" });
      await page.getByRole("heading", { name: nb.notices.offer.title }).waitFor();
      await page.getByRole("button", { name: nb.notices.offer.accept }).click();
      await page.getByText(nb.notices.coming).waitFor();
      // The newcomer has the place now, sees the address, and is listed by pseudonym.
      await page.getByText(nb.activities.statusGoing).waitFor();
      const main = await page.locator("main").textContent();
      expect(main).toContain("Testveien 1, ring på «Kafé»");
      expect(main).toContain("Vandrefalk");
      await screenshot(page, "member-4-promoted");

      await page.goto(app.baseUrl + "/", { waitUntil: "networkidle" });
      await expect(page.locator(".activity-card", { hasText: testActivity.title }).textContent()).resolves.toContain(
        nb.activities.answerGoing,
      );

      expect(newcomer.problems).toEqual(NO_PROBLEMS);
      expect(solsikke.problems).toEqual(NO_PROBLEMS);
    } finally {
      await newcomer.context.close();
      await solsikke.context.close();
    }
  });
});
