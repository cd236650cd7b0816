// WCAG 2.1 AA in Chromium: axe-core on every page type in Bokmål, English and Arabic; reflow at
// 320 px and at 200% zoom; reduced motion; and phone screenshots of the activity list and one
// activity in each of the three languages, to look at (RTL mirrored, nothing cut).
import axe from "axe-core";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { openDatabase } from "../../db/connection";
import { DEMO_ADMIN_EMAIL, DEMO_MEMBER_PASSPHRASE, DEMO_TOTP_SECRET } from "../../scripts/demo-data";
import { currentTotpCode } from "~/platform/totp.server";
import { direction, LOCALE_TAGS, type Locale } from "~/i18n/config";
import { resources } from "~/i18n/catalogs.server";
import { DESKTOP, launchBrowser, PHONE, screenshot, startApp, type RunningApp } from "./support";

const nb = resources.nb.translation;
const LANGUAGES = ["nb", "en", "ar"] as const satisfies readonly Locale[];
const WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

let app: RunningApp;
let browser: Browser;
let anonymous: BrowserContext;
let member: BrowserContext;
let staff: BrowserContext;
let memberActivityId: string;
let staffActivityId: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp({ seed: true }), launchBrowser()]);
  memberActivityId = await firstActivityFor("Solsikke");
  staffActivityId = memberActivityId;
  anonymous = await browser.newContext({ viewport: PHONE, locale: "nb-NO", isMobile: true, hasTouch: true });
  member = await browser.newContext({ viewport: PHONE, locale: "nb-NO", isMobile: true, hasTouch: true });
  staff = await browser.newContext({ viewport: DESKTOP, locale: "nb-NO" });
  await signInMember(await member.newPage());
  await signInStaff(await staff.newPage());
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** An upcoming activity the member can see that has an area and languages: one of her chapter's. */
async function firstActivityFor(pseudonym: string): Promise<string> {
  const { db } = openDatabase(app.databasePath);
  try {
    const row = await db
      .selectFrom("activities")
      .innerJoin("members", "members.chapter_id", "activities.chapter_id")
      .select("activities.id")
      .where("members.pseudonym", "=", pseudonym)
      .where("activities.group_id", "is", null)
      .where("activities.status", "=", "scheduled")
      .where("activities.starts_at", ">", new Date().toISOString())
      .orderBy("activities.starts_at")
      .executeTakeFirstOrThrow();
    return row.id;
  } finally {
    await db.destroy();
  }
}

async function signInMember(page: Page) {
  await page.goto(app.baseUrl + "/login");
  await page.getByLabel(nb.login.pseudonymLabel).fill("Solsikke");
  await page.getByLabel(nb.login.passphraseLabel).fill(DEMO_MEMBER_PASSPHRASE);
  await Promise.all([page.waitForURL(app.baseUrl + "/"), page.getByRole("button", { name: nb.login.submit }).click()]);
  await page.close();
}

async function signInStaff(page: Page) {
  await page.goto(app.baseUrl + "/staff/login");
  await page.getByLabel(nb.staff.login.email).fill(DEMO_ADMIN_EMAIL);
  await page.getByLabel(nb.staff.login.password).fill("demo-admin-pass");
  await Promise.all([
    page.waitForURL(/\/staff\/login\/totp/),
    page.getByRole("button", { name: nb.staff.login.submit }).click(),
  ]);
  await page.getByLabel(nb.staff.totp.code, { exact: true }).fill(currentTotpCode(DEMO_TOTP_SECRET));
  await Promise.all([
    page.waitForURL(app.baseUrl + "/staff"),
    page.getByRole("button", { name: nb.staff.totp.submit }).click(),
  ]);
  await page.close();
}

