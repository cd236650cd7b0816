// Push in Chromium: a member turns notifications on for this phone on /notices, the browser's
// subscription (answered by a stand-in, as Chromium here has no push service) reaches the server,
// and a push the server sends decrypts to the neutral line only. The real service worker is
// registered, and shows exactly that line when the push arrives.
import path from "node:path";
import { setupServer } from "msw/node";
import type { Browser, Page, Worker } from "playwright-core";
import { DEMO_MEMBER_PASSPHRASE } from "../../scripts/demo-data";
import { openDatabase } from "../../db/connection";
import { sendPushToMember } from "~/features/push/send-push.server";
import { vapidKeys } from "~/features/push/vapid.server";
import { resources } from "~/i18n/catalogs.server";
import { parseEnv } from "~/platform/env.server";
import { createTestDevice, pushServiceHandlers } from "../mocks/push-service";
import { withStandInPushService } from "./push-stand-in";
import { launchBrowser, PHONE, screenshot, startApp, waitForHydration, watchPage, type RunningApp } from "./support";

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

async function signIn(page: Page) {
  await page.goto(app.baseUrl + "/login", { waitUntil: "networkidle" });
  await page.getByLabel(nb.login.pseudonymLabel).fill("Solsikke");
  await page.getByLabel(nb.login.passphraseLabel).fill(DEMO_MEMBER_PASSPHRASE);
  await Promise.all([page.waitForURL(app.baseUrl + "/"), page.getByRole("button", { name: nb.login.submit }).click()]);
}

function shownBy(worker: Worker) {
  return worker.evaluate(() => (self as unknown as { __shown: unknown[] }).__shown);
}

describe("push notifications on a phone", () => {
  test("are turned on from the page, and a push reaches the device as the neutral line only", async () => {
    const device = createTestDevice();
    const context = await browser.newContext({ viewport: PHONE, locale: "nb-NO", isMobile: true, hasTouch: true });
    await context.grantPermissions(["notifications"], { origin: app.baseUrl });
    await withStandInPushService(context, device);
    const page = await context.newPage();
    const problems = await watchPage(page, app.baseUrl);
    const { db } = openDatabase(app.databasePath);
    try {
      await signIn(page);
      await page.goto(app.baseUrl + "/notices", { waitUntil: "networkidle" });
      await waitForHydration(page);
      const section = page.getByRole("region", { name: nb.push.settings.title });
      await section.getByText(nb.push.settings.isOff).waitFor();
      // No service worker until she turns push on.
      expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length))).toBe(0);

      await section.getByRole("button", { name: nb.push.settings.turnOn }).click();
      await section.getByText(nb.push.settings.isOn).waitFor();
      const full = await screenshot(page, "push-settings-on");
      await section.screenshot({ path: path.join(path.dirname(full), "push-settings-section-phone.png") });

      const member = await db
        .selectFrom("members")
        .select("id")
        .where("pseudonym", "=", "Solsikke")
        .executeTakeFirstOrThrow();
      const kept = await db.selectFrom("push_subscriptions").selectAll().where("member_id", "=", member.id).execute();
      expect(kept.map((s) => [s.endpoint, s.p256dh, s.auth, s.show_details])).toEqual([
        [device.endpoint, device.p256dh, device.auth, 0],
      ]);
      const env = parseEnv({});
      // The browser subscribed with the key the server signs with.
      expect(await page.evaluate(() => (window as unknown as { __serverKey: string }).__serverKey)).toBe(
        (await vapidKeys(db, env)).publicKey,
      );
      // The real service worker is registered, for the whole site, and controls the page.
      const registered = await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        return { script: registration.active?.scriptURL, scope: registration.scope };
      });
      expect(registered).toEqual({ script: `${app.baseUrl}/sw.js`, scope: `${app.baseUrl}/` });

      // The server sends; the stand-in push service receives; the device's key decrypts it.
      const push = pushServiceHandlers();
      const pushService = setupServer(push.handler);
      pushService.listen({ onUnhandledRequest: "bypass" });
      try {
        const report = await sendPushToMember(
          db,
          { memberId: member.id, noticeId: "e2e", detail: "Middag flyttet" },
          env,
        );
        expect(report).toEqual({ sent: 1, removed: 0, failed: 0 });
      } finally {
        pushService.close();
      }
      expect(push.received).toHaveLength(1);
      const shown = device.decrypt(push.received[0]!.body);
      expect(shown).toBe('{"title":"Møteplass","body":"Du har en ny melding"}');

      // Delivered to the service worker as the push service would, it shows exactly that.
      // Playwright reaches into the worker to watch what it shows (headless Chromium has no tray).
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
      await worker.evaluate(() => {
        const scope = self as unknown as { registration: ServiceWorkerRegistration; __shown: unknown[] };
        const show = scope.registration.showNotification.bind(scope.registration);
        scope.__shown = [];
        scope.registration.showNotification = (title: string, options?: NotificationOptions) => {
          scope.__shown.push({ title, body: options?.body, tag: options?.tag, icon: options?.icon });
          return show(title, options);
        };
      });
      const cdp = await context.newCDPSession(page);
      const registrationId = new Promise<string>((resolve) =>
        cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => {
          const ours = registrations.find((r) => r.scopeURL === `${app.baseUrl}/` && !r.isDeleted);
          if (ours) resolve(ours.registrationId);
        }),
      );
      await cdp.send("ServiceWorker.enable");
      await cdp.send("ServiceWorker.deliverPushMessage", {
        origin: app.baseUrl,
        registrationId: await registrationId,
        data: shown,
      });
      await vi.waitFor(async () => expect(await shownBy(worker)).toHaveLength(1), { timeout: 10_000 });
      expect(await shownBy(worker)).toEqual([
        { title: "Møteplass", body: "Du har en ny melding", tag: "notice", icon: "/icon-192.png" },
      ]);

      // Turning it off forgets the device on the server and unregisters the worker.
      await section.getByRole("button", { name: nb.push.settings.turnOff }).click();
      await section.getByText(nb.push.settings.isOff).waitFor();
      expect(await db.selectFrom("push_subscriptions").select("id").execute()).toEqual([]);
      expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length))).toBe(0);
      expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [], foreignRequests: [] });
    } finally {
      await db.destroy();
      await context.close();
    }
  }, 90_000);
});
