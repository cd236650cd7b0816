// Quick exit in Chromium against the production server: by button and by Shift×3, with
// JavaScript on and off, ending on a neutral site (a separate local server, so really another
// site), with the old session refused afterwards.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { openDatabase } from "../../db/connection";
import { hashSecret } from "~/platform/secrets.server";
import { resources } from "~/i18n/catalogs.server";
import { DESKTOP, launchBrowser, PHONE, screenshot, startApp, watchPage, type RunningApp } from "./support";

const nb = resources.nb.translation;
const PASSPHRASE = "demo-member-pass";

let app: RunningApp;
let browser: Browser;
let neutral: http.Server;
let neutralUrl: string;
/** what the neutral site was asked for, with the headers it got */
const neutralVisits: Array<{ url: string; referer: string | undefined; cookie: string | undefined }> = [];

beforeAll(async () => {
  neutral = http.createServer((req, res) => {
    neutralVisits.push({ url: req.url ?? "", referer: req.headers.referer, cookie: req.headers.cookie });
    // A slow answer keeps the old page in the tab a moment, so the test can see it go blank.
    setTimeout(() => {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      res.end("<!doctype html><title>Været</title><h1>Været i dag</h1>");
    }, 1_500);
  });
  neutral.listen(0, "127.0.0.1");
  await new Promise((resolve) => neutral.once("listening", resolve));
  // "localhost", not 127.0.0.1: another host name, so another site than the app.
  neutralUrl = `http://localhost:${(neutral.address() as AddressInfo).port}/`;
  [app, browser] = await Promise.all([startApp({ seed: true, env: { QUICK_EXIT_URL: neutralUrl } }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await new Promise((resolve) => neutral?.close(resolve));
});

/** Whether the session behind this cookie value still has its row. */
async function sessionExists(token: string): Promise<boolean> {
  const { db } = openDatabase(app.databasePath);
  try {
    return (
      (await db.selectFrom("sessions").select("id").where("id_hash", "=", hashSecret(token)).executeTakeFirst()) !==
      undefined
    );
  } finally {
    await db.destroy();
  }
}

/** Signs in as Solsikke through the real form; returns the session cookie's value. */
async function signIn(page: Page, context: BrowserContext): Promise<string> {
  await page.goto(app.baseUrl + "/login");
  await page.getByLabel(nb.login.pseudonymLabel).fill("Solsikke");
  await page.getByLabel(nb.login.passphraseLabel).fill(PASSPHRASE);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith("/login")),
    page.getByRole("button", { name: nb.login.submit }).click(),
  ]);
  const cookie = (await context.cookies(app.baseUrl)).find((c) => c.name === "__Host-session");
  if (!cookie) throw new Error("signing in set no session cookie");
  return cookie.value;
}

