// A first-timer keeps her recovery codes: copy (with JavaScript) or save as a file (with or without).
// And a coordinator who opens an admin-only page is told why, with a way back.
import fs from "node:fs";
import type { Browser, Page } from "playwright-core";
import { openDatabase } from "../../db/connection";
import { createSession, markSecondFactor, SESSION_POLICY } from "~/features/sessions/sessions.server";
import { resources } from "~/i18n/catalogs.server";
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

async function join(page: Page, code: string, pseudonym: string) {
  await page.getByLabel(nb.join.codeLabel).fill(code);
  await page.getByLabel(nb.join.pseudonymLabel).fill(pseudonym);
  await page.getByLabel(nb.join.passphraseLabel).fill("tre blå sykler under treet");
  await page.getByRole("button", { name: nb.join.submit }).click();
  await page.getByRole("heading", { level: 1, name: nb.recovery.title }).waitFor();
  return (await page.locator(".code-list li").allTextContents()).map((c) => c.trim());
}

async function savedFile(page: Page) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: nb.recovery.saveFile }).click(),
  ]);
  return { name: download.suggestedFilename(), text: fs.readFileSync((await download.path())!, "utf8") };
}

describe("recovery codes after joining", () => {
  test("can be copied and saved as a file with JavaScript", async () => {
    const context = await browser.newContext({
      viewport: PHONE,
      locale: "nb-NO",
      isMobile: true,
      hasTouch: true,
      acceptDownloads: true,
    });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.baseUrl });
    const page = await context.newPage();
    const problems = await watchPage(page, app.baseUrl);
    try {
      await page.goto(app.baseUrl + "/join", { waitUntil: "networkidle" });
      await waitForHydration(page);
      const codes = await join(page, "DEMO-OSLO-0003", "Kopimaskin");
      expect(codes).toHaveLength(8);
      await page.getByRole("button", { name: nb.recovery.copy }).click();
      await page.getByRole("status").getByText(nb.recovery.copied).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(codes.join("\n"));
      await screenshot(page, "recovery-codes-copied");
      const file = await savedFile(page);
      expect(file.name).toBe("codes.txt");
      expect(file.text.split(/\r\n/).filter(Boolean)).toEqual(codes);
      // Saving did not take the codes off the screen.
      expect((await page.locator(".code-list li").allTextContents()).map((c) => c.trim())).toEqual(codes);
      expect(problems).toEqual(NO_PROBLEMS);
    } finally {
      await context.close();
    }
  });

  test("can be saved as a file without JavaScript, where no copy button is offered", async () => {
    const context = await browser.newContext({
      viewport: PHONE,
      locale: "nb-NO",
      javaScriptEnabled: false,
      acceptDownloads: true,
    });
    const page = await context.newPage();
    try {
      await page.goto(app.baseUrl + "/join");
      const codes = await join(page, "DEMO-OSLO-0004", "Utenskript");
      expect(await page.getByRole("button", { name: nb.recovery.copy }).count()).toBe(0);
      const file = await savedFile(page);
      expect(file.name).toBe("codes.txt");
      expect(file.text.split(/\r\n/).filter(Boolean)).toEqual(codes);
    } finally {
      await context.close();
    }
  });
});

describe("an admin-only page opened by a coordinator", () => {
  test("says it is for national admins and links back to the staff pages, on load and after a client navigation", async () => {
    const { db } = openDatabase(app.databasePath);
    let token: string;
    try {
      const coordinator = await db
        .selectFrom("staff_users")
        .select("id")
        .where("role", "=", "coordinator")
        .executeTakeFirstOrThrow();
      const session = await createSession(db, { staffId: coordinator.id }, SESSION_POLICY.staff);
      await markSecondFactor(db, session.sessionId);
      token = session.token;
    } finally {
      await db.destroy();
    }
    const context = await browser.newContext({ viewport: PHONE, locale: "nb-NO" });
    await context.addCookies([
      {
        name: "__Host-session",
        value: token,
        domain: "127.0.0.1",
        path: "/",
        secure: true,
        httpOnly: true,
        sameSite: "Lax",
      },
    ]);
    const page = await context.newPage();
    try {
      const response = await page.goto(app.baseUrl + "/staff/audit", { waitUntil: "networkidle" });
      expect(response?.status()).toBe(403);
      await page.getByRole("heading", { level: 1, name: nb.errors.adminOnlyTitle }).waitFor();
      expect(await page.locator("main").textContent()).not.toContain(nb.errors.errorBody);
      await screenshot(page, "staff-admin-only");
      await waitForHydration(page);
      await page.getByRole("link", { name: nb.errors.backToStaff }).click();
      await page.waitForURL(app.baseUrl + "/staff");
      await page.evaluate(() =>
        (window as unknown as { __remixRouter: { navigate(to: string): Promise<void> } }).__remixRouter.navigate(
          "/staff/accounts",
        ),
      );
      await page.getByRole("heading", { level: 1, name: nb.errors.adminOnlyTitle }).waitFor();
    } finally {
      await context.close();
    }
  });
});
