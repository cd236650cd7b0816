// Without a mouse: join with a demo invite, answer an activity and leave quickly, using only Tab,
// Shift+Tab, Enter, Space and typing, and seeing where the focus is at every step.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { resources } from "~/i18n/catalogs.server";
import { DESKTOP, launchBrowser, screenshot, startApp, type RunningApp } from "./support";

const nb = resources.nb.translation;

let app: RunningApp;
let browser: Browser;
let neutral: http.Server;
let neutralUrl: string;

beforeAll(async () => {
  neutral = http.createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end("<!doctype html><title>Været</title><h1>Været i dag</h1>");
  });
  neutral.listen(0, "127.0.0.1");
  await new Promise((resolve) => neutral.once("listening", resolve));
  // Another host name than the app's 127.0.0.1, so really another site.
  neutralUrl = `http://localhost:${(neutral.address() as AddressInfo).port}/`;
  [app, browser] = await Promise.all([startApp({ seed: true, env: { QUICK_EXIT_URL: neutralUrl } }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await new Promise((resolve) => neutral?.close(resolve));
});

interface Focus {
  matches: boolean;
  description: string;
  /** an outline or a focus ring (box-shadow) a sighted person can see */
  visible: boolean;
}

/** Where the focus is, and whether it shows. */
function focusState(page: Page, selector: string): Promise<Focus> {
  return page.evaluate((selector) => {
    const el = document.activeElement;
    if (!el || el === document.body) return { matches: false, description: "body", visible: false };
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const ring = style.boxShadow !== "none";
    const text = (el.textContent ?? "").trim().slice(0, 40);
    return {
      matches: el.matches(selector),
      description: `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""} "${text}"`,
      visible: outline || ring,
    };
  }, selector);
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches, checking at every stop on the
 * way that the focus can be seen. Fails if it takes more than `max` presses.
 */
async function tabTo(page: Page, selector: string, { back = false, max = 40 } = {}): Promise<void> {
  const path: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    const focus = await focusState(page, selector);
    path.push(focus.description);
    if (!focus.visible) throw new Error(`focus is not visible on ${focus.description} (path: ${path.join(" → ")})`);
    if (focus.matches) return;
  }
  throw new Error(`did not reach ${selector} in ${max} presses: ${path.join(" → ")}`);
}

describe("a member who uses only the keyboard", () => {
  test("joins with an invite, says yes to an activity and leaves quickly, always seeing the focus", async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: "nb-NO" });
    const page = await context.newPage();
    try {
      await page.goto(app.baseUrl + "/", { waitUntil: "networkidle" });
      await page.waitForFunction(() => "__remixRouter" in window, null, { timeout: 30_000 });

      // The first stop is the quick-exit button, the second the skip link.
      await tabTo(page, ".quick-exit__button", { max: 1 });
      await tabTo(page, ".skip-link", { max: 1 });

      // From the welcome page to the join form.
      await tabTo(page, 'main a[href="/join"]');
      await Promise.all([page.waitForURL(app.baseUrl + "/join"), page.keyboard.press("Enter")]);
      await page.locator("#field-code").waitFor();

      await tabTo(page, "#field-code");
      await page.keyboard.type("DEMO-OSLO-0002");
      await tabTo(page, "#field-pseudonym");
      await page.keyboard.type("Tastatur");
      await tabTo(page, "#field-passphrase");
      await page.keyboard.type("fire grønne epler på bordet");
      await tabTo(page, "#field-ownDevice");
      await page.keyboard.press("Space");
      expect(await page.locator("#field-ownDevice").isChecked()).toBe(true);
      await tabTo(page, 'main button[type="submit"]');
      await page.keyboard.press("Enter");

      // The recovery codes, then on to the activity list.
      await page.getByRole("heading", { level: 1, name: nb.recovery.title }).waitFor();
      await screenshot(page, "keyboard-1-recovery-codes");
      await tabTo(page, "main a.button");
      await Promise.all([page.waitForURL(app.baseUrl + "/"), page.keyboard.press("Enter")]);
      await page.getByRole("heading", { level: 1, name: nb.activities.listTitle }).waitFor();

      // The first activity, then "Jeg kommer" with Space.
      await tabTo(page, ".activity-card__title a", { max: 60 });
      await Promise.all([page.waitForURL(/\/activities\/[^/]+$/), page.keyboard.press("Enter")]);
      await page.locator('button[name="intent"][value="going"]').waitFor();
      await tabTo(page, 'button[name="intent"][value="going"]');
      await screenshot(page, "keyboard-2-focus-on-answer");
      await page.keyboard.press("Space");
      await page
        .getByText(
          new RegExp(`${nb.activities.statusGoing}|${nb.activities.statusWaitlisted.replace("{{position}}", "\\d+")}`),
        )
        .waitFor();

      // Back up to the quick-exit button with Shift+Tab, and leave with Enter.
      await tabTo(page, ".quick-exit__button", { back: true, max: 60 });
      await Promise.all([page.waitForURL(neutralUrl), page.keyboard.press("Enter")]);
      expect(page.url()).toBe(neutralUrl);
    } finally {
      await context.close();
    }
  });
});
