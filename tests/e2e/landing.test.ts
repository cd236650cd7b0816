import type { Browser } from "playwright-core";
import { openDatabase } from "../../db/connection";
import { resources } from "~/i18n/catalogs.server";
import {
  DESKTOP,
  launchBrowser,
  PHONE,
  screenshot,
  startApp,
  waitForHydration,
  watchPage,
  type RunningApp,
} from "./support";

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

async function chapterNames(): Promise<string[]> {
  const { db } = openDatabase(app.databasePath);
  try {
    const rows = await db.selectFrom("chapters").select("name").orderBy("name").execute();
    return rows.map((r) => r.name);
  } finally {
    await db.destroy();
  }
}

describe("the landing page", () => {
  test.each([
    ["phone", PHONE],
    ["desktop", DESKTOP],
  ])("welcomes a visitor on a %s and lists the chapters, without errors", async (_, viewport) => {
    const expectedChapters = await chapterNames();
    expect(expectedChapters.length).toBeGreaterThan(0);

    const context = await browser.newContext({ viewport, locale: "nb-NO" });
    const page = await context.newPage();
    const problems = await watchPage(page, app.baseUrl);
    try {
      const response = await page.goto(app.baseUrl + "/", { waitUntil: "networkidle" });
      expect(response?.status()).toBe(200);
      await waitForHydration(page);
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(nb.home.title);
      const listed = await page.locator(".chapter-list li strong").allTextContents();
      expect([...listed].sort()).toEqual([...expectedChapters].sort());
      await screenshot(page, "landing");
      expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [], foreignRequests: [] });
    } finally {
      await context.close();
    }
  });

  test("enforces its Content-Security-Policy on a script injected without the nonce", async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    const problems = await watchPage(page, app.baseUrl);
    try {
      await page.goto(app.baseUrl + "/", { waitUntil: "networkidle" });
      const ran = await page.evaluate(async () => {
        const script = document.createElement("script");
        script.textContent = "window.__injected = true";
        document.body.append(script);
        await new Promise((resolve) => setTimeout(resolve, 50));
        return (window as unknown as { __injected?: boolean }).__injected === true;
      });
      expect(ran).toBe(false);
      expect(problems.cspViolations).toEqual(["script-src-elem blocked inline"]);
    } finally {
      await context.close();
    }
  });
});

describe("the production server", () => {
  test("answers /healthz with 200", async () => {
    const response = await fetch(app.baseUrl + "/healthz");
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("ok");
  });

  test.each([
    ["phone", PHONE],
    ["desktop", DESKTOP],
  ])("shows the not-found page with status 404 for an unknown path on a %s", async (_, viewport) => {
    const context = await browser.newContext({ viewport, locale: "nb-NO" });
    const page = await context.newPage();
    const problems = await watchPage(page, app.baseUrl);
    try {
      const response = await page.goto(app.baseUrl + "/finnes/ikke", { waitUntil: "networkidle" });
      expect(response?.status()).toBe(404);
      await waitForHydration(page);
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(nb.errors.notFoundTitle);
      await screenshot(page, "not-found");
      // Chromium reports the 404 document itself as a failed load; nothing else may go wrong.
      expect(problems).toEqual({
        consoleErrors: ["Failed to load resource: the server responded with a status of 404 (Not Found)"],
        pageErrors: [],
        cspViolations: [],
        foreignRequests: [],
      });
    } finally {
      await context.close();
    }
  });
});
