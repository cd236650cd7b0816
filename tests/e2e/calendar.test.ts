// The calendar link on a phone: make it, copy it, subscribe (fetch it as a calendar app would),
// replace it, and see the old link stop working. Also without JavaScript.
import type { Browser, Page } from "playwright-core";
import { DEMO_MEMBER_PASSPHRASE } from "../../scripts/demo-data";
import { resources } from "~/i18n/catalogs.server";
import { parseCalendar } from "../integration/ical-client";
import { launchBrowser, PHONE, screenshot, startApp, waitForHydration, watchPage, type RunningApp } from "./support";

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

async function signIn(page: Page) {
  await page.goto(app.baseUrl + "/login", { waitUntil: "networkidle" });
  await page.getByLabel(nb.login.pseudonymLabel).fill("Solsikke");
  await page.getByLabel(nb.login.passphraseLabel).fill(DEMO_MEMBER_PASSPHRASE);
  await Promise.all([page.waitForURL(app.baseUrl + "/"), page.getByRole("button", { name: nb.login.submit }).click()]);
}

/** The calendar section: on /me once the page embeds it, else on its own page /me/calendar. */
async function openCalendarSection(page: Page) {
  await page.goto(app.baseUrl + "/me", { waitUntil: "networkidle" });
  if ((await page.locator('form[action="/me/calendar"]').count()) === 0) {
    await page.goto(app.baseUrl + "/me/calendar", { waitUntil: "networkidle" });
  }
}

async function makeLink(page: Page, buttonName: string): Promise<string> {
  const field = page.getByLabel(nb.calendar.section.linkLabel);
  const before = (await field.count()) > 0 ? await field.inputValue() : "";
  await page.getByRole("button", { name: buttonName }).click();
  await page.waitForFunction(
    ([label, old]) => {
      const input = [...document.querySelectorAll("label")].find((l) => l.textContent === label)?.control as
        HTMLInputElement | undefined;
      return input !== undefined && input.value !== "" && input.value !== old;
    },
    [nb.calendar.section.linkLabel, before] as const,
  );
  return field.inputValue();
}

describe("the calendar link", () => {
  test("is copied from the page, works as a feed, and stops working when replaced", async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: "nb-NO", isMobile: true, hasTouch: true });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.baseUrl });
    const page = await context.newPage();
    const problems = await watchPage(page, app.baseUrl);
    try {
      await signIn(page);
      await openCalendarSection(page);
      await waitForHydration(page);

      const first = await makeLink(page, nb.calendar.section.createLink);
      expect(first).toMatch(new RegExp(`^${app.baseUrl}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
      const webcal = await page.getByRole("link", { name: nb.calendar.section.openInApp }).getAttribute("href");
      expect(webcal).toBe(first.replace(/^http:/, "webcal:"));

      await page.getByRole("button", { name: nb.calendar.section.copy }).click();
      await page.getByText(nb.calendar.section.copied).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first);
      await screenshot(page, "calendar-link");

      // What a calendar app does: fetch, then ask again with the validators.
      const feed = await fetch(first);
      expect(feed.status).toBe(200);
      expect(feed.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
      const etag = feed.headers.get("ETag")!;
      const calendar = parseCalendar(await feed.text());
      expect(calendar.name).toBe("Kalender");
      expect(calendar.events.length).toBeGreaterThan(0);
      const head = await fetch(first, { method: "HEAD" });
      expect(head.status).toBe(200);
      expect(head.headers.get("ETag")).toBe(etag);
      expect(await head.text()).toBe("");
      expect((await fetch(first, { headers: { "If-None-Match": etag } })).status).toBe(304);

      const second = await makeLink(page, nb.calendar.section.replaceLink);
      expect(second).not.toBe(first);
      expect((await fetch(first)).status).toBe(404);
      expect((await fetch(second)).status).toBe(200);

      // The tokens never reach the request log.
      const logged = JSON.stringify(app.logs);
      for (const link of [first, second]) expect(logged).not.toContain(link.split("/").pop()!.replace(".ics", ""));
      expect(app.logs.some((l) => l.event === "request" && l.path === "/calendar/[token]")).toBe(true);
      expect(problems).toEqual(NO_PROBLEMS);
    } finally {
      await context.close();
    }
  });

  test("can be made without JavaScript: the link is shown in a field to select and copy", async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: "nb-NO", javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(app.baseUrl + "/login");
      await page.getByLabel(nb.login.pseudonymLabel).fill("Solsikke");
      await page.getByLabel(nb.login.passphraseLabel).fill(DEMO_MEMBER_PASSPHRASE);
      await Promise.all([
        page.waitForURL(app.baseUrl + "/"),
        page.getByRole("button", { name: nb.login.submit }).click(),
      ]);
      await page.goto(app.baseUrl + "/me/calendar");
      await Promise.all([
        page.waitForURL(app.baseUrl + "/me/calendar"),
        page.locator('form[action="/me/calendar"] button').first().click(),
      ]);
      const link = await page.getByLabel(nb.calendar.section.linkLabel).inputValue();
      expect(link).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
      expect(await page.getByRole("button", { name: nb.calendar.section.copy }).count()).toBe(0);
      expect((await fetch(link)).status).toBe(200);
      await screenshot(page, "calendar-link-no-js");
    } finally {
      await context.close();
    }
  });
});