/** Waits until React has hydrated the page and run its effects (the Shift listener is one). */
async function hydrated(page: Page) {
  await page.waitForFunction(() => {
    const button = document.querySelector(".quick-exit__button");
    return button !== null && Object.keys(button).some((key) => key.startsWith("__reactProps"));
  });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** The old cookie, replayed by hand: a member-only page must send it to sign in. */
async function replayIsRefused(token: string) {
  const response = await fetch(app.baseUrl + "/me/sessions", {
    headers: { Cookie: `__Host-session=${token}` },
    redirect: "manual",
  });
  expect(response.status).toBe(302);
  expect(response.headers.get("location")).toMatch(/^\/login/);
}

describe("quick exit", () => {
  test("is the first thing Tab reaches, before the skip link", async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: "nb-NO" });
    const page = await context.newPage();
    try {
      await page.goto(app.baseUrl + "/");
      await page.keyboard.press("Tab");
      await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(nb.safety.quickExit.button);
      await page.keyboard.press("Tab");
      await expect(page.evaluate(() => document.activeElement?.className)).resolves.toBe("skip-link");
    } finally {
      await context.close();
    }
  });

  test("stays in view on a phone while the page scrolls", async () => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, locale: "nb-NO" });
    const page = await context.newPage();
    try {
      await page.goto(app.baseUrl + "/safety");
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForFunction(() => window.scrollY > 300);
      const button = page.getByRole("link", { name: nb.safety.quickExit.button });
      const box = await button.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height).toBeLessThanOrEqual(PHONE.height);
      // Nothing covers it: the element at its centre is the button itself.
      const onTop = await page.evaluate(
        ([x, y]) => document.elementFromPoint(x!, y!)?.closest("a")?.textContent,
        [box!.x + box!.width / 2, box!.y + box!.height / 2],
      );
      expect(onTop).toBe(nb.safety.quickExit.button);
      await screenshot(page, "safety-scrolled");
    } finally {
      await context.close();
    }
  });

  test.each([
    ["the button", "button"],
    ["pressing Shift three times", "shift"],
  ] as const)("by %s with JavaScript blanks the page, signs out and lands on the neutral site", async (_, how) => {
    const context = await browser.newContext({ viewport: PHONE, locale: "nb-NO" });
    const page = await context.newPage();
    const problems = await watchPage(page, app.baseUrl);
    try {
      const token = await signIn(page, context);
      await page.goto(app.baseUrl + "/me/sessions");
      await hydrated(page);
      expect(await sessionExists(token)).toBe(true);
      const visitsBefore = neutralVisits.length;
      // What the page looked like the moment it was hidden (the neutral site answers slowly, so
      // the report arrives before the page is replaced).
      const blanked: Array<{ hidden: boolean; title: string }> = [];
      await page.exposeFunction("__reportBlank", (seen: { hidden: boolean; title: string }) => blanked.push(seen));
      await page.evaluate(() => {
        const report = (window as unknown as { __reportBlank(seen: { hidden: boolean; title: string }): void })
          .__reportBlank;
        new MutationObserver(() => report({ hidden: document.body.hidden, title: document.title })).observe(
          document.body,
          {
            attributeFilter: ["hidden"],
          },
        );
      });

      const left = page.waitForURL(neutralUrl);
      if (how === "button") {
        await page.getByRole("link", { name: nb.safety.quickExit.button }).click();
      } else {
        await page.locator("body").click({ position: { x: 5, y: 300 } });
        for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
      }
      await left;
      expect(blanked[0]).toEqual({ hidden: true, title: "" });
      await expect(page.title()).resolves.toBe("Været");

      // The beacon may land a moment after the page has gone.
      await vi.waitFor(() => expect(sessionExists(token)).resolves.toBe(false));
      await replayIsRefused(token);
      // The neutral site learns nothing: no Referer naming this site, no cookie.
      expect(neutralVisits.slice(visitsBefore)[0]).toEqual({ url: "/", referer: undefined, cookie: undefined });
      // "Back" does not return to the page that was showing: location.replace took its place.
      await page.goBack();
      expect(page.url()).not.toBe(app.baseUrl + "/me/sessions");
      expect(problems.cspViolations).toEqual([]);
      expect(problems.pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("does not fire on two Shift presses, nor on Shift used for typing", async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: "nb-NO" });
    const page = await context.newPage();
    try {
      await page.goto(app.baseUrl + "/login");
      await hydrated(page);
      await page.getByLabel(nb.login.pseudonymLabel).click();
      await page.keyboard.press("Shift");
      await page.keyboard.press("Shift");
      await page.keyboard.type("Ab");
      await page.keyboard.press("Shift");
      await page.waitForTimeout(300);
      expect(new URL(page.url()).pathname).toBe("/login");
      await expect(page.getByLabel(nb.login.pseudonymLabel).inputValue()).resolves.toBe("Ab");
    } finally {
      await context.close();
    }
  });

  test("without JavaScript is a link to /exit that signs out, clears the site's data and lands on the neutral site", async () => {
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false, locale: "nb-NO" });
    const page = await context.newPage();
    try {
      const token = await signIn(page, context);
      await page.goto(app.baseUrl + "/me/sessions");
      const exitResponse = page.waitForResponse((r) => new URL(r.url()).pathname === "/exit");
      await Promise.all([
        page.waitForURL(neutralUrl),
        page.getByRole("link", { name: nb.safety.quickExit.button }).click(),
      ]);
      const response = await exitResponse;
      expect(response.status()).toBe(303);
      // Not "storage": that would unregister the service worker and end push (decision 031).
      expect(await response.headerValue("clear-site-data")).toBe('"cache", "cookies"');
      await expect(page.title()).resolves.toBe("Været");
      expect(await sessionExists(token)).toBe(false);
      await replayIsRefused(token);
      expect((await context.cookies(app.baseUrl)).map((c) => c.name)).not.toContain("__Host-session");
    } finally {
      await context.close();
    }
  });

  test("wrote no passphrase or session id to the server's log", () => {
    const text = app.logs.map((l) => JSON.stringify(l)).join("\n");
    expect(app.logs.length).toBeGreaterThan(10);
    expect(text).not.toContain(PASSPHRASE);
    expect(text).not.toMatch(/[A-Za-z0-9_-]{43}/);
  });
});
