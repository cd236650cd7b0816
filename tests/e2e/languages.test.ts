// Choosing a language in a real browser: Accept-Language on the first visit, ?lang= remembered
// by a cookie, and the language switch on every page working with and without JavaScript.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { openDatabase } from "../../db/connection";
import { DEMO_MEMBER_PASSPHRASE } from "../../scripts/demo-data";
import { LOCALE_NAMES, LOCALES } from "~/i18n/config";
import { resources, tFor } from "~/i18n/catalogs.server";
import { launchBrowser, PHONE, startApp, watchPage, type RunningApp } from "./support";

const nb = resources.nb.translation;

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp({ seed: true }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const htmlLangDir = (page: Page) => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
const languageCookie = async (context: BrowserContext) =>
  (await context.cookies(app.baseUrl)).find((c) => c.name === "lang")?.value;

async function memberLocale(pseudonym: string): Promise<string | null> {
  const { db } = openDatabase(app.databasePath);
  try {
    return (
      await db.selectFrom("members").select("locale").where("pseudonym", "=", pseudonym).executeTakeFirstOrThrow()
    ).locale;
  } finally {
    await db.destroy();
  }
}

describe("the language of the pages", () => {
  test("a first visit follows Accept-Language", async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: "so-SO" });
    const page = await context.newPage();
    await page.goto(app.baseUrl + "/login");
    expect(await htmlLangDir(page)).toEqual(["so", "ltr"]);
    await page.getByRole("heading", { level: 1, name: tFor("so")("login.title") }).waitFor();
    await context.close();
  });

  test("?lang= works on any page, and the browser keeps it for the next pages", async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: "nb-NO" });
    const page = await context.newPage();
    const problems = await watchPage(page, app.baseUrl);
    await page.goto(app.baseUrl + "/join?lang=ar");
    expect(await htmlLangDir(page)).toEqual(["ar", "rtl"]);
    expect(await languageCookie(context)).toBe("ar");
    await page.goto(app.baseUrl + "/login");
    expect(await htmlLangDir(page)).toEqual(["ar", "rtl"]);
    await page.goto(app.baseUrl + "/no-such-page?lang=ur");
    expect(await htmlLangDir(page)).toEqual(["ur-PK", "rtl"]);
    expect(await languageCookie(context)).toBe("ur");
    expect(problems.pageErrors).toEqual([]);
    await context.close();
  });

  test("without JavaScript the switch posts, remembers the choice and returns to the same page", async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: "nb-NO", javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(app.baseUrl + "/join");
    await page.getByLabel(nb.layout.language, { exact: true }).selectOption({ label: LOCALE_NAMES.en });
    await Promise.all([
      page.waitForURL(app.baseUrl + "/join"),
      page.getByRole("button", { name: nb.layout.changeLanguage }).click(),
    ]);
    await page.getByRole("heading", { level: 1, name: tFor("en")("join.title") }).waitFor();
    expect(await languageCookie(context)).toBe("en");
    expect(await htmlLangDir(page)).toEqual(["en-GB", "ltr"]);
    await context.close();
  });

  test("with JavaScript a signed-in member's choice goes to their profile and the page turns right to left", async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: "nb-NO" });
    const page = await context.newPage();
    const problems = await watchPage(page, app.baseUrl);
    await page.goto(app.baseUrl + "/login");
    await page.getByLabel(nb.login.pseudonymLabel).fill("Fjellrev");
    await page.getByLabel(nb.login.passphraseLabel).fill(DEMO_MEMBER_PASSPHRASE);
    await Promise.all([
      page.waitForURL(app.baseUrl + "/"),
      page.getByRole("button", { name: nb.login.submit }).click(),
    ]);
    await page.waitForFunction(() => "__remixRouter" in window, null, { timeout: 30_000 });

    await page.getByLabel(nb.layout.language, { exact: true }).selectOption({ label: LOCALE_NAMES.ar });
    await page.getByRole("button", { name: nb.layout.changeLanguage }).click();
    await page.getByRole("heading", { level: 1, name: tFor("ar")("activities.listTitle") }).waitFor();
    expect(await htmlLangDir(page)).toEqual(["ar", "rtl"]);
    expect(await memberLocale("Fjellrev")).toBe("ar");
    expect(await languageCookie(context)).toBe("ar");

    // Loaded afresh in Arabic, the browser formats dates exactly as the server did: no hydration error.
    await page.reload({ waitUntil: "networkidle" });
    await page.waitForFunction(() => "__remixRouter" in window, null, { timeout: 30_000 });
    expect(await page.locator(".activity-card time").first().textContent()).toMatch(/[\u0600-\u06FF].*\d{1,2}:\d{2}/);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);

    // Every language: the list and an activity hydrate without a mismatch.
    for (const locale of LOCALES) {
      await context.addCookies([{ name: "lang", value: locale, url: app.baseUrl }]);
      await page.goto(app.baseUrl + "/", { waitUntil: "networkidle" });
      await page.waitForFunction(() => "__remixRouter" in window, null, { timeout: 30_000 });
      const href = await page.locator(".activity-card__title a").first().getAttribute("href");
      await page.goto(app.baseUrl + href, { waitUntil: "networkidle" });
      await page.waitForFunction(() => "__remixRouter" in window, null, { timeout: 30_000 });
      expect({ locale, errors: problems.consoleErrors }).toEqual({ locale, errors: [] });
      if (locale === "so") {
        // Chromium has no Somali data of its own; the page still reads Somali once hydrated.
        const when = await page.locator(".activity-facts time").first().textContent();
        expect(when).toMatch(
          /^(Axad|Isniin|Talaado|Arbaco|Khamiis|Jimco|Sabti), (Janaayo|Febraayo|Maarso|Abriil|Maayo|Juun|Luulyo|Agosto|Sebtembar|Oktoobar|Noofeembar|Diseembar) \d/,
        );
      }
    }
    await context.close();
  });
});