/** The language cookie, as the language switch would set it. */
async function useLanguage(context: BrowserContext, locale: Locale) {
  await context.addCookies([{ name: "lang", value: locale, url: app.baseUrl }]);
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/** axe-core inside the page. page.evaluate is not subject to the page's CSP; a script tag would be. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const violations = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: typeof axe }).axe
        .run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] })
        .then((r) => r.violations as unknown as AxeViolation[]),
    WCAG_AA,
  );
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(n.target)} — ${n.failureSummary ?? ""}`),
  );
}

test("the axe check can fail: a text field without a label is reported", async () => {
  const page = await anonymous.newPage();
  try {
    await page.goto(app.baseUrl + "/login", { waitUntil: "networkidle" });
    await page.evaluate(() => document.querySelector("main")?.insertAdjacentHTML("beforeend", '<input type="text">'));
    expect((await axeViolations(page)).filter((v) => v.startsWith("label "))).toHaveLength(1);
  } finally {
    await page.close();
  }
});

type PageType = {
  name: string;
  who: "anonymous" | "member" | "staff";
  path: () => string;
  prepare?: (page: Page) => Promise<void>;
};

const PAGE_TYPES: PageType[] = [
  { name: "landing", who: "anonymous", path: () => "/" },
  { name: "join", who: "anonymous", path: () => "/join" },
  {
    name: "join with errors",
    who: "anonymous",
    path: () => "/join",
    // An empty form: the error summary and the errors next to the fields.
    prepare: async (page) => {
      await Promise.all([page.waitForLoadState("networkidle"), page.locator("main form button[type=submit]").click()]);
      await page.locator(".error-summary").waitFor();
    },
  },
  { name: "sign-in", who: "anonymous", path: () => "/login" },
  { name: "new passphrase", who: "anonymous", path: () => "/reset" },
  { name: "safety tips", who: "anonymous", path: () => "/safety" },
  { name: "not found", who: "anonymous", path: () => "/no-such-page" },
  { name: "activity list", who: "member", path: () => "/" },
  { name: "activity page", who: "member", path: () => `/activities/${memberActivityId}` },
  { name: "my page", who: "member", path: () => "/me" },
  { name: "sessions", who: "member", path: () => "/me/sessions" },
  { name: "staff sign-in", who: "anonymous", path: () => "/staff/login" },
  { name: "staff dashboard", who: "staff", path: () => "/staff" },
  { name: "staff new activity form", who: "staff", path: () => "/staff/activities/new" },
  { name: "staff activity", who: "staff", path: () => `/staff/activities/${staffActivityId}` },
  { name: "staff answers", who: "staff", path: () => `/staff/activities/${staffActivityId}/answers` },
];

const contextFor = (who: PageType["who"]) => (who === "member" ? member : who === "staff" ? staff : anonymous);

describe.each(LANGUAGES)("in %s", (locale) => {
  beforeAll(async () => {
    for (const context of [anonymous, member, staff]) await useLanguage(context, locale);
  });

  test.each(PAGE_TYPES)(
    "the $name page has no WCAG 2.1 AA violations and the right lang and dir",
    async ({ who, path, prepare }) => {
      const page = await contextFor(who).newPage();
      try {
        await page.goto(app.baseUrl + path(), { waitUntil: "networkidle" });
        // After hydration, so what axe sees is what a person can use.
        await page.waitForFunction(() => "__remixRouter" in window, null, { timeout: 30_000 });
        await prepare?.(page);
        const html = await page.evaluate(() => ({
          lang: document.documentElement.lang,
          dir: document.documentElement.dir,
        }));
        expect(html).toEqual({ lang: LOCALE_TAGS[locale], dir: direction(locale) });
        expect(await axeViolations(page)).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );

  test("phone screenshots of the activity list and an activity page", async () => {
    const page = await member.newPage();
    try {
      await page.goto(app.baseUrl + "/", { waitUntil: "networkidle" });
      await page.locator(".activity-card").first().waitFor();
      await screenshot(page, `a11y-activity-list-${locale}`);
      await page.goto(`${app.baseUrl}/activities/${memberActivityId}`, { waitUntil: "networkidle" });
      await screenshot(page, `a11y-activity-page-${locale}`);
      // The quick-exit button sits at the inline end: the right in nb/en, the left in Arabic.
      const exit = await page.locator(".quick-exit__button").boundingBox();
      if (!exit) throw new Error("no quick-exit button");
      if (direction(locale) === "rtl") expect(exit.x).toBeLessThan(PHONE.width / 2);
      else expect(exit.x + exit.width).toBeGreaterThan(PHONE.width / 2);
    } finally {
      await page.close();
    }
  });
});

/** Pages that scroll sideways cannot be read at 400% zoom or on a small phone (WCAG 1.4.10). */
async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; widest: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const widest = [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > width + 1 || el.getBoundingClientRect().left < -1)
      .filter((el) => getComputedStyle(el).position !== "absolute" && !el.closest(".visually-hidden, .skip-link"))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    return { scrollWidth: document.documentElement.scrollWidth, widest };
  });
}

// 320 CSS px is a 1280 px window at 400% zoom; 640 CSS px is the same window at 200%.
const SIZES = [
  { width: 320, height: 640, label: "320 px wide", locale: "nb" },
  { width: 320, height: 640, label: "320 px wide", locale: "ar" },
  { width: 640, height: 450, label: "200% zoom", locale: "nb" },
  { width: 640, height: 450, label: "200% zoom", locale: "ar" },
] as const;

describe.each(SIZES)("at $label in $locale", ({ width, height, locale }) => {
  const contexts = new Map<PageType["who"], BrowserContext>();
  beforeAll(async () => {
    for (const who of ["anonymous", "member", "staff"] as const) {
      const storageState = await contextFor(who).storageState();
      const context = await browser.newContext({ viewport: { width, height }, locale: "nb-NO", storageState });
      await useLanguage(context, locale);
      contexts.set(who, context);
    }
  });
  afterAll(async () => {
    for (const context of contexts.values()) await context.close();
  });

  test.each(PAGE_TYPES.filter((p) => !p.prepare))(
    "the $name page does not scroll sideways",
    async ({ who, path, name }) => {
      const page = await contexts.get(who)!.newPage();
      try {
        await page.goto(app.baseUrl + path(), { waitUntil: "networkidle" });
        const { scrollWidth, widest } = await horizontalOverflow(page);
        if (width === 320 && (name === "activity list" || name === "activity page")) {
          await screenshot(page, `a11y-320-${name.replace(" ", "-")}-${locale}`);
        }
        // The elements that stick out are named only to make a failure easy to fix.
        expect(scrollWidth <= width ? [] : [`${scrollWidth} px`, ...widest]).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );
});

describe("motion", () => {
  test("with reduced motion asked for, nothing animates or transitions", async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: "nb-NO", reducedMotion: "reduce" });
    const page = await context.newPage();
    try {
      await page.goto(app.baseUrl + "/login", { waitUntil: "networkidle" });
      const moving = await page.evaluate(() =>
        [...document.querySelectorAll("*")]
          .map((el) => ({ el, style: getComputedStyle(el) }))
          .filter(
            ({ style }) =>
              style.animationName !== "none" || style.transitionDuration.split(",").some((d) => parseFloat(d) > 0),
          )
          .map(({ el }) => el.tagName),
      );
      expect(await page.evaluate(() => matchMedia("(prefers-reduced-motion: reduce)").matches)).toBe(true);
      expect(moving).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
