// A visitor on a phone says where she would like a network; a coordinator then reads the demand
// map on a phone and a desktop.
import type { Browser } from "playwright-core";
import { openDatabase } from "../../db/connection";
import { resources } from "~/i18n/catalogs.server";
import { osloMonth } from "~/features/demand/interest.server";
import { addMonths } from "~/features/demand/months";
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
  // A few months of wishes, so the map has something to show (and something to suppress).
  const { db } = openDatabase(app.databasePath);
  try {
    const now = osloMonth(new Date());
    const rows: Array<[number, string, string, "women" | "men" | "everyone", number]> = [
      [0, "55", "5501", "women", 9],
      [-1, "55", "5501", "women", 8],
      [-2, "55", "", "men", 6],
      [-1, "18", "1804", "everyone", 7],
      [-3, "50", "5001", "women", 12],
      [-2, "50", "", "men", 5],
      [-4, "15", "1508", "women", 6],
      [-1, "56", "5601", "women", 3],
      [-2, "11", "1103", "everyone", 26],
      [-5, "34", "3403", "men", 2],
      [0, "40", "4003", "women", 11],
    ];
    await db
      .insertInto("interest_counts")
      .values(
        rows.map(([delta, county, municipality, audience, count]) => ({
          month: addMonths(now, delta),
          county_number: county,
          municipality_number: municipality,
          audience,
          language: "",
          count,
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

describe("demand", () => {
  test("a visitor on a phone asks for a network in Tromsø and is told exactly what was stored", async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: "nb-NO" });
    const page = await context.newPage();
    const problems = await watchPage(page, app.baseUrl);
    try {
      await page.goto(app.baseUrl + "/", { waitUntil: "networkidle" });
      await page.getByRole("link", { name: nb.interest.landingLink }).click();
      await page.waitForURL(app.baseUrl + "/interest");
      await waitForHydration(page);
      await page.getByLabel(nb.interest.countyLabel, { exact: true }).selectOption("55");
      // With JavaScript, only Troms's municipalities are offered.
      const offered = await page
        .locator("#field-municipality optgroup")
        .evaluateAll((groups) => groups.map((g) => g.getAttribute("label")));
      expect(offered).toEqual(["Troms - Romsa - Tromssa"]);
      await page.getByLabel(nb.interest.municipalityLabel, { exact: true }).selectOption("5501");
      await page.getByLabel(nb.interest.audience_women, { exact: true }).check();
      await screenshot(page, "interest");
      await page.getByRole("button", { name: nb.interest.submit }).click();
      await page.getByRole("heading", { level: 1, name: nb.interest.thanksTitle }).waitFor();
      await expect(page.locator(".facts-list").textContent()).resolves.toContain("Tromsø");
      expect(page.url()).toBe(app.baseUrl + "/interest");
      await screenshot(page, "interest-thanks");
      expect(problems).toEqual(NO_PROBLEMS);
    } finally {
      await context.close();
    }
  });

  test("a coordinator reads the demand map and table on a desktop and on a phone", async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: "nb-NO" });
    const page = await context.newPage();
    const problems = await watchPage(page, app.baseUrl);
    try {
      await staffSignIn(page, app.baseUrl);
      await page.getByRole("link", { name: nb.staffDemand.homeLink }).click();
      await page.waitForURL(app.baseUrl + "/staff/demand");
      await page.getByRole("img", { name: nb.staffDemand.mapAlt }).waitFor();
      const troms = page.locator(".demand-table tbody tr", { hasText: "Troms" });
      // 9 + 8 + 6 from the seed, and the visitor's wish from the test above.
      await expect(troms.locator("td").last().textContent()).resolves.toBe("24");
      const finnmark = page.locator(".demand-table tbody tr", { hasText: "Finnmark" });
      await expect(finnmark.locator("td").last().textContent()).resolves.toBe("<5");
      await screenshot(page, "staff-demand");
      await page.setViewportSize(PHONE);
      await screenshot(page, "staff-demand");
      await page.setViewportSize(DESKTOP);
      await troms.getByRole("link").click();
      await page.getByRole("heading", { level: 1, name: "Troms - Romsa - Tromssa" }).waitFor();
      await screenshot(page, "staff-demand-county");
      expect(problems).toEqual(NO_PROBLEMS);
    } finally {
      await context.close();
    }
  });
});
